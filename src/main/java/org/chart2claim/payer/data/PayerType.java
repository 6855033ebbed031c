package org.chart2claim.payer.data;

/** Kind of plan a simulated payer imitates. */
public enum PayerType {
    MEDICARE,
    COMMERCIAL,
    MEDICAID
}
