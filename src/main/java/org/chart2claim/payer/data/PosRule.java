package org.chart2claim.payer.data;

import java.util.Set;

/** Places of service where codes {@code fromCode}..{@code toCode} (inclusive, same length) are payable. */
public record PosRule(String fromCode, String toCode, Set<String> allowed, String reason) {
    public boolean appliesTo(String code) {
        return code != null
                && code.length() == fromCode.length()
                && code.compareTo(fromCode) >= 0
                && code.compareTo(toCode) <= 0;
    }
}
