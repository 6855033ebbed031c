package org.chart2claim.appeal.retro;

import java.util.Optional;
import org.chart2claim.appeal.Support;

/** The payer's reviewer reads the record: a service it does not support as billed is not authorized. */
public final class RecordDoesNotSupportServiceRule implements RetroRule {
    @Override
    public Optional<RetroDecision> decide(RetroCase c) {
        if (c.support() == Support.AS_BILLED) {
            return Optional.empty();
        }
        return Optional.of(new RetroDecision(
                false,
                name(),
                "The medical record does not support the service as billed, so medical necessity cannot be"
                        + " established after the fact. Denied."));
    }
}
