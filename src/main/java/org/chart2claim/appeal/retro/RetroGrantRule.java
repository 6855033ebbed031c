package org.chart2claim.appeal.retro;

import java.util.Optional;

/** Within the window and supported by the record: approved; the payer reprocesses the claim with it linked. */
public final class RetroGrantRule implements RetroRule {
    @Override
    public Optional<RetroDecision> decide(RetroCase c) {
        return Optional.of(new RetroDecision(
                true,
                name(),
                "Approved: the record supports the service and the request came within " + c.windowDays()
                        + " days of the date of service. The payer links the authorization and reprocesses the"
                        + " claim."));
    }
}
