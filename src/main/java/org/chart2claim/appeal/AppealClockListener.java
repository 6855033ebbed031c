package org.chart2claim.appeal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.chart2claim.billing.clock.ClockEvent;
import org.chart2claim.billing.clock.LedgerClockListener;
import org.springframework.stereotype.Component;

/** When a ledger's clock passes an appeal's response date, the payer's decision arrives. */
@Component
public class AppealClockListener implements LedgerClockListener {
    private final AppealService appeals;

    public AppealClockListener(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public List<ClockEvent> clockAdvanced(String username, String ledger, LocalDate from, LocalDate to) {
        return appeals.decideDue(username, ledger, from, to);
    }

    /** The next response date of a pending automatic appeal: the clock stops there (decisions in date order). */
    @Override
    public Optional<LocalDate> nextDue(String username, String ledger, LocalDate after, LocalDate until) {
        return appeals.nextDecisionDue(username, ledger, after, until);
    }
}
