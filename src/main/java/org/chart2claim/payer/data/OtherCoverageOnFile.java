package org.chart2claim.payer.data;

/**
 * What a payer's file says about a member's other coverage (coordination of benefits, {@code member-coverage.tsv}):
 * the other plan by name, the member's policy there, and whether it pays first ({@code primary}) or after this payer.
 */
public record OtherCoverageOnFile(
        String payerId, String memberId, String otherPlan, String otherPolicy, boolean otherPrimary) {}
