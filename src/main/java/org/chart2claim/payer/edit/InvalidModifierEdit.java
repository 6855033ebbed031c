package org.chart2claim.payer.edit;

import java.util.List;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.data.ModifierRules;

/**
 * A modifier the payer does not accept, or one inconsistent with the code: 25 on a non-E/M code, 26/TC
 * on a code without a professional/technical split, 50 on a code that is not bilateral, LT with RT.
 * Answer: CO-4 (+ N519 for an invalid combination).
 */
public final class InvalidModifierEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        ModifierRules rules = ctx.rules().modifierRules();
        for (LineState line : ctx.openLines()) {
            String code = line.line().code();
            String problem = null;
            String hint = null;
            List<String> rarc = List.of();
            for (String m : line.line().modifiers()) {
                if (!rules.known().contains(m)) {
                    problem = "Modifier " + m + " is not a valid modifier for this payer.";
                    hint = "Check the modifier list; remove or replace " + m + ".";
                } else if (m.equals("25") && !CodeFormat.isEvaluationAndManagement(code)) {
                    problem = "Modifier 25 belongs on an E/M code, not on " + code + ".";
                    hint =
                            "Put modifier 25 on the E/M line that is significant and separately identifiable, not on the procedure.";
                } else if ((m.equals("26") || m.equals("TC"))
                        && !rules.professionalTechnicalSplit().contains(code)) {
                    problem = "Code " + code + " has no professional/technical split, so modifier " + m
                            + " does not apply.";
                    hint =
                            "Use 26/TC only on codes with separate professional and technical components; otherwise bill the code without it.";
                } else if (m.equals("50") && !rules.bilateralAllowed().contains(code)) {
                    problem = "Code " + code + " is not a bilateral procedure, so modifier 50 does not apply.";
                    hint = "Bill one line per side with LT/RT or the units the code definition allows.";
                }
                if (problem != null) {
                    break;
                }
            }
            if (problem == null && line.line().hasModifier("LT") && line.line().hasModifier("RT")) {
                problem = "LT and RT on one line contradict each other.";
                hint = "Bill modifier 50 (if the code allows bilateral) or one line per side.";
                rarc = List.of("N519");
            }
            if (problem != null) {
                ctx.denyLine(line, GroupCode.CO, "4", rarc, name(), problem, hint);
            }
        }
    }
}
