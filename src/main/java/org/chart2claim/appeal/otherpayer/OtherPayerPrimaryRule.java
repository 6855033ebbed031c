package org.chart2claim.appeal.otherpayer;

import java.util.Optional;

/** Another plan pays first (e.g. an employer plan before Medicare): the claim goes to it as primary. */
public final class OtherPayerPrimaryRule implements OtherPayerRule {
    @Override
    public Optional<Routing> route(CoverageFacts f) {
        if (!f.otherIsPrimary()) {
            return Optional.empty();
        }
        return Optional.of(new Routing(
                true,
                name(),
                "Eligibility shows " + f.otherPayer() + " (policy " + f.otherPolicy() + ") as primary. The claim goes"
                        + " to it first; when it has paid, bill " + f.payerName() + " as secondary with the primary's"
                        + " remittance (its payment and adjustments in the COB loop, 2320/2430)."));
    }
}
