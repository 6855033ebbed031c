package org.chart2claim.billing.clock;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * A clock listener for {@link ReceiptDueWorkTest} only (idle for every other ledger, so the shared test context may
 * hold it): one thing due on {@code due} in {@code ledger}, failing the first {@code failures} times it runs.
 */
@Component
public class DueWorkProbe implements LedgerClockListener {
    volatile String ledger;
    volatile LocalDate due;
    volatile int failures;
    final List<LocalDate> ran = new CopyOnWriteArrayList<>();

    private boolean mine(String l) {
        return ledger != null && ledger.equals(l);
    }

    @Override
    public Optional<LocalDate> nextDue(String username, String l, LocalDate after, LocalDate until) {
        return mine(l) && due.isAfter(after) && !due.isAfter(until) && !ran.contains(due)
                ? Optional.of(due)
                : Optional.empty();
    }

    @Override
    public List<ClockEvent> clockAdvanced(String username, String l, LocalDate from, LocalDate to) {
        if (!mine(l) || !due.isAfter(from) || due.isAfter(to) || ran.contains(due)) {
            return List.of();
        }
        if (failures > 0) {
            failures--;
            throw new IllegalStateException("the test's due work fails");
        }
        ran.add(due);
        return List.of(new ClockEvent("test-due", l, "Due on " + due, null));
    }
}
