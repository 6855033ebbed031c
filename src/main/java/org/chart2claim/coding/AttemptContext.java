package org.chart2claim.coding;

import java.util.regex.Pattern;

/**
 * Where an attempt belongs: free practice, or one exam sitting (an assessment supplies its sitting id). A
 * learner has at most one draft per scenario and context, so two sittings, or a sitting and practice, keep
 * separate attempts of the same scenario. Stored as {@link #key()} in the attempt table.
 */
public sealed interface AttemptContext {

    /** Free practice: what the workspace and the attempts API use. */
    AttemptContext PRACTICE = new Practice();

    /** The stored form: {@code practice} or {@code exam:<sitting id>}. */
    String key();

    static AttemptContext examSitting(String sittingId) {
        return new ExamSitting(sittingId);
    }

    /** Reads the stored form back. */
    static AttemptContext of(String key) {
        if (key == null || key.equals("practice")) {
            return PRACTICE;
        }
        if (key.startsWith("exam:")) {
            return new ExamSitting(key.substring("exam:".length()));
        }
        throw new IllegalArgumentException("Unknown attempt context '" + key + "'");
    }

    record Practice() implements AttemptContext {
        @Override
        public String key() {
            return "practice";
        }
    }

    /** One sitting of a timed exam; the id is the assessment feature's (letters, digits, - and _). */
    record ExamSitting(String sittingId) implements AttemptContext {
        private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

        public ExamSitting {
            if (sittingId == null || !ID.matcher(sittingId).matches()) {
                throw new IllegalArgumentException("An exam sitting id is 1-80 letters, digits, - or _");
            }
        }

        @Override
        public String key() {
            return "exam:" + sittingId;
        }
    }
}
