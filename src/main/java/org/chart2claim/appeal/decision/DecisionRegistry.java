package org.chart2claim.appeal.decision;

import java.util.List;

/**
 * The ordered rules of the payer's appeals unit. Order matters as it does at a payer: whether the appeal can be
 * heard at all (filed in time, at the right level, enough in dispute, not a clerical error that belongs in a
 * reopening) comes before the merits (does the record support the claim, does the letter show it); the last rule
 * always decides.
 */
public final class DecisionRegistry {
    private final List<DecisionRule> rules;

    public DecisionRegistry(List<DecisionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static DecisionRegistry standard() {
        return new DecisionRegistry(List.of(
                new LateFilingRule(),
                new SkippedLevelRule(),
                new AmountInControversyRule(),
                new ClericalErrorRule(),
                new RecordDoesNotSupportRule(),
                new PayerPolicyRule(),
                new MissingDocumentationRule(),
                new OverturnRule()));
    }

    public AppealDecision decide(AppealCase c) {
        for (DecisionRule rule : rules) {
            var decision = rule.decide(c);
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        throw new IllegalStateException("The last rule always decides.");
    }

    public List<DecisionRule> rules() {
        return rules;
    }

    public List<String> names() {
        return rules.stream().map(DecisionRule::name).toList();
    }
}
