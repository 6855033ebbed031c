package org.chart2claim.assessment;

import java.util.List;
import java.util.Map;

/** A question form that breaks the bank's rules: every message, filed under the field it is about. */
public class InvalidQuestionException extends RuntimeException {

    private final transient Map<String, List<String>> errors;

    public InvalidQuestionException(Map<String, List<String>> errors) {
        super(errors.values().stream()
                .flatMap(List::stream)
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid"));
        this.errors = Map.copyOf(errors);
    }

    /** Field ({@link QuestionForm#ID}, {@code "A"}…, {@link QuestionForm#GENERAL}) → messages. */
    public Map<String, List<String>> errors() {
        return errors;
    }
}
