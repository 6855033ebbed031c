package org.chart2claim.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Radiology questions a test writes into the shared bank: ids unique to the test ({@link #id}), bank files in the
 * shipped format ({@link #file}, {@link #question}), and {@link #retireAll} afterwards so the other tests' exams draw
 * the same questions as before.
 */
public final class TestQuestions {

    /** Unique to this test instance; ends every id of {@link #id}. */
    public final String tag = UUID.randomUUID().toString().substring(0, 6);

    private final List<String> written = new ArrayList<>();

    /** {@code ra-<name><tag>}, remembered for {@link #retireAll}. */
    public String id(String name) {
        String id = "ra-" + name + tag;
        written.add(id);
        return id;
    }

    /** Retires every question of {@link #id} that is active. */
    public void retireAll(QuestionBank bank) {
        for (String id : written) {
            if (bank.isActive(id)) {
                bank.setRetired(id, true);
            }
        }
    }

    /** A RADIOLOGY bank file holding {@code questions}. */
    public static String file(String... questions) {
        return "domain: RADIOLOGY\nquestions:\n" + String.join("", questions);
    }

    /** One question of a bank file (review in the scenarios' form), B the key, {@code optionA} free to vary. */
    public static String question(String id, String stem, String optionA) {
        return """
                  - id: %s
                    author: "Question writer A"
                    review: {by: "Question writer B", on: 2026-12-02, checklist: REVIEW.md}
                    difficulty: 1
                    tags: [import-story]
                    stem: |
                      %s
                    options:
                      A: "%s"
                      B: "A chest X-ray, two views"
                      C: "A CT of the chest"
                      D: "Not reported"
                    key: B
                    rationale: "Two views were taken."
                """.formatted(id, stem, optionA);
    }
}
