package org.chart2claim.payer;

import java.math.BigDecimal;
import java.util.List;

/**
 * The payer's answer to one claim, shaped like the JSON API answer and carrying what the 835 needs.
 *
 * @param payerClaimNumber the payer's control number (CLP07), used by replacements and voids (REF*F8)
 */
public record ClaimResult(
        String patientControlNumber,
        String payerClaimNumber,
        String payerId,
        String payerName,
        String memberId,
        String patientLastName,
        String patientFirstName,
        String billingNpi,
        String billingName,
        String billingTaxId,
        ClaimStatus status,
        BigDecimal billed,
        BigDecimal paid,
        BigDecimal patientResponsibility,
        List<Rejection> rejections,
        List<LineResult> lines) {
    public ClaimResult {
        rejections = List.copyOf(rejections);
        lines = List.copyOf(lines);
    }

    public BigDecimal allowed() {
        return lines.stream().map(LineResult::allowed).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Exam mode: the same decisions without the hints that say how to fix them. */
    public ClaimResult withoutHints() {
        return new ClaimResult(
                patientControlNumber,
                payerClaimNumber,
                payerId,
                payerName,
                memberId,
                patientLastName,
                patientFirstName,
                billingNpi,
                billingName,
                billingTaxId,
                status,
                billed,
                paid,
                patientResponsibility,
                rejections,
                lines.stream().map(LineResult::withoutHints).toList());
    }
}
