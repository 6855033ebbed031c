/**
 * The claim workflow of the practice's billing office: {@code BillingService} pre-fills a claim from a scenario
 * and the latest coding, dates its receipt on the simulated clock, submits it with the scenario's documentation,
 * corrects and resubmits it within its ledger; {@code ui} holds the claim builder and the remittance page,
 * {@code api} the {@code /api/scenarios/{id}/claims} shortcut.
 *
 * <p>May import {@code coding}, {@code payer}, {@code scenario}, {@code claim}, {@code codebook}, {@code account},
 * {@code standard}, {@code config}. Imported only by the shell and the features above it (appeal, assessment).
 */
package org.chart2claim.billing;
