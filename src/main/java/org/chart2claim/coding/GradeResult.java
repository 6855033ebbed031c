package org.chart2claim.coding;

import java.util.List;

/**
 * A graded attempt: total score, a verdict for every element of the key (side by side with the learner's
 * answer), penalties for extras, and the common-mistake explanations that apply. Serialised as the API's
 * JSON answer and stored with the attempt.
 */
public record GradeResult(
        int score,
        double earned,
        double penalties,
        double available,
        List<DiagnosisVerdict> diagnoses,
        FirstListedVerdict firstListed,
        List<ProcedureVerdict> procedures,
        List<Extra> extras,
        List<MistakeFeedback> feedback) {

    public GradeResult {
        diagnoses = List.copyOf(diagnoses);
        procedures = List.copyOf(procedures);
        extras = List.copyOf(extras);
        feedback = List.copyOf(feedback);
    }

    /** The verdict of one element. */
    public enum Verdict {
        CORRECT,
        PARTIAL,
        WRONG,
        MISSING
    }

    /** One key diagnosis against the learner's closest code. {@code yourCode} is null when missing. */
    public record DiagnosisVerdict(
            int keyPosition,
            String keyCode,
            String yourCode,
            Integer yourPosition,
            Verdict verdict,
            String match,
            double points,
            double maxPoints,
            String rationale) {}

    public record FirstListedVerdict(
            String keyCode, String yourCode, Verdict verdict, double points, double maxPoints) {}

    /** One key claim line against the learner's matching line ({@code yourCode} null when missing). */
    public record ProcedureVerdict(
            int keyLine,
            String keyCode,
            List<String> keyModifiers,
            int keyUnits,
            List<String> keyPointedCodes,
            Integer yourLine,
            String yourCode,
            List<String> yourModifiers,
            Integer yourUnits,
            List<String> yourPointedCodes,
            Verdict code,
            String codeMatch,
            Verdict modifiers,
            Verdict units,
            Verdict pointers,
            double points,
            double maxPoints,
            String rationale) {}

    /** A learner code or line that the key does not support, with its penalty. */
    public record Extra(String kind, String code, double penalty, String note) {}

    /** A common wrong answer the learner gave, with the scenario author's explanation. */
    public record MistakeFeedback(String answer, String why) {}
}
