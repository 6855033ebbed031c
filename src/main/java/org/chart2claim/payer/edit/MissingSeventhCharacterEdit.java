package org.chart2claim.payer.edit;

import java.util.List;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.payer.GroupCode;

/**
 * A diagnosis that needs a 7th character (injuries, fractures...) was reported without it: CO-16 + M76.
 * Detected mechanically: the code is not billable as sent, but the same code padded with placeholder X to six
 * characters plus "A" (initial encounter) is a billable code.
 */
public final class MissingSeventhCharacterEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        for (LineState line : ctx.openLines()) {
            for (String dx : ctx.claim().diagnosesFor(line.line())) {
                if (needsSeventh(ctx, dx)) {
                    ctx.denyLine(
                            line,
                            GroupCode.CO,
                            "16",
                            List.of("M76"),
                            name(),
                            "Diagnosis " + dx + " is incomplete: its category requires a 7th character (e.g. "
                                    + withSeventh(dx) + ").",
                            "Add the 7th character for the encounter (A initial, D subsequent, S sequela), using placeholder X to fill empty positions.");
                    break;
                }
            }
        }
    }

    /** True when {@code dx} as sent is not billable but a 7-character version of it is. */
    static boolean needsSeventh(AdjudicationContext ctx, String dx) {
        if (ctx.diagnosis(dx).map(c -> c.billable()).orElse(false)) {
            return false;
        }
        return CodeFormat.seventhCharacterVariant(dx)
                .flatMap(ctx::diagnosis)
                .map(c -> c.billable())
                .orElse(false);
    }

    static String withSeventh(String dx) {
        return CodeFormat.seventhCharacterVariant(dx).orElse(dx);
    }
}
