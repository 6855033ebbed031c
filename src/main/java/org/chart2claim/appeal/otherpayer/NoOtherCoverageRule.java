package org.chart2claim.appeal.otherpayer;

import java.util.Optional;

/** The member has no other coverage: no other payer can be billed, and the COB denial is the payer's error. */
public final class NoOtherCoverageRule implements OtherPayerRule {
    @Override
    public Optional<Routing> route(CoverageFacts f) {
        if (f.hasOtherCoverage()) {
            return Optional.empty();
        }
        return Optional.of(new Routing(
                false,
                name(),
                "Eligibility for " + f.dateOfService() + " shows " + f.payerName() + " active for member "
                        + f.memberId() + " and no other coverage: there is no other payer to bill. Appeal the denial"
                        + " with the eligibility response."));
    }
}
