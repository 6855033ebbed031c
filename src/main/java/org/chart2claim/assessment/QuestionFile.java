package org.chart2claim.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Questions in and out of the bank as files in the shipped format ({@code scenarios/questions/<domain>.yaml}, see
 * the folder's README.md): {@link #write} is what an export gives, and {@link #path} names the field a message of
 * an import is about ({@code questions[2].options.B}), the shape the REST API uses for a single question's fields
 * too ({@link #fieldPath}). Plain Java.
 */
public final class QuestionFile {

    private QuestionFile() {}

    /** One domain file holding {@code questions} (each in its canonical text), readable by the bank's parser. */
    public static String write(QuestionDomain domain, List<Question> questions) {
        StringBuilder y = new StringBuilder();
        y.append("domain: ").append(QuestionText.quote(domain.name())).append('\n');
        if (questions.isEmpty()) {
            return y.append("questions: []\n").toString();
        }
        y.append("questions:\n");
        for (Question q : questions) {
            String one = QuestionText.write(q);
            y.append(one.substring(one.indexOf("questions:\n") + "questions:\n".length()));
        }
        return y.toString();
    }

    /**
     * The JSON-style path of a form field ({@link QuestionForm#fieldOf}): an option letter is {@code options.B}, a
     * message about no single field is {@code question}.
     */
    public static String fieldPath(String field) {
        if (Question.LETTERS.contains(field)) {
            return QuestionForm.OPTIONS + "." + field;
        }
        return QuestionForm.GENERAL.equals(field) ? "question" : field;
    }

    /**
     * The path of a message about the question at {@code position} of a file's list (0-based), or about the file
     * itself ({@code position} &lt; 0: {@code domain}, {@code questions}, an unknown top-level field, or {@code file}).
     */
    public static String path(int position, String message) {
        if (position >= 0) {
            String field = QuestionForm.fieldOf(message);
            return "questions[" + position + "]" + (QuestionForm.GENERAL.equals(field) ? "" : "." + fieldPath(field));
        }
        String m = message.strip();
        if (m.startsWith("domain") || m.startsWith("questions of domain")) {
            return "domain";
        }
        if (m.startsWith("questions must") || m.startsWith("at most")) {
            return "questions";
        }
        if (m.startsWith("unknown top-level field '")) {
            return m.substring(
                    "unknown top-level field '".length(), m.indexOf('\'', "unknown top-level field '".length()));
        }
        return "file";
    }

    /** Adds a message under its path, keeping the order messages came in. */
    static void add(Map<String, List<String>> errors, String path, String message) {
        errors.computeIfAbsent(path, p -> new ArrayList<>()).add(message);
    }

    /** Form messages per field ({@link QuestionForm#byField}) re-keyed by {@link #fieldPath}. */
    public static Map<String, List<String>> byPath(Map<String, List<String>> byField) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        byField.forEach((field, messages) -> messages.forEach(m -> add(out, fieldPath(field), m)));
        return out;
    }
}
