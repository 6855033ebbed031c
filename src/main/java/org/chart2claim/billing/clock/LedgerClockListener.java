package org.chart2claim.billing.clock;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A feature that acts when a ledger's simulated date moves (a Spring bean): the payer decides appeals whose
 * response date has come, statement cycles run. On a clock move it is called inside the clock's transaction, so a
 * failure leaves the clock where it was; when a newer claim moves the date it is called after that submission has
 * committed, in a transaction of its own, and a failure is run again at the next move. Lets features above {@code billing} react without {@code billing} knowing them.
 */
public interface LedgerClockListener {
    /** What came due in ({@code from}, {@code to}] for this user's ledger; empty when nothing did. */
    List<ClockEvent> clockAdvanced(String username, String ledger, LocalDate from, LocalDate to);

    /**
     * The first date in ({@code after}, {@code until}] on which this listener has something due, if it knows: the
     * clock stops there, so what every listener does is ordered by date (a statement dated before an appeal
     * decision never shows the decision's reprocessing). Empty: nothing due, or the listener cannot tell.
     */
    default Optional<LocalDate> nextDue(String username, String ledger, LocalDate after, LocalDate until) {
        return Optional.empty();
    }
}
