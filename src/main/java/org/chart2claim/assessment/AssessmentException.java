package org.chart2claim.assessment;

/** A request the exam engine refuses, with the HTTP-like reason and a message for the person. Nothing was changed. */
public class AssessmentException extends RuntimeException {

    public enum Reason {
        /** Bad input (400). */
        INVALID,
        /** No such item for this user: unknown, not assigned, another student's (404). */
        NOT_FOUND,
        /** Not now: outside the window, attempts used up, already submitted, late (409). */
        CONFLICT
    }

    private final Reason reason;

    public AssessmentException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static AssessmentException invalid(String message) {
        return new AssessmentException(Reason.INVALID, message);
    }

    static AssessmentException notFound(String message) {
        return new AssessmentException(Reason.NOT_FOUND, message);
    }

    static AssessmentException conflict(String message) {
        return new AssessmentException(Reason.CONFLICT, message);
    }
}
