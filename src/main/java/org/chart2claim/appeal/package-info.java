/**
 * Denial management and appeals, the biller's desk after the 835: every denied, reduced or patient-responsibility
 * line of the caller's claims becomes a work item; {@code ActionTable} says what an experienced biller does with
 * each kind of denial; the payer's appeals unit decides appeals by an ordered registry of named rules
 * ({@code decision}), on the ledger's simulated clock, with levels and deadlines from
 * {@code codebooks/payers/appeal-levels.yaml}; {@code AppealScoring} scores and explains the work; denial drills
 * ({@code scenarios/drills/}) are scenario variants whose first remittance carries a payer-side error.
 * {@code otherpayer} routes "bill another payer" by the eligibility response and {@code retro} decides
 * retro-authorization requests (ordered registries of small rules); {@code DrillPayerErrors} provides the payer's
 * {@code PersistentPayerErrors} extension point. Corrected and new claims are made in billing's claim builder
 * ({@code claims?correct=<claim id>}); the item follows the claim sent from there.
 * {@code ui} holds the worklist, the work item page with the letter form, the instructor's review queue and the
 * "Denial work" results section; {@code api} the {@code /api/denials} endpoints.
 *
 * <p>May import {@code billing}, {@code coding}, {@code payer}, {@code scenario}, {@code claim}, {@code codebook},
 * {@code account}, {@code standard}, {@code config}. Imported only by the shell.
 */
package org.chart2claim.appeal;
