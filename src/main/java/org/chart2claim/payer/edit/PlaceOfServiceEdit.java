package org.chart2claim.payer.edit;

import java.util.List;
import java.util.Optional;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.data.PosRule;

/** Service not payable in the place of service billed (e.g. an ED visit code in the office): CO-58 + M77. */
public final class PlaceOfServiceEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        for (LineState line : ctx.openLines()) {
            String pos = ctx.claim().placeOfServiceFor(line.line());
            Optional<PosRule> rule = ctx.rules().posRule(line.line().code());
            if (rule.isPresent() && !rule.get().allowed().contains(pos)) {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        "58",
                        List.of("M77"),
                        name(),
                        "Code " + line.line().code() + " is not payable in place of service " + pos + ": "
                                + rule.get().reason() + ".",
                        "Match the place of service to where the patient was seen (e.g. 11 office, 23 emergency department, 21 inpatient), or the code to the setting.");
            }
        }
    }
}
