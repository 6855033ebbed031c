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

    /**
     * A wrong answer learners often give ({@code 99214}, {@code E11.9}, {@code 99203-25}, {@code J3301 x4}) and
     * why, with the answer parsed once at load: the code, the modifiers after {@code -}, the units after
     * {@code x} (null when not given).
     */
    public record CommonMistake(String answer, String why, String code, List<String> modifiers, Integer units) {
        public CommonMistake {
            modifiers = List.copyOf(modifiers);
        }

        public CommonMistake(String answer, String why) {
            this(answer, why, parse(answer));
        }

        private CommonMistake(String answer, String why, CommonMistake parsed) {
            this(answer, why, parsed.code(), parsed.modifiers(), parsed.units());
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
            return new CommonMistake(answer, "", parts[0].trim(), modifiers, units);
        }
    }
}
