package org.chart2claim.payer;

/** A front-end rejection reason; {@code field} names the CMS-1500 box or X12 element when known. */
public record Rejection(String field, String reason) {}
