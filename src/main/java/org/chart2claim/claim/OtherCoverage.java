package org.chart2claim.claim;

/** Boxes 9, 9a, 9d and 11d: another health benefit plan, when there is one. */
public record OtherCoverage(PersonName otherInsured, String policyNumber, String planName) {}
