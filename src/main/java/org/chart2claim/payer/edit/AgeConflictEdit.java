package org.chart2claim.payer.edit;

import java.util.List;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.data.AgeSexRule;

/**
 * Procedure (CO-6) or diagnosis (CO-9) inconsistent with the patient's age on the date of service. The
 * diagnosis check reads every diagnosis on the claim (box 21 / HI), not only the pointed ones.
 */
public final class AgeConflictEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        for (LineState line : ctx.openLines()) {
            int age = ctx.patientAgeOn(line.line().serviceDate());
            if (age < 0) {
                continue;
            }
            String code = line.line().code();
            AgeSexRule procRule = rule(ctx, CodeSystem.CPT, code, age);
            if (procRule != null) {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        "6",
                        List.of(),
                        name(),
                        "Procedure " + code + " does not fit a patient aged " + age + ": " + procRule.reason() + " ("
                                + procRule.ageRange() + ").",
                        "Choose the code for the patient's age on the date of service (age-banded codes such as preventive visits).");
                continue;
            }
            for (String dx : ctx.diagnosesPointedFirst(line)) {
                AgeSexRule dxRule = rule(ctx, CodeSystem.ICD10CM, dx, age);
                if (dxRule != null) {
                    ctx.denyLine(
                            line,
                            GroupCode.CO,
                            "9",
                            List.of(),
                            name(),
                            pointedOrOnClaim(ctx, line, dx) + " does not fit a patient aged " + age + ": "
                                    + dxRule.reason() + " (" + dxRule.ageRange() + ").",
                            "Check the patient's birth date (box 3) and choose a diagnosis valid for the patient's age.");
                    break;
                }
            }
        }
    }

    private static AgeSexRule rule(AdjudicationContext ctx, CodeSystem system, String code, int age) {
        return ctx.rules().ageSexRules().stream()
                .filter(r -> r.ageConflict(age) && r.matches(system, code)) // the cheap test first
                .findFirst()
                .orElse(null);
    }

    private static String pointedOrOnClaim(AdjudicationContext ctx, LineState line, String dx) {
        return ctx.claim().diagnosesFor(line.line()).contains(dx)
                ? "Diagnosis " + dx
                : "Diagnosis " + dx + " (on the claim, though this line does not point to it)";
    }
}
