/**
 * The simulated payer: front-end scrub, adjudication by the ordered edit registry, remittances (X12 835),
 * stored claims per user and ledger. The payer sees claims only: what the record supports arrives as a
 * {@code DocumentedEncounter}, never as a scenario or a coding attempt.
 *
 * <p>Extension points for the features above: {@code ReceiptListener} (claims were received: the billing clock
 * runs what fell due, after the submission commits), {@code PersistentPayerErrors} (payer-side errors that persist in a ledger: denial drills), {@code EnrolledMembers} (members beyond {@code members.tsv}, asked after it: patients of published
 * authored scenarios).
 *
 * <p>May import {@code claim}, {@code codebook}, {@code account}, {@code standard}, {@code config}; never
 * {@code scenario} or {@code coding}.
 */
package org.chart2claim.payer;
