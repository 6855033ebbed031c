package org.chart2claim.appeal.decision;

import java.util.Optional;

/** Dismissed: the letter asks for a level the item has not reached (levels are climbed one at a time). */
public final class SkippedLevelRule implements DecisionRule {
    @Override
    public Optional<AppealDecision> decide(AppealCase c) {
        if (c.requestedLevel() == c.nextLevel()) {
            return Optional.empty();
        }
        String next = c.process().level(c.nextLevel()).map(l -> l.name()).orElse("level " + c.nextLevel());
        return decision(
                Outcome.DISMISSED,
                "The letter asks for level " + c.requestedLevel() + ", but the claim's next level is "
                        + c.nextLevel() + " (" + next + "). Each level reviews the decision of the one before it;"
                        + " a level cannot be skipped.");
    }
}
