package org.chart2claim.appeal.decision;

import java.util.Optional;

/**
 * Upheld: the claim matches the record, but the denial applies the payer's own rules correctly (filed after the
 * timely-filing limit without proof, a non-covered service, no authorization): nothing in the letter changes them.
 */
public final class PayerPolicyRule implements DecisionRule {
    @Override
    public Optional<AppealDecision> decide(AppealCase c) {
        if (c.denial().payerError()) {
            return Optional.empty();
        }
        String detail = "29".equals(c.denial().carc())
                ? " The claim reached the payer after the filing limit and the record holds no proof of an earlier,"
                        + " timely submission."
                : "";
        return decision(
                Outcome.UPHELD,
                "The " + c.denial().label() + " denial applies the plan's rules to the claim as filed." + detail
                        + " The decision is upheld.");
    }
}
