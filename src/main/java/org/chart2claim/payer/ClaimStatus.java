package org.chart2claim.payer;

/**
 * Outcome of a submitted claim. REJECTED claims never entered adjudication (front-end, 277CA-style); REVERSED is
 * the payer taking back a processed claim because a replacement (7) or void (8) named it (835 CLP02 22).
 */
public enum ClaimStatus {
    PAID,
    PARTIAL,
    DENIED,
    REJECTED,
    REVERSED
}
