package org.chart2claim.appeal.decision;

import java.util.Optional;

/**
 * Overturned: the record supports the billed service and the letter sends the documentation that shows the denial
 * was wrong. The payer reprocesses the claim and pays the line (a reversal and a new 835 claim payment).
 */
public final class OverturnRule implements DecisionRule {
    @Override
    public Optional<AppealDecision> decide(AppealCase c) {
        return decision(
                Outcome.OVERTURNED,
                "The documentation sent with the appeal supports " + c.denial().code() + " as billed, and shows that"
                        + " the " + c.denial().label() + " denial was made in error. The claim is reprocessed and"
                        + " the line is paid under the plan's fee schedule and cost sharing.");
    }
}
