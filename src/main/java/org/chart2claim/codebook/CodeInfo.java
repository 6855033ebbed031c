package org.chart2claim.codebook;

/**
 * One code as other features need it: enough to validate a claim line or an answer key.
 *
 * @param code     the code as printed in the books (ICD-10-CM with its dot, e.g. {@code E11.9})
 * @param billable false for headers (categories/subcategories that have more specific children)
 * @param version  the code-set version it comes from, e.g. {@code FY2026}
 */
public record CodeInfo(CodeSystem system, String code, String title, boolean billable, String version) {}
