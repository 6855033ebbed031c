package org.chart2claim.appeal;

/** How the practice's record supports a denied claim line, compared code by code with what was billed. */
public enum Support {
    /** The record documents the line exactly as billed: code, modifiers, units and the diagnoses it points to. */
    AS_BILLED,
    /** The record documents the service, but coded differently (another modifier, units, diagnosis or E/M level). */
    CODED_DIFFERENTLY,
    /** The record does not document the billed service at all. */
    NOT_DOCUMENTED,
    /** The claim came without a record (a blank claim): nothing to compare. */
    NO_RECORD
}
