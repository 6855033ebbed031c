package org.chart2claim.appeal.retro;

import java.util.List;

/**
 * How the payer reviews a retro-authorization request: an ordered list of small rules, the first that decides wins
 * (like the appeal rules). Order: does the payer authorize after the fact at all, in time, then the record.
 */
public final class RetroAuthRegistry {
    private final List<RetroRule> rules;

    public RetroAuthRegistry(List<RetroRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RetroAuthRegistry standard() {
        return new RetroAuthRegistry(List.of(
                new NoRetroAuthorizationRule(),
                new RetroWindowRule(),
                new RecordDoesNotSupportServiceRule(),
                new RetroGrantRule()));
    }

    public List<RetroRule> rules() {
        return rules;
    }

    public RetroDecision decide(RetroCase c) {
        for (RetroRule rule : rules) {
            var decision = rule.decide(c);
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        throw new IllegalStateException("RetroGrantRule decides every remaining case.");
    }
}
