package org.chart2claim.payer;

import org.chart2claim.claim.Claim;

/** An earlier claim of the same caller and ledger with its result: what duplicate and history edits see. */
public record PriorClaim(Claim claim, ClaimResult result) {}
