package org.chart2claim.appeal.otherpayer;

/**
 * Where the claim goes: to another payer ({@code bill}), or nowhere else because the denying payer is responsible
 * (the action is refused with the reason, and the item stays open for the right action).
 */
public record Routing(boolean bill, String rule, String explanation) {}
