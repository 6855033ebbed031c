package org.chart2claim.assessment;

import java.time.Instant;

/**
 * What an instructor asks for when composing an exam (the body of {@code POST /api/assessments}, and the builder
 * view's form). {@code parts} is 1 or 2 (two parts with a break between them, like the online CPC exam).
 */
public record AssessmentSpec(
        String title,
        Long cohortId,
        int timeLimitMinutes,
        Instant opensAt,
        Instant closesAt,
        int attemptsAllowed,
        boolean openBook,
        boolean shuffle,
        ReleaseMode release,
        int parts,
        int breakMinutes,
        Composition composition) {

    public static final int MAX_TIME_LIMIT_MINUTES = 600;
    public static final int MAX_ATTEMPTS = 20;
    public static final int MAX_BREAK_MINUTES = 120;

    /** The CPC practice preset: 100 questions over the blueprint, 4 hours, one attempt, shuffled, closed book. */
    public static AssessmentSpec cpcPractice(String title, Long cohortId, Instant opensAt, Instant closesAt) {
        return new AssessmentSpec(
                title,
                cohortId,
                240,
                opensAt,
                closesAt,
                1,
                false,
                true,
                ReleaseMode.ON_CLOSE,
                1,
                0,
                Composition.cpcPractice());
    }
}
