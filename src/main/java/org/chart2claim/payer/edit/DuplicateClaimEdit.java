package org.chart2claim.payer.edit;

import java.util.List;
import java.util.Optional;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.payer.ClaimHistory;
import org.chart2claim.payer.GroupCode;

/**
 * Same member, billing provider, date of service, code, modifiers and units as a line of an earlier
 * processed (not rejected) claim of this ledger that still stands (not reversed): CO-18. Replacements (7) and
 * voids (8) are corrections, not
 * duplicates. The ledger's history answers by member, date and code (an index, not a scan of the ledger).
 */
public final class DuplicateClaimEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        Claim claim = ctx.claim();
        if (claim.frequency() != FrequencyCode.ORIGINAL) {
            return;
        }
        for (LineState line : ctx.openLines()) {
            Optional<ClaimHistory.PriorService> prior = ctx.request().history().earliestSameService(claim, line.line());
            if (prior.isPresent()) {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        "18",
                        List.of("N522"),
                        name(),
                        "This service was already processed on claim "
                                + prior.get().payerClaimNumber() + " (patient control number "
                                + prior.get().patientControlNumber() + ").",
                        "Do not resubmit a processed claim. To correct it, send a replacement (frequency 7) with the original claim number; to question the decision, appeal.");
            }
        }
    }
}
