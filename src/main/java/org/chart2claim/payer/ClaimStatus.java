package org.chart2claim.payer;

/** Outcome of a submitted claim. REJECTED claims never entered adjudication (front-end, 277CA-style). */
public enum ClaimStatus {
    PAID,
    PARTIAL,
    DENIED,
    REJECTED
}
