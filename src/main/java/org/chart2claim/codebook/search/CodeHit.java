package org.chart2claim.codebook.search;

import org.chart2claim.codebook.CodeSystem;

/**
 * One search result.
 *
 * @param code     as printed in the books ({@code E11.9})
 * @param billable false for headers
 * @param score    relevance (higher is better; only comparable within one search)
 * @param version  code-set version the hit comes from
 */
public record CodeHit(CodeSystem system, String code, String title, boolean billable, float score, String version) {}
