package org.chart2claim.payer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A payer-side error on one service line: data on the payer's side was wrong (an authorization on file but not
 * linked, a mis-keyed member id, a policy misread, an other-coverage flag that is not true), so the payer denied a
 * line its own rules would have paid. The line's honest adjustments are replaced by one denial of the whole
 * charge, named like the edit that would send it, so the remittance looks like any other; an appeal that proves
 * the error has the claim reprocessed ({@link PayerService#reprocess}). Denial drills use it.
 *
 * @param line the 1-based service line the error hits
 * @param edit the edit name the adjustment carries (e.g. "PriorAuthorizationEdit")
 */
public record PayerError(int line, GroupCode group, String carc, List<String> rarc, String edit, String explanation) {
    public PayerError {
        rarc = rarc == null ? List.of() : List.copyOf(rarc);
        if (line < 1) {
            throw new IllegalArgumentException("A payer error names a service line from 1, not " + line + ".");
        }
    }

    /** The remittance as the payer sends it with this error: the line denied, the claim totals and status again. */
    public ClaimResult apply(ClaimResult honest) {
        if (honest.status() == ClaimStatus.REJECTED || honest.status() == ClaimStatus.REVERSED) {
            throw new IllegalArgumentException("A " + honest.status() + " claim has no lines a payer error can hit.");
        }
        if (honest.lines().stream().noneMatch(l -> l.line() == line)) {
            throw new IllegalArgumentException("The claim has no service line " + line + ".");
        }
        List<LineResult> lines = new ArrayList<>();
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal patient = BigDecimal.ZERO;
        int denied = 0;
        boolean reduced = false;
        for (LineResult l : honest.lines()) {
            LineResult shown = l;
            if (l.line() == line) {
                shown = new LineResult(
                        l.line(),
                        l.code(),
                        l.modifiers(),
                        l.units(),
                        l.serviceDate(),
                        l.billed(),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        List.of(new Adjustment(group, carc, rarc, l.billed(), edit, explanation, null)));
            }
            lines.add(shown);
            paid = paid.add(shown.paid());
            patient = patient.add(shown.patientResponsibility());
            if (shown.paid().signum() == 0 && shown.patientResponsibility().signum() == 0) {
                denied++;
            } else if (shown.paid().compareTo(shown.billed()) < 0
                    && shown.adjustments().stream()
                            .anyMatch(a -> !"45".equals(a.carc()) && a.group() != GroupCode.PR)) {
                reduced = true;
            }
        }
        ClaimStatus status = denied == lines.size()
                ? ClaimStatus.DENIED
                : denied > 0 || reduced ? ClaimStatus.PARTIAL : ClaimStatus.PAID;
        return new ClaimResult(
                honest.patientControlNumber(),
                honest.payerClaimNumber(),
                honest.payerId(),
                honest.payerName(),
                honest.memberId(),
                honest.patientLastName(),
                honest.patientFirstName(),
                honest.billingNpi(),
                honest.billingName(),
                honest.billingTaxId(),
                status,
                honest.billed(),
                paid,
                patient,
                honest.rejections(),
                lines);
    }
}
