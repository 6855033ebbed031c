package org.chart2claim.appeal.retro;

import java.util.Optional;

/** One rule of the payer's retro-authorization review; empty when it does not decide. */
public interface RetroRule {
    Optional<RetroDecision> decide(RetroCase c);

    default String name() {
        return getClass().getSimpleName();
    }
}
