package org.chart2claim.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.chart2claim.config.Json;

/**
 * One question as the text of a one-question bank file ({@code scenarios/questions/README.md}): what a version
 * stores, what the browser's form is turned into before the bank's own parser checks it, and what the content hash
 * is taken over (so reformatting a shipped file does not make a new version; a changed word does). Every text value
 * is written as a double-quoted scalar with JSON escapes, which YAML reads back unchanged. Plain Java.
 */
public final class QuestionText {

    private QuestionText() {}

    /** The canonical text of a valid question; {@code QuestionParser.parse} reads it back as the same question. */
    public static String write(Question q) {
        return write(
                q.domain() == null ? null : q.domain().name(),
                q.id(),
                q.author(),
                q.review(),
                String.valueOf(q.difficulty()),
                q.tags(),
                q.stem(),
                q.options(),
                q.key(),
                q.rationale());
    }

    /**
     * A one-question file from raw values (the form's, possibly invalid: a blank value is written as nothing and the
     * parser names it). {@code difficulty} is written as it is when it is a number 1–9, else quoted (and refused).
     */
    static String write(
            String domain,
            String id,
            String author,
            String review,
            String difficulty,
            java.util.List<String> tags,
            String stem,
            java.util.Map<String, String> options,
            String key,
            String rationale) {
        StringBuilder y = new StringBuilder();
        y.append("domain: ").append(quote(domain)).append('\n');
        y.append("questions:\n");
        y.append("  - id: ").append(quote(id)).append('\n');
        if (!blank(author)) {
            y.append("    author: ").append(quote(author)).append('\n');
        }
        if (!blank(review)) {
            y.append("    review: ").append(quote(review)).append('\n');
        }
        y.append("    difficulty: ")
                .append(difficulty != null && difficulty.matches("[1-9]") ? difficulty : quote(difficulty))
                .append('\n');
        if (tags != null && !tags.isEmpty()) {
            y.append("    tags: [")
                    .append(String.join(
                            ", ", tags.stream().map(QuestionText::quote).toList()))
                    .append("]\n");
        }
        y.append("    stem: ").append(quote(stem)).append('\n');
        y.append("    options:\n");
        for (String letter : Question.LETTERS) {
            y.append("      ")
                    .append(letter)
                    .append(": ")
                    .append(quote(options == null ? null : options.get(letter)))
                    .append('\n');
        }
        y.append("    key: ").append(quote(key)).append('\n');
        y.append("    rationale: ").append(quote(rationale)).append('\n');
        return y.toString();
    }

    /** Hex SHA-256 of the canonical text. */
    public static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A double-quoted YAML scalar (JSON's escapes are YAML's); blank is YAML's null, which the parser names. */
    static String quote(String value) {
        if (blank(value)) {
            return "null";
        }
        return Json.MAPPER.writeValueAsString(value.strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
