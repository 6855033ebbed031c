package org.chart2claim.assessment;

/** Where a session stands. Only IN_PROGRESS accepts answers. */
public enum SessionStatus {
    IN_PROGRESS,
    /** Between the two parts of a two-part exam; {@code deadline} is when the break ends. */
    ON_BREAK,
    SUBMITTED
}
