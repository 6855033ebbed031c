package org.chart2claim.appeal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a balance is adjusted off (the practice's adjustment codes). */
public enum WriteOffReason {
    CONTRACTUAL("Contractual (the payer's allowed amount or a reduction the contract binds us to)"),
    TIMELY_FILING("Timely filing (we filed too late; the patient may not be billed)"),
    SMALL_BALANCE("Small balance (not worth the cost of collecting)"),
    ADMINISTRATIVE("Administrative (a provider-liable denial we cannot appeal or correct)");

    private final String label;

    WriteOffReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<WriteOffReason> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
    }
}
