package org.chart2claim.appeal.decision;

/** The payer's answer to an appeal. */
public enum Outcome {
    /** The denial was wrong: the line is reprocessed and paid. */
    OVERTURNED,
    /** The denial stands; the next level may be asked. */
    UPHELD,
    /** The appeal is not heard (late, a level skipped, below the amount in controversy, a clerical error). */
    DISMISSED
}
