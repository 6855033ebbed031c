package org.chart2claim.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The answer key of a scenario: diagnoses in reporting order, claim lines, the common wrong answers used
 * for feedback, codes that are acceptable but not required (e.g. optional place-of-occurrence codes), and
 * other complete sets of claim lines accepted with full credit where coding rules allow two forms.
 */
public record AnswerKey(
        List<Diagnosis> diagnoses,
        List<ProcedureLine> procedures,
        List<CommonMistake> commonMistakes,
        Set<String> optionalCodes,
        List<Alternative> alternatives) {

    public AnswerKey(
            List<Diagnosis> diagnoses,
            List<ProcedureLine> procedures,
            List<CommonMistake> commonMistakes,
            Set<String> optionalCodes) {
        this(diagnoses, procedures, commonMistakes, optionalCodes, List.of());
    }

    public AnswerKey {
        diagnoses = List.copyOf(diagnoses);
        procedures = List.copyOf(procedures);
        commonMistakes = List.copyOf(commonMistakes);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
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

    /**
     * A wrong answer learners often give ({@code 99214}, {@code E11.9}, {@code 99203-25}, {@code J3301 x4}) and
     * why, with the answer parsed once at load: the code, the modifiers after {@code -}, the units after
     * {@code x} (null when not given). {@code invalid} marks an answer whose code does not exist on purpose
     * (e.g. {@code O24.014}); every other mistake's code must be a real, billable code.
     */
    public record CommonMistake(
            String answer, String why, String code, List<String> modifiers, Integer units, boolean invalid) {
        public CommonMistake {
            modifiers = List.copyOf(modifiers);
        }

        public CommonMistake(String answer, String why) {
            this(answer, why, false);
        }

        public CommonMistake(String answer, String why, boolean invalid) {
            this(answer, why, parse(answer), invalid);
        }

        private CommonMistake(String answer, String why, CommonMistake parsed, boolean invalid) {
            this(answer, why, parsed.code(), parsed.modifiers(), parsed.units(), invalid);
        }

        private static CommonMistake parse(String answer) {
            String text = answer == null ? "" : answer.trim().toUpperCase(Locale.ROOT);
            String[] unitSplit = text.split("\\s*X\\s*(?=\\d+$)");
            Integer units = unitSplit.length == 2 && unitSplit[1].length() <= 6 ? Integer.valueOf(unitSplit[1]) : null;
            String[] parts = unitSplit[0].trim().split("-");
            List<String> modifiers = new java.util.ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                modifiers.add(parts[i].trim());
            }
            return new CommonMistake(answer, "", parts[0].trim(), modifiers, units, false);
        }
    }

    /**
     * Another complete set of claim lines that earns full credit (e.g. {@code 94640 x2} instead of
     * {@code 94640} + {@code 94640-76}), with the reason both forms are accepted.
     */
    public record Alternative(List<ProcedureLine> procedures, String why) {
        public Alternative {
            procedures = List.copyOf(procedures);
        }
    }

    /** This key with its claim lines replaced by an alternative's (for grading against that form). */
    public AnswerKey withProcedures(Alternative alternative) {
        return new AnswerKey(diagnoses, alternative.procedures(), commonMistakes, optionalCodes, List.of());
    }
}
