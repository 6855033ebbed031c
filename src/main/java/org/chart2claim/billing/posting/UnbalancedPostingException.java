package org.chart2claim.billing.posting;

import java.math.BigDecimal;

/** A posting that does not balance to the cent: nothing of it was posted; {@link #difference()} says by how much. */
public class UnbalancedPostingException extends RuntimeException {
    private final BigDecimal difference;

    public UnbalancedPostingException(String message, BigDecimal difference) {
        super(message + " (difference " + RemittancePosting.cents(difference) + ").");
        this.difference = difference;
    }

    public BigDecimal difference() {
        return difference;
    }
}
