package org.chart2claim.billing.statement;

import java.time.LocalDate;
import java.util.List;
import org.chart2claim.billing.clock.ClockEvent;
import org.chart2claim.billing.clock.LedgerClockListener;
import org.springframework.stereotype.Component;

/** Statement runs when a ledger's simulated clock moves: the 30/60/90-day cycles of {@link StatementService}. */
@Component
public class StatementCycles implements LedgerClockListener {
    private final StatementService statements;

    public StatementCycles(StatementService statements) {
        this.statements = statements;
    }

    @Override
    public List<ClockEvent> clockAdvanced(String username, String ledger, LocalDate from, LocalDate to) {
        return statements.runCycles(username, ledger, from, to);
    }
}
