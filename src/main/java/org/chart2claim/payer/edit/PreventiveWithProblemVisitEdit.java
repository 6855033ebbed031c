package org.chart2claim.payer.edit;

import java.util.List;
import java.util.Objects;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.payer.GroupCode;

/**
 * A problem-oriented office E/M (99202–99215) billed on the same date as a preventive visit (99381–99397)
 * without modifier 25 is part of the preventive service: CO-97 + N20. With 25 the problem visit is a
 * significant, separately identifiable service and is paid (the CPT preventive-medicine guideline).
 */
public final class PreventiveWithProblemVisitEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        for (LineState problem : ctx.openLines()) {
            ServiceLine l = problem.line();
            if (!isProblemVisit(l.code()) || l.hasModifier("25")) {
                continue;
            }
            LineState preventive = ctx.lines().stream()
                    .filter(o -> o != problem
                            && isPreventiveVisit(o.line().code())
                            && Objects.equals(o.line().serviceDate(), l.serviceDate()))
                    .findFirst()
                    .orElse(null);
            if (preventive == null) {
                continue;
            }
            ctx.denyLine(
                    problem,
                    GroupCode.CO,
                    "97",
                    List.of("N20"),
                    name(),
                    l.code() + " (line " + problem.number() + ") on the same day as the preventive visit "
                            + preventive.line().code() + " (line " + preventive.number()
                            + ") without modifier 25 is included in the preventive service.",
                    "If the note documents a problem that needed significant, separately identifiable work beyond the preventive visit, add modifier 25 to the problem E/M; otherwise bill the preventive visit alone.");
        }
    }

    static boolean isProblemVisit(String code) {
        return code != null && code.matches("992(0[2-5]|1[1-5])");
    }

    static boolean isPreventiveVisit(String code) {
        return code != null && code.matches("993(8[1-7]|9[1-7])");
    }
}
