package org.chart2claim.payer.data;

import java.time.LocalDate;
import java.util.Set;

/** A prior authorization on file: which member, which codes, valid between two dates (inclusive). */
public record Authorization(
        String payerId, String memberId, String number, Set<String> codes, LocalDate validFrom, LocalDate validTo) {

    public boolean covers(String member, String code, LocalDate date) {
        return memberId.equals(member) && codes.contains(code) && !date.isBefore(validFrom) && !date.isAfter(validTo);
    }
}
