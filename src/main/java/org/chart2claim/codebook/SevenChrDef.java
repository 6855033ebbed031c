package org.chart2claim.codebook;

import java.util.List;
import java.util.Optional;

/**
 * A 7th-character definition ({@code sevenChrDef} in the Tabular XML) declared on a category or
 * subcategory: every billable code below it needs one of these 7th characters. Codes shorter than six
 * characters get the placeholder {@code X} until the 7th position ({@code S02.2} + {@code A} =
 * {@code S02.2XXA}).
 *
 * @param values the allowed 7th characters in book order
 * @param note   the optional note printed with the table (may be empty)
 */
public record SevenChrDef(List<SeventhCharacter> values, String note) {

    public SevenChrDef {
        values = List.copyOf(values);
        note = note == null ? "" : note;
    }

    /** The meaning of a 7th character, if it is allowed. */
    public Optional<String> meaningOf(char character) {
        char upper = Character.toUpperCase(character);
        return values.stream()
                .filter(v -> v.character() == upper)
                .map(SeventhCharacter::meaning)
                .findFirst();
    }

    /**
     * The complete 7-character code for a 3–6 character base code (with or without its dot), padding
     * with the placeholder X: {@code withSeventh("S02.2", 'A')} = {@code S02.2XXA}.
     */
    public static String withSeventh(String baseCode, char seventh) {
        String compact = CodeFormat.compact(CodeSystem.ICD10CM, baseCode);
        if (compact.length() < 3 || compact.length() > 6) {
            throw new IllegalArgumentException("a 7th character extends a 3 to 6 character code, not " + baseCode);
        }
        StringBuilder padded = new StringBuilder(compact);
        while (padded.length() < 6) {
            padded.append('X');
        }
        padded.append(Character.toUpperCase(seventh));
        return CodeFormat.display(CodeSystem.ICD10CM, padded.toString());
    }
}
