package org.chart2claim.payer.edit;

import java.util.List;
import org.chart2claim.claim.Sex;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.data.AgeSexRule;

/**
 * Procedure (CO-7) or diagnosis (CO-10) inconsistent with the patient's sex (MCE-style table). Like a real
 * payer, the diagnosis check reads every diagnosis on the claim (box 21 / HI), not only the pointed ones: a
 * conflicting diagnosis anywhere on the claim denies every line.
 */
public final class SexConflictEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        Sex sex = ctx.claim().patient() == null ? Sex.U : ctx.claim().patient().sex();
        if (sex == null || sex == Sex.U) {
            return;
        }
        for (LineState line : ctx.openLines()) {
            String code = line.line().code();
            AgeSexRule procRule = rule(ctx, CodeSystem.CPT, code, sex);
            if (procRule != null) {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        "7",
                        List.of(),
                        name(),
                        "Procedure " + code + " is inconsistent with the patient's sex (" + sex + "): "
                                + procRule.reason() + ".",
                        "Check the patient's demographics (box 3) and the procedure code against the note.");
                continue;
            }
            for (String dx : ctx.diagnosesPointedFirst(line)) {
                AgeSexRule dxRule = rule(ctx, CodeSystem.ICD10CM, dx, sex);
                if (dxRule != null) {
                    ctx.denyLine(
                            line,
                            GroupCode.CO,
                            "10",
                            List.of(),
                            name(),
                            pointedOrOnClaim(ctx, line, dx) + " is inconsistent with the patient's sex (" + sex + "): "
                                    + dxRule.reason() + ".",
                            "Check the patient's demographics (box 3) and the diagnosis code against the note.");
                    break;
                }
            }
        }
    }

    private static AgeSexRule rule(AdjudicationContext ctx, CodeSystem system, String code, Sex sex) {
        return ctx.rules().ageSexRules().stream()
                .filter(r -> r.sexConflict(sex) && r.matches(system, code)) // the cheap test first
                .findFirst()
                .orElse(null);
    }

    private static String pointedOrOnClaim(AdjudicationContext ctx, LineState line, String dx) {
        return ctx.claim().diagnosesFor(line.line()).contains(dx)
                ? "Diagnosis " + dx
                : "Diagnosis " + dx + " (on the claim, though this line does not point to it)";
    }
}
