/**
 * The hand-posting exercise of the billing office: a trainee posts an ERA by hand ({@code HandPosting}), which is
 * scored against the automatic posting of the same 835 ({@code PostingGrader}) with every number of the rule set in
 * {@code PostingRubric}; {@code PostingExerciseService} stores the attempts and shows them to the trainee and their
 * instructors. Plain Java apart from the service; part of {@code billing} (imports {@code billing.posting},
 * {@code billing.ar}, {@code payer} and below).
 */
package org.chart2claim.billing.exercise;
