package org.chart2claim.assessment;

/** What an exam item is: a bank question (one choice) or a coding scenario (a coded answer, graded by the rubric). */
public enum ItemType {
    QUESTION,
    SCENARIO
}
