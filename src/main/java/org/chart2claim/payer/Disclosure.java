package org.chart2claim.payer;

import java.util.List;

/**
 * How much of the payer's reasoning the learner sees: in teaching every adjustment carries a hint how to fix
 * it; in an exam the remittance is what a real payer sends, without hints. The caller decides (an assessment
 * passes {@link #EXAM}); stored results always keep the hints.
 */
public enum Disclosure {
    TEACHING,
    EXAM;

    /** The result as this disclosure shows it. */
    public ClaimResult show(ClaimResult result) {
        return this == EXAM ? result.withoutHints() : result;
    }

    public List<ClaimResult> show(List<ClaimResult> results) {
        return results.stream().map(this::show).toList();
    }

    /** The REST API's {@code mode} parameter: {@code exam} (any case) means {@link #EXAM}, anything else teaching. */
    public static Disclosure ofMode(String mode) {
        return "exam".equalsIgnoreCase(mode) ? EXAM : TEACHING;
    }
}
