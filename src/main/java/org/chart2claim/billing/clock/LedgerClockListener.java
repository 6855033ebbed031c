package org.chart2claim.billing.clock;

import java.time.LocalDate;
import java.util.List;

/**
 * A feature that acts when a ledger's simulated date moves (a Spring bean): the payer decides appeals whose
 * response date has come, statement cycles run. Called inside the clock's transaction, so a failure leaves the
 * clock where it was. Lets features above {@code billing} react without {@code billing} knowing them.
 */
public interface LedgerClockListener {
    /** What came due in ({@code from}, {@code to}] for this user's ledger; empty when nothing did. */
    List<ClockEvent> clockAdvanced(String username, String ledger, LocalDate from, LocalDate to);
}
