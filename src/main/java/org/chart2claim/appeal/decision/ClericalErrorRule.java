package org.chart2claim.appeal.decision;

import java.util.Optional;
import org.chart2claim.appeal.Support;

/**
 * Dismissed: the denial comes from a clerical error on the claim (a modifier, units, a diagnosis or pointer that
 * the record shows differently) and the payer fixes those by reopening or a corrected claim, not by appeal
 * (Medicare practice; payers with {@code clericalErrors: reopening}).
 */
public final class ClericalErrorRule implements DecisionRule {
    @Override
    public Optional<AppealDecision> decide(AppealCase c) {
        if (!c.process().clericalErrorsByReopening()
                || c.denial().payerError()
                || c.denial().support() != Support.CODED_DIFFERENTLY
                || "150".equals(c.denial().carc())) {
            return Optional.empty();
        }
        return decision(
                Outcome.DISMISSED,
                "The record documents the service, but the claim coded it differently ("
                        + c.denial().label()
                        + " on " + c.denial().code() + "). That is a clerical error: it is corrected by a reopening"
                        + " or a corrected claim (frequency 7 with the claim number), not by an appeal.");
    }
}
