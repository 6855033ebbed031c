package org.chart2claim.appeal.otherpayer;

import java.util.Optional;

/** The plan did not cover the member on the date of service (CO-26/27): the plan in force then is billed. */
public final class CoverageNotInForceRule implements OtherPayerRule {
    @Override
    public Optional<Routing> route(CoverageFacts f) {
        if (f.active()) {
            return Optional.empty();
        }
        String notCovered = f.payerName() + " did not cover member " + f.memberId() + " on " + f.dateOfService() + " ("
                + f.inactiveMessage() + ").";
        if (f.hasOtherCoverage()) {
            return Optional.of(new Routing(
                    true,
                    name(),
                    notCovered + " The plan in force then is " + f.otherPayer() + " (policy " + f.otherPolicy()
                            + "): bill it as the primary payer."));
        }
        return Optional.of(new Routing(
                true,
                name(),
                notCovered + " Ask the patient for the plan in force on that date, check its"
                        + " eligibility and bill it; with no coverage the patient is self-pay for the service."));
    }
}
