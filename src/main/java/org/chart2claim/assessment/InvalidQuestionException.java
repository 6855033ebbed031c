package org.chart2claim.assessment;

import java.util.List;
import java.util.Map;

/** A question form that breaks the bank's rules: every message, filed under the field it is about. */
public class InvalidQuestionException extends RuntimeException {

    private final transient Map<String, List<String>> errors;
    private final transient Map<String, String> questionIds;

    public InvalidQuestionException(Map<String, List<String>> errors) {
        this(errors, Map.of());
    }

    /**
     * @param questionIds for a bank file's messages: the id of the question at a path ({@code questions[2]}, or
     *     {@code radiology.yaml:questions[2]} in a zip) that messages are filed under
     */
    public InvalidQuestionException(Map<String, List<String>> errors, Map<String, String> questionIds) {
        super(errors.values().stream()
                .flatMap(List::stream)
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid"));
        this.errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
        this.questionIds = Map.copyOf(questionIds);
    }

    /** The id of the question at a path of a bank file, where the file gave one. */
    public Map<String, String> questionIds() {
        return questionIds;
    }

    /** Field ({@link QuestionForm#ID}, {@code "A"}…, {@link QuestionForm#GENERAL}) → messages. */
    public Map<String, List<String>> errors() {
        return errors;
    }
}
