package org.chart2claim.payer.edit;

import java.util.List;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.data.CoveragePolicy;

/**
 * LCD-style coverage: a procedure under a policy is paid only when one of the line's pointed diagnoses is a
 * covering diagnosis. Otherwise the diagnosis does not support the procedure: CO-50 + N115.
 */
public final class CoveragePolicyEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        for (LineState line : ctx.openLines()) {
            List<String> pointed = ctx.claim().diagnosesFor(line.line());
            for (CoveragePolicy policy : ctx.payer().policiesFor(line.line().code())) {
                if (pointed.stream().noneMatch(policy::covers)) {
                    ctx.denyLine(
                            line,
                            GroupCode.CO,
                            "50",
                            List.of("N115"),
                            name(),
                            "Under coverage policy " + policy.id() + " (" + policy.title()
                                    + ") none of the pointed diagnoses " + pointed + " supports "
                                    + line.line().code() + ".",
                            "Point the line (box 24E) to the diagnosis that made the service necessary, if the note documents one; "
                                    + "covering diagnoses start with " + String.join(", ", policy.coveringDiagnoses())
                                    + ".");
                    break;
                }
            }
        }
    }
}
