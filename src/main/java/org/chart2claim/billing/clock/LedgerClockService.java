package org.chart2claim.billing.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chart2claim.payer.PayerService;
import org.chart2claim.payer.ReceiptListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The practice's simulated "today", one per user and ledger. A ledger starts at its latest claim's receipt date
 * (the date the payer's answer is dated) and only moves forward: by the trainee ("a week passes") or to an
 * explicit date. A newer claim moves it too, so the clock is never before the newest remittance. The date is
 * stored in the database, so every server of a school agrees; two concurrent moves of one ledger cannot both win.
 */
@Service
public class LedgerClockService implements ReceiptListener {
    private static final Logger log = LoggerFactory.getLogger(LedgerClockService.class);
    /** The longest single move: ten years is far beyond any appeal deadline or statement cycle. */
    public static final int MAX_ADVANCE_DAYS = 3650;

    private final JdbcClient jdbc;
    private final PayerService payer;
    // looked up at use: listeners live in features above billing and may depend on billing's services themselves
    private final ObjectProvider<LedgerClockListener> listeners;

    // a receipt arrives after the submission committed: its due work runs in a transaction of its own
    private final TransactionTemplate ownTransaction;

    public LedgerClockService(
            JdbcClient jdbc,
            PayerService payer,
            ObjectProvider<LedgerClockListener> listeners,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.payer = payer;
        this.listeners = listeners;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A ledger the user has no claims in. */
    public static final class UnknownLedgerException extends RuntimeException {
        public UnknownLedgerException(String ledger) {
            super("You have no ledger named '" + ledger + "'.");
        }
    }

    /** The user's ledgers that hold claims, by name. */
    public List<String> ledgers(String username) {
        return payer.ledgers(username);
    }

    public boolean hasLedger(String username, String ledger) {
        return payer.latestReceivedOn(username, ledger).isPresent();
    }

    /** The ledger's "today"; the real date for a ledger without claims. */
    public LocalDate today(String username, String ledger) {
        LocalDate latestClaim = payer.latestReceivedOn(username, ledger).orElse(null);
        LocalDate stored = stored(username, ledger);
        if (latestClaim == null) {
            return stored != null ? stored : LocalDate.now(ZoneOffset.UTC);
        }
        return stored != null && stored.isAfter(latestClaim) ? stored : latestClaim;
    }

    @Transactional
    public ClockAdvance advanceDays(String username, String ledger, int days) {
        if (days < 1 || days > MAX_ADVANCE_DAYS) {
            throw new IllegalArgumentException(
                    "The clock moves forward by 1 to " + MAX_ADVANCE_DAYS + " days, not " + days + ".");
        }
        requireLedger(username, ledger);
        return move(username, ledger, today(username, ledger).plusDays(days));
    }

    @Transactional
    public ClockAdvance moveTo(String username, String ledger, LocalDate target) {
        requireLedger(username, ledger);
        LocalDate from = today(username, ledger);
        if (target.isBefore(from)) {
            throw new IllegalArgumentException(
                    "The ledger's date is " + from + "; the clock never goes back to " + target + ".");
        }
        if (target.isAfter(from.plusDays(MAX_ADVANCE_DAYS))) {
            throw new IllegalArgumentException(
                    "The clock moves at most " + MAX_ADVANCE_DAYS + " days at a time; " + target + " is further.");
        }
        return move(username, ledger, target);
    }

    private void requireLedger(String username, String ledger) {
        if (!hasLedger(username, ledger)) {
            throw new UnknownLedgerException(ledger);
        }
    }

    private ClockAdvance move(String username, String ledger, LocalDate target) {
        LocalDate stored = stored(username, ledger);
        LocalDate from = today(username, ledger);
        // the stored date is how far the listeners have run: behind "today" only when a receipt's due work failed,
        // which this move runs again from there
        LocalDate runFrom = stored != null && stored.isBefore(from) ? stored : from;
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        int changed;
        if (stored == null) {
            try {
                changed = jdbc.sql("INSERT INTO ledger_clock (username, ledger, today, updated_at) VALUES (?, ?, ?, ?)")
                        .params(username, ledger, target, now)
                        .update();
            } catch (DuplicateKeyException raced) {
                changed = 0;
            }
        } else {
            // compare-and-set: a concurrent move of the same ledger (another tab or server) makes this one fail
            changed = jdbc.sql("UPDATE ledger_clock SET today = ?, updated_at = ? "
                            + "WHERE username = ? AND ledger = ? AND today = ?")
                    .params(target, now, username, ledger, stored)
                    .update();
        }
        if (changed != 1) {
            throw new ConcurrentClockMoveException(ledger);
        }
        List<ClockEvent> events = target.isAfter(runFrom)
                ? run(listeners.orderedStream().toList(), username, ledger, runFrom, target)
                : List.of();
        return new ClockAdvance(ledger, from, target, events);
    }

    /**
     * A newer claim moved the ledger's "today" (it is never before the newest receipt): what fell due on the way
     * arrives now, as on a clock move, not at the next one. The payer calls this after the submission committed;
     * the work runs in a transaction of its own and, when it is done, the stored date moves to the receipt (the
     * stored date is how far the listeners have run). A failure rolls that work back, is logged with an id and
     * leaves the stored date where the work started, so the next clock move (or receipt) runs it again; the claims
     * are never touched.
     */
    @Override
    public void received(String username, String ledger, Optional<LocalDate> latestBefore, LocalDate receivedOn) {
        LocalDate stored = stored(username, ledger);
        LocalDate from = stored != null ? stored : latestBefore.orElse(null);
        if (from == null || !receivedOn.isAfter(from)) {
            return; // a new ledger (nothing waits on its clock yet), or nothing newer than what already ran
        }
        try {
            ownTransaction.executeWithoutResult(tx -> {
                run(listeners.orderedStream().toList(), username, ledger, from, receivedOn);
                storeRunThrough(username, ledger, receivedOn);
            });
        } catch (RuntimeException e) {
            String id = java.util.UUID.randomUUID().toString().substring(0, 8);
            log.error(
                    "Due work of ledger '{}' of {} from {} to {} failed after a claim was received (failure {});"
                            + " the claim is kept and the work runs again at the next clock move",
                    ledger,
                    username,
                    from,
                    receivedOn,
                    id,
                    e);
            if (stored == null) {
                ownTransaction.executeWithoutResult(tx -> storeRunThrough(username, ledger, from));
            }
        }
    }

    /** The listeners have run up to {@code date}: the stored date moves forward to it (never back). */
    private void storeRunThrough(String username, String ledger, LocalDate date) {
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        int changed = jdbc.sql("UPDATE ledger_clock SET today = ?, updated_at = ? "
                        + "WHERE username = ? AND ledger = ? AND today < ?")
                .params(date, now, username, ledger, date)
                .update();
        if (changed == 0 && stored(username, ledger) == null) {
            // a clock move storing its row at this moment makes this insert fail: the work is rolled back, logged
            // and run again at the next move, like any failure
            jdbc.sql("INSERT INTO ledger_clock (username, ledger, today, updated_at) VALUES (?, ?, ?, ?)")
                    .params(username, ledger, date, now)
                    .update();
        }
    }

    /**
     * Runs the listeners over ({@code from}, {@code to}] in date order: the clock stops at the first date any
     * listener has something due, runs every listener up to the day before and then that day, and goes on from
     * there. So what one listener does on a date (an appeal decision reprocessing a claim) is not seen by another's
     * events dated earlier (a statement cycle), whatever the listeners' order.
     */
    static List<ClockEvent> run(
            List<LedgerClockListener> listeners, String username, String ledger, LocalDate from, LocalDate to) {
        List<ClockEvent> events = new ArrayList<>();
        LocalDate cursor = from;
        while (cursor.isBefore(to)) {
            LocalDate step = to;
            boolean due = false;
            for (LedgerClockListener l : listeners) {
                Optional<LocalDate> next = l.nextDue(username, ledger, cursor, to);
                if (next.isPresent()
                        && next.get().isAfter(cursor)
                        && !next.get().isAfter(step)) {
                    step = next.get();
                    due = true;
                }
            }
            LocalDate eve = step.minusDays(1);
            if (due && eve.isAfter(cursor)) {
                for (LedgerClockListener l : listeners) {
                    events.addAll(l.clockAdvanced(username, ledger, cursor, eve));
                }
                cursor = eve;
            }
            for (LedgerClockListener l : listeners) {
                events.addAll(l.clockAdvanced(username, ledger, cursor, step));
            }
            cursor = step;
        }
        return events;
    }

    /** Another move of the same ledger's clock was stored first. */
    public static final class ConcurrentClockMoveException extends RuntimeException {
        public ConcurrentClockMoveException(String ledger) {
            super("The date of ledger '" + ledger + "' was just moved elsewhere; reload and try again.");
        }
    }

    private LocalDate stored(String username, String ledger) {
        return jdbc.sql("SELECT today FROM ledger_clock WHERE username = ? AND ledger = ?")
                .params(username, ledger)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
    }
}
