package org.chart2claim.payer.edit;

import java.util.List;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.data.ModifierRules;

/**
 * A required modifier is missing: laterality (LT/RT/50 or a digit/eyelid modifier) on paired-organ codes, or 26
 * on a split code billed from a facility setting where the practice only interprets. Answer: CO-4.
 */
public final class MissingModifierEdit implements ClaimEdit {
    private static final List<String> SIDES = List.of(
            "LT", "RT", "50", "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "TA",
            "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9");

    @Override
    public void apply(AdjudicationContext ctx) {
        ModifierRules rules = ctx.rules().modifierRules();
        for (LineState line : ctx.openLines()) {
            String code = line.line().code();
            if (rules.lateralityRequired().contains(code)
                    && line.line().modifiers().stream().noneMatch(SIDES::contains)) {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        "4",
                        List.of(),
                        name(),
                        "Code " + code + " is performed on a paired body part and needs a side (LT, RT or 50).",
                        "Read the note for laterality and add LT or RT (or 50 when both sides were done and the code allows it).");
                continue;
            }
            String pos = ctx.claim().placeOfServiceFor(line.line());
            if (rules.professionalTechnicalSplit().contains(code)
                    && rules.facilityPlacesOfService().contains(pos)
                    && !line.line().hasModifier("26")) {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        "4",
                        List.of(),
                        name(),
                        "In place of service " + pos + " the facility bills the technical part of " + code
                                + "; the physician bills only the interpretation.",
                        "Add modifier 26 (professional component) when the study was done in a hospital or facility setting.");
            }
        }
    }
}
