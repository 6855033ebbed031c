package org.chart2claim.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The answer key of a scenario: diagnoses in reporting order, claim lines, the common wrong answers used
 * for feedback, and codes that are acceptable but not required (e.g. optional place-of-occurrence codes).
 */
public record AnswerKey(
        List<Diagnosis> diagnoses,
        List<ProcedureLine> procedures,
        List<CommonMistake> commonMistakes,
        Set<String> optionalCodes) {

    public AnswerKey {
        diagnoses = List.copyOf(diagnoses);
        procedures = List.copyOf(procedures);
        commonMistakes = List.copyOf(commonMistakes);
        optionalCodes = optionalCodes.stream()
                .map(c -> c.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A key diagnosis with the rationale shown after submission. */
    public record Diagnosis(String code, String rationale) {}

    /** A key claim line; {@code pointers} are 1-based indexes into {@link #diagnoses()}. */
    public record ProcedureLine(
            String code, List<String> modifiers, int units, List<Integer> pointers, String rationale) {
        public ProcedureLine {
            modifiers = List.copyOf(modifiers);
            pointers = List.copyOf(pointers);
        }
    }

    /** A wrong answer learners often give ({@code 99214}, {@code E11.9}, {@code 99203-25}, {@code J3301 x4}) and why. */
    public record CommonMistake(String answer, String why) {}
}
