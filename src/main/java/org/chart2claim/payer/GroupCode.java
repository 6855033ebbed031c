package org.chart2claim.payer;

/** CAS01 claim adjustment group: who bears an adjustment. */
public enum GroupCode {
    /** Contractual obligation: the provider writes it off. */
    CO,
    /** Patient responsibility. */
    PR,
    /** Other adjustment. */
    OA,
    /** Payer-initiated reduction. */
    PI
}
