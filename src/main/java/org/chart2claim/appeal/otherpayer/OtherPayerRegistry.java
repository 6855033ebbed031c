package org.chart2claim.appeal.otherpayer;

import java.util.List;

/**
 * Who pays, when the biller wants to bill another payer: an ordered list of small rules over the eligibility
 * response; the first that applies decides (like the payer's edit registry and the appeal rules). Order: was the
 * plan in force at all, then coordination of benefits.
 */
public final class OtherPayerRegistry {
    private final List<OtherPayerRule> rules;

    public OtherPayerRegistry(List<OtherPayerRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static OtherPayerRegistry standard() {
        return new OtherPayerRegistry(List.of(
                new CoverageNotInForceRule(),
                new OtherPayerPrimaryRule(),
                new ThisPayerPrimaryRule(),
                new NoOtherCoverageRule()));
    }

    public List<OtherPayerRule> rules() {
        return rules;
    }

    public Routing route(CoverageFacts facts) {
        for (OtherPayerRule rule : rules) {
            var routing = rule.route(facts);
            if (routing.isPresent()) {
                return routing.get();
            }
        }
        throw new IllegalStateException("NoOtherCoverageRule decides every remaining case.");
    }
}
