package org.chart2claim.billing.clock;

import java.time.LocalDate;
import java.util.List;

/** A ledger's clock moved from {@code from} to {@code today}; {@code events} came due on the way, in order. */
public record ClockAdvance(String ledger, LocalDate from, LocalDate today, List<ClockEvent> events) {
    public ClockAdvance {
        events = List.copyOf(events);
    }
}
