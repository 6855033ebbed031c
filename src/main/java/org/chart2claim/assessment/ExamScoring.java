package org.chart2claim.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores of a session: every item weighs the same; a question scores 100 when the choice is the key and 0 otherwise
 * (unanswered is 0); a coding scenario scores what the rubric gives it (0–100). The exam score is the mean, rounded
 * half up to a whole percent; per domain likewise. Plain Java.
 */
public final class ExamScoring {

    private ExamScoring() {}

    /** One scored item: its domain (a {@link QuestionDomain} id, or {@code SCENARIO}) and its 0–100 score. */
    public record ScoredItem(String domain, int score) {}

    public static int questionScore(String choice, String key) {
        return choice != null && choice.equals(key) ? 100 : 0;
    }

    public static int percent(List<ScoredItem> items) {
        if (items.isEmpty()) {
            return 0;
        }
        long sum = items.stream().mapToLong(ScoredItem::score).sum();
        return (int) ((sum * 2 + items.size()) / (2L * items.size()));
    }

    /** Percent per domain, in the order the domains first appear. */
    public static Map<String, Integer> byDomain(List<ScoredItem> items) {
        Map<String, List<ScoredItem>> grouped = new LinkedHashMap<>();
        for (ScoredItem item : items) {
            grouped.computeIfAbsent(item.domain(), d -> new java.util.ArrayList<>())
                    .add(item);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        grouped.forEach((domain, list) -> out.put(domain, percent(list)));
        return out;
    }
}
