package org.chart2claim.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the question bank view's form (and {@code QuestionBank.publish}) holds: the fields of one question as typed.
 * {@link #text()} turns it into a one-question bank file so the bank's own parser and code check judge it (the same
 * rules and messages as a shipped file); {@link #fieldOf} files each message under the field it is about. Plain Java.
 *
 * @param tags     comma-separated, as typed
 * @param options  A–D → text
 * @param reviewBy the second reader (needed when an author is named; someone else than the author)
 */
public record QuestionForm(
        String id,
        QuestionDomain domain,
        Integer difficulty,
        String tags,
        String stem,
        Map<String, String> options,
        String key,
        String rationale,
        String author,
        String reviewBy,
        LocalDate reviewOn) {

    /** The field names messages are filed under ({@link #GENERAL}: not about one field). */
    public static final String ID = "id";

    public static final String DOMAIN = "domain";
    public static final String DIFFICULTY = "difficulty";
    public static final String TAGS = "tags";
    public static final String STEM = "stem";
    public static final String OPTIONS = "options";
    public static final String KEY = "key";
    public static final String RATIONALE = "rationale";
    public static final String AUTHOR = "author";
    public static final String REVIEW = "review";
    public static final String GENERAL = "general";

    public QuestionForm {
        options = options == null ? Map.of() : new LinkedHashMap<>(options);
    }

    /** The form of a question to edit, every field filled. */
    public static QuestionForm of(Question q) {
        String by = q.review() == null ? null : QuestionParser.reviewer(q.review());
        LocalDate on = null;
        if (q.review() != null) {
            var m = java.util.regex.Pattern.compile(".*,\\s*(\\d{4}-\\d{2}-\\d{2})\\s*")
                    .matcher(q.review());
            if (m.matches()) {
                on = LocalDate.parse(m.group(1));
            }
        }
        return new QuestionForm(
                q.id(),
                q.domain(),
                q.difficulty(),
                String.join(", ", q.tags()),
                q.stem(),
                q.options(),
                q.key(),
                q.rationale(),
                q.author(),
                by,
                on);
    }

    /** The tags as a list: split at commas, trimmed, blanks dropped. */
    public List<String> tagList() {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(tags.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    /** The review as the bank records its short form: "Name, YYYY-MM-DD" (or just the name without a date). */
    public String review() {
        if (reviewBy == null || reviewBy.isBlank()) {
            return null;
        }
        return reviewBy.strip() + (reviewOn == null ? "" : ", " + reviewOn);
    }

    /** The form as a one-question bank file. */
    public String text() {
        return QuestionText.write(
                domain == null ? null : domain.name(),
                id == null ? null : id.strip(),
                author,
                review(),
                difficulty == null ? null : String.valueOf(difficulty),
                tagList(),
                stem,
                options,
                key,
                rationale);
    }

    /** The field a parser or code-check message is about (see scenarios/questions/README.md for the messages). */
    public static String fieldOf(String message) {
        String m = message.strip();
        for (String letter : Question.LETTERS) {
            if (m.startsWith("option " + letter + " ") || m.startsWith("option " + letter + ":")) {
                return letter;
            }
        }
        if (m.startsWith("missing required field ")) {
            return m.substring("missing required field ".length()).strip();
        }
        if (m.startsWith("options") || m.startsWith("two options")) {
            return OPTIONS;
        }
        if (m.startsWith("rationale")) {
            return RATIONALE;
        }
        if (m.startsWith("key")) {
            return KEY;
        }
        if (m.startsWith("difficulty")) {
            return DIFFICULTY;
        }
        if (m.startsWith("tags")) {
            return TAGS;
        }
        if (m.startsWith("id")) {
            return ID;
        }
        if (m.startsWith("review") || m.startsWith("a question with an author")) {
            return REVIEW;
        }
        if (m.startsWith("domain") || m.startsWith("questions of domain")) {
            return DOMAIN;
        }
        return GENERAL;
    }

    /** Messages grouped by {@link #fieldOf}, in the order they came. */
    public static Map<String, List<String>> byField(List<String> messages) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String message : messages) {
            out.computeIfAbsent(fieldOf(message), f -> new ArrayList<>()).add(message);
        }
        return out;
    }
}
