package org.chart2claim.payer.edit;

import java.util.ArrayList;
import java.util.List;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.payer.GroupCode;

/**
 * Two diagnoses on the claim form an Excludes1 pair (never reported together): lines pointing to either
 * are denied CO-16 + M76. Uses {@code CodeLookup.excludes1Conflicts}.
 */
public final class Excludes1Edit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        List<String> all = ctx.claim().diagnoses();
        List<String[]> pairs = new ArrayList<>();
        for (String dx : all) {
            List<String> others = all.stream()
                    .filter(o -> !CodeFormat.undotted(o).equals(CodeFormat.undotted(dx)))
                    .toList();
            for (String conflict : conflicts(ctx, dx, others)) {
                pairs.add(new String[] {dx, conflict});
            }
        }
        if (pairs.isEmpty()) {
            return;
        }
        for (LineState line : ctx.openLines()) {
            List<String> lineDx = ctx.claim().diagnosesFor(line.line()).stream()
                    .map(CodeFormat::undotted)
                    .toList();
            for (String[] pair : pairs) {
                if (lineDx.contains(CodeFormat.undotted(pair[0])) || lineDx.contains(CodeFormat.undotted(pair[1]))) {
                    ctx.denyLine(
                            line,
                            GroupCode.CO,
                            "16",
                            List.of("M76"),
                            name(),
                            "Diagnoses " + pair[0] + " and " + pair[1]
                                    + " are an Excludes1 pair: ICD-10-CM says they are never reported together.",
                            "Read the Excludes1 note at " + pair[0]
                                    + ": keep the code the documentation supports and remove the other (unless the note documents two unrelated conditions).");
                    break;
                }
            }
        }
    }

    private static List<String> conflicts(AdjudicationContext ctx, String dx, List<String> others) {
        List<String> dotted = others.stream().map(CodeFormat::dotted).toList();
        List<String> found = ctx.codeLookup().excludes1Conflicts(CodeFormat.dotted(dx), dotted);
        return found == null ? List.of() : found;
    }
}
