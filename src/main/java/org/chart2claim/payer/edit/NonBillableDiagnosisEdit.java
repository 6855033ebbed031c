package org.chart2claim.payer.edit;

import java.util.List;
import org.chart2claim.payer.GroupCode;

/** A category or subcategory header (not billable) used where a more specific code exists: CO-16 + M76. */
public final class NonBillableDiagnosisEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        for (LineState line : ctx.openLines()) {
            for (String dx : ctx.claim().diagnosesFor(line.line())) {
                boolean header = ctx.diagnosis(dx).map(c -> !c.billable()).orElse(false);
                if (header && !MissingSeventhCharacterEdit.needsSeventh(ctx, dx)) {
                    ctx.denyLine(
                            line,
                            GroupCode.CO,
                            "16",
                            List.of("M76"),
                            name(),
                            "Diagnosis " + dx
                                    + " is a header, not a billable code: ICD-10-CM has more specific codes under it.",
                            "Code to the highest specificity: open " + dx
                                    + " in the tabular list and choose the subcode the note supports.");
                    break;
                }
            }
        }
    }
}
