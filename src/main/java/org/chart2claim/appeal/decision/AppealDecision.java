package org.chart2claim.appeal.decision;

/** The decision on one appeal, the rule that made it and the explanation the decision letter gives. */
public record AppealDecision(Outcome outcome, String rule, String explanation) {}
