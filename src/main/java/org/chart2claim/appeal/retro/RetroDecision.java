package org.chart2claim.appeal.retro;

/** The payer's answer to a retro-authorization request: approved or denied, by which rule, and the letter's text. */
public record RetroDecision(boolean approved, String rule, String explanation) {}
