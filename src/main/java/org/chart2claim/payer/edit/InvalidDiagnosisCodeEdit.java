package org.chart2claim.payer.edit;

import java.util.List;
import org.chart2claim.payer.GroupCode;

/** A diagnosis a line points to does not exist in ICD-10-CM (nor as a header): CO-146 + M76. */
public final class InvalidDiagnosisCodeEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        for (LineState line : ctx.openLines()) {
            for (String dx : ctx.claim().diagnosesFor(line.line())) {
                if (ctx.diagnosis(dx).isEmpty() && !MissingSeventhCharacterEdit.needsSeventh(ctx, dx)) {
                    ctx.denyLine(
                            line,
                            GroupCode.CO,
                            "146",
                            List.of("M76"),
                            name(),
                            "Diagnosis " + dx + " is not a valid ICD-10-CM code for the date of service.",
                            "Search the ICD-10-CM index and tabular list for the condition and report a valid code.");
                    break;
                }
            }
        }
    }
}
