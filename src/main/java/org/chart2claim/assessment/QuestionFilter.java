package org.chart2claim.assessment;

import java.util.List;
import java.util.Locale;

/**
 * The question bank view's filters: a domain, a tag, a status and words to find in the id, stem, options and
 * rationale (every word must occur, case ignored). A null or blank filter lets everything through. Plain Java.
 */
public record QuestionFilter(QuestionDomain domain, String tag, Status status, String search) {

    /** Which questions to list by their state. */
    public enum Status {
        ACTIVE("Active"),
        RETIRED("Retired"),
        ALL("All");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final QuestionFilter NONE = new QuestionFilter(null, null, Status.ALL, null);

    public boolean matches(QuestionBank.Listed listed) {
        Question q = listed.question();
        if (domain != null && q.domain() != domain) {
            return false;
        }
        if (tag != null && !tag.isBlank() && !q.tags().contains(tag.strip())) {
            return false;
        }
        Status s = status == null ? Status.ALL : status;
        if ((s == Status.ACTIVE && listed.retired()) || (s == Status.RETIRED && !listed.retired())) {
            return false;
        }
        if (search == null || search.isBlank()) {
            return true;
        }
        String haystack = String.join(
                        " ", q.id(), q.stem(), String.join(" ", q.options().values()), q.rationale())
                .toLowerCase(Locale.ROOT);
        for (String word : search.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    public List<QuestionBank.Listed> apply(List<QuestionBank.Listed> all) {
        return all.stream().filter(this::matches).toList();
    }
}
