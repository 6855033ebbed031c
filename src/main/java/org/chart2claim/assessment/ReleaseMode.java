package org.chart2claim.assessment;

/** When students see their results, keys and rationales. */
public enum ReleaseMode {
    /** As soon as the student's session is submitted. */
    ON_SUBMIT,
    /** When the window has closed for everybody (accommodated windows too) and no session is still running. */
    ON_CLOSE,
    /** When an instructor releases them. */
    MANUAL
}
