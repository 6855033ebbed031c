package org.chart2claim.appeal.decision;

import java.util.Optional;

/** Dismissed: less in dispute than the level's amount-in-controversy minimum (Medicare ALJ and court). */
public final class AmountInControversyRule implements DecisionRule {
    @Override
    public Optional<AppealDecision> decide(AppealCase c) {
        var level = c.process().level(c.requestedLevel());
        if (level.isEmpty() || c.amountInDispute().compareTo(level.get().amountInControversy()) >= 0) {
            return Optional.empty();
        }
        return decision(
                Outcome.DISMISSED,
                level.get().name() + " hears only appeals with at least $"
                        + level.get().amountInControversy()
                        + " in controversy; this one disputes $" + c.amountInDispute()
                        + ". Claims of the same kind may be combined to reach the minimum.");
    }
}
