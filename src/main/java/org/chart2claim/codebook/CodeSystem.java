package org.chart2claim.codebook;

/** The code systems a professional claim uses. */
public enum CodeSystem {
    ICD10CM,
    HCPCS,
    CPT
}
