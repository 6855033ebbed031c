package org.chart2claim.appeal.decision;

import java.util.Optional;
import org.chart2claim.appeal.Support;

/**
 * Upheld: the record does not support the line as billed (an E/M level above the documented one, a service the
 * note does not document, a coding error the payer decides on the record), so the denial was right.
 */
public final class RecordDoesNotSupportRule implements DecisionRule {
    @Override
    public Optional<AppealDecision> decide(AppealCase c) {
        if (c.denial().payerError() || c.denial().support() == Support.AS_BILLED) {
            return Optional.empty();
        }
        String why = switch (c.denial().support()) {
            case CODED_DIFFERENTLY ->
                "150".equals(c.denial().carc())
                        ? "The record supports a lower level of service than "
                                + c.denial().code() + "; the payment at the supported level stands."
                        : "The record documents the service coded differently than billed; send a corrected claim.";
            case NOT_DOCUMENTED -> "The record does not document " + c.denial().code() + " as billed.";
            default ->
                "The claim came without a record that supports " + c.denial().code() + ".";
        };
        return decision(
                Outcome.UPHELD,
                "The reviewer read the record beside the claim. " + why + " The "
                        + c.denial().label() + " decision is upheld.");
    }
}
