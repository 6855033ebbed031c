package org.chart2claim.appeal.retro;

import java.util.Optional;

/** Requested after the payer's window (days from the date of service): denied. */
public final class RetroWindowRule implements RetroRule {
    @Override
    public Optional<RetroDecision> decide(RetroCase c) {
        if (!c.requestedOn().isAfter(c.windowEnds())) {
            return Optional.empty();
        }
        return Optional.of(new RetroDecision(
                false,
                name(),
                c.payerName() + " authorizes a service after the fact only within " + c.windowDays()
                        + " days of the date of service (by " + c.windowEnds() + "); this request came on "
                        + c.requestedOn() + ". Denied."));
    }
}
