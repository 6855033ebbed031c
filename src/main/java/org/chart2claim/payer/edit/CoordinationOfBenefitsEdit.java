package org.chart2claim.payer.edit;

import java.math.BigDecimal;
import java.util.List;
import org.chart2claim.claim.OtherCoverage;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.GroupCode;

/**
 * A secondary claim (it carries the primary's payment, 2320/2430): the payer prices the line as if it were primary,
 * then pays only what the primary left of its own allowed amount, never more than it would have paid as primary
 * ("lesser of", as Medicare pays as secondary). The patient's share shrinks by what the two payers cover; the
 * difference is OA-23 (the impact of the prior payer's adjudication). Runs last, after cost sharing.
 */
public final class CoordinationOfBenefitsEdit implements ClaimEdit {
    static final String CARC = "23";

    @Override
    public void apply(AdjudicationContext ctx) {
        OtherCoverage other = ctx.claim().otherCoverage();
        if (other == null || other.priorPayment() == null) {
            return;
        }
        for (LineState line : ctx.openLines()) {
            BigDecimal primaryPaid = other.priorPayment().paidOnLine(line.number());
            if (primaryPaid.signum() <= 0
                    && other.priorPayment().lines().stream().noneMatch(l -> l.line() == line.number())) {
                continue; // the primary said nothing about this line
            }
            BigDecimal allowed = line.allowed();
            BigDecimal adjusted =
                    line.adjustments.stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal asPrimary = line.line().charge().subtract(adjusted); // what it would pay as primary
            BigDecimal patient = line.adjustments.stream()
                    .filter(a -> a.group() == GroupCode.PR)
                    .map(Adjustment::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal left = allowed.subtract(primaryPaid).max(BigDecimal.ZERO);
            BigDecimal pays = asPrimary.min(left).max(BigDecimal.ZERO);
            BigDecimal patientNow = left.subtract(pays).min(patient).max(BigDecimal.ZERO);
            reducePatientShare(line, patient.subtract(patientNow));
            BigDecimal cob = asPrimary.subtract(pays).add(patient.subtract(patientNow));
            ctx.adjust(
                    line,
                    GroupCode.OA,
                    CARC,
                    List.of(),
                    cob,
                    name(),
                    "Secondary payment: " + other.planName() + " paid $" + primaryPaid + " of the $" + allowed
                            + " allowed; " + ctx.payer().name() + " pays $" + pays + " of the rest"
                            + (patientNow.signum() > 0 ? " and the patient owes $" + patientNow : "") + ".",
                    null);
        }
    }

    /** Takes {@code amount} off the line's patient-responsibility adjustments, the last one first. */
    private static void reducePatientShare(LineState line, BigDecimal amount) {
        BigDecimal rest = amount;
        for (int i = line.adjustments.size() - 1; i >= 0 && rest.signum() > 0; i--) {
            Adjustment a = line.adjustments.get(i);
            if (a.group() != GroupCode.PR) {
                continue;
            }
            BigDecimal cut = a.amount().min(rest);
            rest = rest.subtract(cut);
            BigDecimal kept = a.amount().subtract(cut);
            if (kept.signum() == 0) {
                line.adjustments.remove(i);
            } else {
                line.adjustments.set(
                        i, new Adjustment(a.group(), a.carc(), a.rarc(), kept, a.edit(), a.explanation(), a.hint()));
            }
        }
    }
}
