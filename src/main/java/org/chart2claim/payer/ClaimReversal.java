package org.chart2claim.payer;

import java.util.List;

/**
 * The payer taking back a processed claim because a replacement (frequency 7) or void (8) names it: the original's
 * every amount with the opposite sign (billed, paid, each adjustment, so PR-1 deductible comes back to the member),
 * status REVERSED (835 CLP02 22) and the original's payer claim number (CLP07), the way payers remit a reversal.
 * Sums over a ledger stay truthful: original + reversal = 0 for every amount.
 */
public final class ClaimReversal {
    private ClaimReversal() {}

    /** Only paid, partly paid or denied originals can be reversed; rejected ones were never processed. */
    public static boolean reversible(ClaimResult original) {
        return original.status() != ClaimStatus.REJECTED && original.status() != ClaimStatus.REVERSED;
    }

    public static ClaimResult of(ClaimResult original) {
        if (!reversible(original)) {
            throw new IllegalArgumentException("A " + original.status() + " claim cannot be reversed.");
        }
        List<LineResult> lines = original.lines().stream()
                .map(l -> new LineResult(
                        l.line(),
                        l.code(),
                        l.modifiers(),
                        l.units(),
                        l.serviceDate(),
                        l.billed().negate(),
                        l.allowed().negate(),
                        l.paid().negate(),
                        l.adjustments().stream().map(ClaimReversal::reverse).toList()))
                .toList();
        return new ClaimResult(
                original.patientControlNumber(),
                original.payerClaimNumber(),
                original.payerId(),
                original.payerName(),
                original.memberId(),
                original.patientLastName(),
                original.patientFirstName(),
                original.billingNpi(),
                original.billingName(),
                original.billingTaxId(),
                ClaimStatus.REVERSED,
                original.billed().negate(),
                original.paid().negate(),
                original.patientResponsibility().negate(),
                List.of(),
                lines);
    }

    private static Adjustment reverse(Adjustment a) {
        return new Adjustment(
                a.group(), a.carc(), a.rarc(), a.amount().negate(), a.edit(), "Reversed: " + a.explanation(), null);
    }
}
