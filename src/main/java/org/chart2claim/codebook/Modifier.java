package org.chart2claim.codebook;

/**
 * A procedure modifier (HCPCS Level II such as {@code LT}, {@code GA}, or CPT-style such as {@code 25}).
 *
 * @param code    two characters
 * @param meaning what it tells the payer, in our own words
 * @param usage   when coders use it / what payers check (our words); may be empty
 * @param kind    grouping for display: anatomic, payment, liability, ...
 */
public record Modifier(String code, String meaning, String usage, String kind) {}
