package org.chart2claim.appeal.otherpayer;

import java.util.Optional;

/** The other plan is secondary: the denying payer pays first, so there is nobody else to bill before it. */
public final class ThisPayerPrimaryRule implements OtherPayerRule {
    @Override
    public Optional<Routing> route(CoverageFacts f) {
        if (!f.hasOtherCoverage() || f.otherIsPrimary()) {
            return Optional.empty();
        }
        return Optional.of(new Routing(
                false,
                name(),
                "Eligibility shows " + f.payerName() + " primary and " + f.otherPayer()
                        + " secondary: the secondary pays only after " + f.payerName() + " has processed the claim."
                        + " The COB denial is wrong; appeal it with the eligibility response."));
    }
}
