package org.chart2claim.payer.edit;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.PriorClaim;

/**
 * Same member, billing provider, date of service, code, modifiers and units as a line of an earlier
 * processed (not rejected) claim of this ledger that still stands (not reversed): CO-18. Replacements (7) and
 * voids (8) are corrections, not duplicates.
 */
public final class DuplicateClaimEdit implements ClaimEdit {
    @Override
    public void apply(AdjudicationContext ctx) {
        Claim claim = ctx.claim();
        if (claim.frequency() != FrequencyCode.ORIGINAL) {
            return;
        }
        for (LineState line : ctx.openLines()) {
            for (PriorClaim prior : ctx.request().standingHistory()) {
                if (prior.result().status() == ClaimStatus.REJECTED || !sameParties(prior.claim(), claim)) {
                    continue;
                }
                if (prior.claim().lines().stream().anyMatch(p -> sameService(p, line.line()))) {
                    ctx.denyLine(
                            line,
                            GroupCode.CO,
                            "18",
                            List.of("N522"),
                            name(),
                            "This service was already processed on claim "
                                    + prior.result().payerClaimNumber() + " (patient control number "
                                    + prior.claim().patientControlNumber() + ").",
                            "Do not resubmit a processed claim. To correct it, send a replacement (frequency 7) with the original claim number; to question the decision, appeal.");
                    break;
                }
            }
        }
    }

    static boolean sameParties(Claim a, Claim b) {
        return a.insured() != null
                && b.insured() != null
                && a.insured().memberId() != null
                && a.insured().memberId().equalsIgnoreCase(b.insured().memberId())
                && Objects.equals(
                        a.billing() == null ? null : a.billing().npi(),
                        b.billing() == null ? null : b.billing().npi());
    }

    private static boolean sameService(ServiceLine a, ServiceLine b) {
        return Objects.equals(a.serviceDate(), b.serviceDate())
                && a.code().equals(b.code())
                && a.units() == b.units()
                && new HashSet<>(a.modifiers()).equals(new HashSet<>(b.modifiers()));
    }
}
