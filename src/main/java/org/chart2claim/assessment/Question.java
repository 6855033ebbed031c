package org.chart2claim.assessment;

import java.util.List;
import java.util.Map;

/**
 * One multiple-choice question of the bank: a stem, four options A–D, one key and a rationale. The key and the
 * rationale never leave the server before an exam's results are released.
 *
 * @param options    A, B, C, D in that order
 * @param sourceFile the bank file it was read from
 * @param version    the question's version in the bank (1: as first shipped or written; each edit adds one)
 */
public record Question(
        String id,
        QuestionDomain domain,
        String author,
        String review,
        int difficulty,
        List<String> tags,
        String stem,
        Map<String, String> options,
        String key,
        String rationale,
        String sourceFile,
        int version) {

    /** The option letters of every question, in order. */
    public static final List<String> LETTERS = List.of("A", "B", "C", "D");

    public Question {
        tags = List.copyOf(tags);
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }

    /** A question as read from a file, before the bank has numbered its version (version 1). */
    public Question(
            String id,
            QuestionDomain domain,
            String author,
            String review,
            int difficulty,
            List<String> tags,
            String stem,
            Map<String, String> options,
            String key,
            String rationale,
            String sourceFile) {
        this(id, domain, author, review, difficulty, tags, stem, options, key, rationale, sourceFile, 1);
    }

    /** The same question numbered as version {@code number} of the bank. */
    public Question withVersion(int number) {
        return new Question(
                id, domain, author, review, difficulty, tags, stem, options, key, rationale, sourceFile, number);
    }
}
