/**
 * Instructor authoring (issue 12): the scenario editor and its drafts, publishing versions, import/export in the
 * scenario file format, safe rendering of notes, and students' disputes of answer-key elements with the
 * instructor's review queue and regrading. On the top feature row beside {@code appeal} and {@code assessment}.
 *
 * <p>May import {@code billing}, {@code coding}, {@code payer}, {@code scenario}, {@code claim}, {@code codebook},
 * {@code account}, {@code standard}, {@code config}; never {@code appeal} or {@code assessment} (same row).
 */
package org.chart2claim.authoring;
