package org.chart2claim.appeal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.LineResult;

/**
 * Which lines of a remittance need work: a line denied or reduced by anything but the contractual CO-45 (the
 * first such adjustment is the item's reason), a line with patient responsibility ("bill the patient"), and a
 * claim rejected before adjudication (one item for the whole claim, line 0). Paid lines with only CO-45 need none.
 */
public final class DeniedLines {
    private DeniedLines() {}

    /** One line that needs work, with the adjustment it is about. */
    public record Candidate(
            int line,
            String code,
            List<String> modifiers,
            String group,
            String carc,
            List<String> rarc,
            BigDecimal billed,
            BigDecimal allowed,
            BigDecimal paid,
            BigDecimal amount,
            String explanation) {
        public Candidate {
            modifiers = List.copyOf(modifiers);
            rarc = List.copyOf(rarc);
        }
    }

    public static List<Candidate> of(ClaimResult result) {
        List<Candidate> out = new ArrayList<>();
        if (result.status() == ClaimStatus.REVERSED) {
            return out;
        }
        if (result.status() == ClaimStatus.REJECTED) {
            String reasons = String.join(
                    " ",
                    result.rejections().stream()
                            .map(r -> r.field() + ": " + r.reason())
                            .toList());
            out.add(new Candidate(
                    0,
                    "",
                    List.of(),
                    Denial.REJECTED,
                    "",
                    List.of(),
                    result.billed(),
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    result.billed(),
                    reasons));
            return out;
        }
        for (LineResult line : result.lines()) {
            Adjustment reason = line.adjustments().stream()
                    .filter(a -> a.group() != GroupCode.PR && !"45".equals(a.carc()))
                    .findFirst()
                    .orElse(null);
            if (reason != null) {
                out.add(candidate(line, reason, reason.amount()));
                continue;
            }
            List<Adjustment> patient = line.adjustments().stream()
                    .filter(a -> a.group() == GroupCode.PR)
                    .toList();
            if (!patient.isEmpty() && line.patientResponsibility().signum() > 0) {
                out.add(candidate(line, patient.getFirst(), line.patientResponsibility()));
            }
        }
        return out;
    }

    private static Candidate candidate(LineResult line, Adjustment a, BigDecimal amount) {
        return new Candidate(
                line.line(),
                line.code(),
                line.modifiers(),
                a.group().name(),
                a.carc(),
                a.rarc(),
                line.billed(),
                line.allowed(),
                line.paid(),
                amount,
                a.explanation());
    }
}
