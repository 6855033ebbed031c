package org.chart2claim.billing.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The clock runs its listeners in date order: nothing is dated before what made it happen. */
class LedgerClockRunTest {
    static final LocalDate START = LocalDate.of(2026, 3, 1);

    /** Decides one thing on {@code due}; afterwards a balance exists. */
    static final class Decider implements LedgerClockListener {
        final LocalDate due;
        LocalDate decidedOn;

        Decider(LocalDate due) {
            this.due = due;
        }

        @Override
        public List<ClockEvent> clockAdvanced(String username, String ledger, LocalDate from, LocalDate to) {
            if (decidedOn == null && !due.isAfter(to)) {
                decidedOn = due.isBefore(from) ? from : due;
                return List.of(new ClockEvent("decision", "x", "decided", decidedOn));
            }
            return List.of();
        }

        @Override
        public Optional<LocalDate> nextDue(String username, String ledger, LocalDate after, LocalDate until) {
            return decidedOn == null && due.isAfter(after) && !due.isAfter(until) ? Optional.of(due) : Optional.empty();
        }
    }

    /** Like the statement cycles: once a balance exists, a statement the day after the window starts, then 30-daily. */
    static final class Statements implements LedgerClockListener {
        final Decider balanceFrom;
        LocalDate last;

        Statements(Decider balanceFrom) {
            this.balanceFrom = balanceFrom;
        }

        @Override
        public List<ClockEvent> clockAdvanced(String username, String ledger, LocalDate from, LocalDate to) {
            List<ClockEvent> out = new ArrayList<>();
            if (balanceFrom.decidedOn == null) {
                return out;
            }
            LocalDate next = last == null ? from.plusDays(1) : last.plusDays(30);
            while (!next.isAfter(to)) {
                out.add(new ClockEvent("statement", "x", "statement", next));
                last = next;
                next = next.plusDays(30);
            }
            return out;
        }
    }

    @Test
    void aStatementIsNeverDatedBeforeTheDecisionThatCreatedItsBalanceWhateverTheListenerOrder() {
        for (boolean decisionsFirst : List.of(true, false)) {
            Decider decider = new Decider(START.plusDays(60));
            Statements statements = new Statements(decider);
            List<LedgerClockListener> listeners =
                    decisionsFirst ? List.of(decider, statements) : List.of(statements, decider);

            List<ClockEvent> events = LedgerClockService.run(listeners, "u", "l", START, START.plusDays(120));

            assertThat(decider.decidedOn).isEqualTo(START.plusDays(60));
            List<LocalDate> dates =
                    events.stream().map(e -> (LocalDate) e.detail()).toList();
            assertThat(dates).as("events in date order").isSorted();
            assertThat(events.stream().filter(e -> e.type().equals("statement")))
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat((LocalDate) e.detail()).isAfterOrEqualTo(decider.decidedOn));
        }
    }

    @Test
    void withNothingDueEveryListenerSeesTheWholeMoveOnce() {
        List<LocalDate[]> windows = new ArrayList<>();
        LedgerClockListener recorder = (u, l, from, to) -> {
            windows.add(new LocalDate[] {from, to});
            return List.of();
        };
        LedgerClockService.run(List.of(recorder), "u", "l", START, START.plusDays(30));
        assertThat(windows).singleElement().satisfies(w -> {
            assertThat(w[0]).isEqualTo(START);
            assertThat(w[1]).isEqualTo(START.plusDays(30));
        });
    }

    @Test
    void theWindowsCoverTheMoveExactlyOnceWhenTheClockStopsOnDueDates() {
        List<LocalDate[]> windows = new ArrayList<>();
        Decider decider = new Decider(START.plusDays(10));
        LedgerClockListener recorder = (u, l, from, to) -> {
            windows.add(new LocalDate[] {from, to});
            return List.of();
        };
        LedgerClockService.run(List.of(decider, recorder), "u", "l", START, START.plusDays(30));
        assertThat(windows)
                .extracting(w -> w[0] + ".." + w[1])
                .containsExactly(
                        START + ".." + START.plusDays(9),
                        START.plusDays(9) + ".." + START.plusDays(10),
                        START.plusDays(10) + ".." + START.plusDays(30));
    }
}
