package org.chart2claim.appeal.decision;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Dismissed: filed after the level's deadline (counted from the determination it appeals). */
public final class LateFilingRule implements DecisionRule {
    @Override
    public Optional<AppealDecision> decide(AppealCase c) {
        if (!c.filedOn().isAfter(c.deadline())) {
            return Optional.empty();
        }
        long late = ChronoUnit.DAYS.between(c.deadline(), c.filedOn());
        return decision(
                Outcome.DISMISSED,
                "The appeal was filed on " + c.filedOn() + ", " + late + " day" + (late == 1 ? "" : "s")
                        + " after the deadline of " + c.deadline() + " for this level. A late appeal is dismissed"
                        + " without a look at the merits unless good cause for the delay is shown.");
    }
}
