package org.chart2claim.payer.edit;

import java.util.List;
import org.chart2claim.payer.GroupCode;

/** Procedure code not in the CPT/HCPCS code books for the date of service: CO-181 + M51. */
public final class InvalidProcedureCodeEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        for (LineState line : ctx.openLines()) {
            if (ctx.procedure(line.line().code()).isEmpty()) {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        "181",
                        List.of("M51"),
                        name(),
                        "Procedure code " + line.line().code()
                                + " is not a valid CPT/HCPCS code on the date of service (unknown or deleted).",
                        "Look the service up in the current code book and bill the code valid on the date of service.");
            }
        }
    }
}
