/**
 * The coding workspace: attempts, the code cart, grading against the answer key ({@code Grader},
 * {@code GradingRubric}), encoder warnings, results and feedback.
 *
 * <p>May import {@code scenario}, {@code claim}, {@code codebook}, {@code account}, {@code standard},
 * {@code config}; never {@code payer} (same row).
 */
package org.chart2claim.coding;
