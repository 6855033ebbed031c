package org.chart2claim.billing.clock;

/**
 * Something that came due while a ledger's clock moved: an appeal decision, a statement cycle. {@code type} names
 * the feature's kind of event, {@code reference} the item it is about, {@code summary} one sentence for people;
 * {@code detail} is the feature's own answer, written out as JSON by the API.
 */
public record ClockEvent(String type, String reference, String summary, Object detail) {}
