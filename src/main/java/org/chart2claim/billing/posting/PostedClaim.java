package org.chart2claim.billing.posting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payer claim as the billing office's posting read it: what the A/R and KPI formulas count per claim (first-pass
 * acceptance, denial rate, days to pay). {@code frequency} is the claim's box 22 code (1 original, 7 replacement,
 * 8 void); a reversal row has status REVERSED.
 */
public record PostedClaim(
        long claimId,
        String payerClaimNumber,
        String payerId,
        String account,
        String status,
        String frequency,
        BigDecimal billed,
        BigDecimal paid,
        LocalDate serviceDate,
        LocalDate receivedOn) {

    public boolean original() {
        return "1".equals(frequency) && !"REVERSED".equals(status);
    }

    public boolean rejected() {
        return "REJECTED".equals(status);
    }

    public boolean reversal() {
        return "REVERSED".equals(status);
    }

    /** Entered adjudication and got an answer of its own (not a front-end rejection, not a reversal row). */
    public boolean adjudicated() {
        return !rejected() && !reversal();
    }
}
