package org.chart2claim.appeal.retro;

import java.util.Optional;

/** The payer authorizes nothing after the service (its window is 0 days): denied. */
public final class NoRetroAuthorizationRule implements RetroRule {
    @Override
    public Optional<RetroDecision> decide(RetroCase c) {
        if (c.windowDays() > 0) {
            return Optional.empty();
        }
        return Optional.of(new RetroDecision(
                false,
                name(),
                c.payerName() + " does not authorize services after the fact. The denial stands; without an"
                        + " authorization the practice writes the line off and cannot bill the patient."));
    }
}
