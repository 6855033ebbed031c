package org.chart2claim.payer.edit;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.data.PtpEdit;

/**
 * NCCI-style procedure-to-procedure bundling: when column-1 and column-2 codes of an active pair are billed
 * on the same date, the column-2 line is denied CO-97 + M15 — unless the pair's modifier indicator is 1 and
 * an NCCI-associated modifier is present (59, XE/XS/XP/XU, anatomic, 24/25/57/58/78/79/91). An E/M column-2
 * code is bypassed only by 25 (or 57), never by 59 or an X modifier.
 */
public final class NcciPtpEdit implements ClaimEdit {
    private static final Set<String> EM_BYPASS = Set.of("25", "57");

    @Override
    public void apply(AdjudicationContext ctx) {
        Set<String> bypass = ctx.rules().modifierRules().ncciBypass();
        for (LineState column2 : ctx.openLines()) {
            ServiceLine l2 = column2.line();
            if (l2.serviceDate() == null) {
                continue;
            }
            for (PtpEdit edit : ctx.rules().ptpEditsForColumn2(l2.code(), l2.serviceDate())) {
                LineState column1 = ctx.openLines().stream()
                        .filter(o -> o != column2
                                && o.line().code().equals(edit.column1())
                                && Objects.equals(o.line().serviceDate(), l2.serviceDate()))
                        .findFirst()
                        .orElse(null);
                if (column1 == null) {
                    continue;
                }
                boolean em = CodeFormat.isEvaluationAndManagement(l2.code());
                boolean bypassed = edit.modifierIndicator() == '1'
                        && (em
                                ? l2.modifiers().stream().anyMatch(EM_BYPASS::contains)
                                : l2.modifiers().stream().anyMatch(bypass::contains)
                                        || column1.line().modifiers().stream().anyMatch(bypass::contains)
                                                && !column1.line().modifiers().contains("25"));
                if (bypassed) {
                    continue;
                }
                String explanation = l2.code() + " (line " + column2.number() + ") is bundled into " + edit.column1()
                        + " (line " + column1.number() + ") billed the same day: " + edit.rationale()
                        + " (modifier indicator " + edit.modifierIndicator() + ").";
                String hint;
                if (edit.modifierIndicator() == '0') {
                    hint = "This pair can never be billed together, whatever the modifier: remove " + l2.code() + ".";
                } else if (em) {
                    hint =
                            "If the note documents a significant, separately identifiable E/M service beyond the procedure's usual pre-service work, add modifier 25 to the E/M line; otherwise do not bill the E/M.";
                } else {
                    hint =
                            "If the services were distinct (different site, session or encounter) and the note shows it, add 59 or the more specific XS/XE/XP/XU to "
                                    + l2.code() + "; otherwise remove it.";
                }
                ctx.denyLine(column2, GroupCode.CO, "97", List.of("M15"), name(), explanation, hint);
                break;
            }
        }
    }
}
