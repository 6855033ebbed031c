/**
 * Timed assessments: the CPC-style question bank ({@code scenarios/questions/}), exams composed of questions and
 * scenarios, exam sessions whose deadline, answers and auto-submit live in the database, the gradebook and item
 * analysis.
 *
 * <p>May import {@code billing}, {@code coding}, {@code payer}, {@code scenario}, {@code claim}, {@code codebook},
 * {@code account}, {@code standard}, {@code config}; never {@code appeal} (same row) or the {@code ui} shell.
 */
package org.chart2claim.assessment;
