package org.chart2claim.appeal.decision;

import java.util.Optional;

/** One small named rule of the payer's appeals unit: decides the case, or passes it on to the next rule. */
public interface DecisionRule {
    default String name() {
        return getClass().getSimpleName();
    }

    Optional<AppealDecision> decide(AppealCase c);

    default Optional<AppealDecision> decision(Outcome outcome, String explanation) {
        return Optional.of(new AppealDecision(outcome, name(), explanation));
    }
}
