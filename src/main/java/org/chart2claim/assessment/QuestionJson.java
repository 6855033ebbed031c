package org.chart2claim.assessment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A question as the REST API takes it ({@code POST /api/questions}, {@code PUT /api/questions/{id}}), read into the
 * question bank page's form so the same rules judge it: {@code {"id","domain","difficulty","tags":[…],"stem",
 * "options":{"A"…"D"},"key","rationale","author"?,"review"?:{"by","on"},"changeNote"?}}. A value of the wrong JSON type
 * is a message at its field path, not a failed request; the bank's own messages are added by the caller. Plain Java.
 */
public final class QuestionJson {

    private static final Set<String> FIELDS = Set.of(
            "id",
            "domain",
            "difficulty",
            "tags",
            "stem",
            "options",
            "key",
            "rationale",
            "author",
            "review",
            "changeNote");

    private QuestionJson() {}

    /** The form, the change note, and the type errors by field path (empty when every value had its type). */
    public record Read(QuestionForm form, String changeNote, Map<String, List<String>> errors) {}

    public static Read read(JsonNode body) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (body == null || !body.isObject()) {
            QuestionFile.add(errors, "question", "the body must be a JSON object with the question's fields");
            return new Read(
                    new QuestionForm(null, null, null, null, null, Map.of(), null, null, null, null, null),
                    null,
                    errors);
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                QuestionFile.add(
                        errors,
                        name,
                        "unknown field '" + name + "' (allowed: "
                                + FIELDS.stream().sorted().toList() + ")");
            }
        }
        String domainText = text(body, "domain", errors);
        QuestionDomain domain = null;
        if (domainText != null) {
            domain = QuestionDomain.byId(domainText.strip()).orElse(null);
            if (domain == null) {
                QuestionFile.add(
                        errors,
                        "domain",
                        "domain must be one of " + List.of(QuestionDomain.values()) + ", not '" + domainText + "'");
            }
        }
        Integer difficulty = null;
        JsonNode d = body.get("difficulty");
        if (d != null && !d.isNull()) {
            if (d.isInt()) {
                difficulty = d.intValue();
            } else {
                QuestionFile.add(errors, "difficulty", "difficulty must be the number 1, 2 or 3");
            }
        }
        String tags = null;
        JsonNode t = body.get("tags");
        if (t != null && !t.isNull()) {
            if (t.isArray()) {
                List<String> list = new ArrayList<>();
                for (int i = 0; i < t.size(); i++) {
                    if (t.get(i).isString()) {
                        list.add(t.get(i).stringValue());
                    } else {
                        QuestionFile.add(errors, "tags[" + i + "]", "tags may only hold words in quotes");
                    }
                }
                tags = String.join(", ", list);
            } else if (t.isString()) {
                tags = t.stringValue();
            } else {
                QuestionFile.add(errors, "tags", "tags must be a list like [\"diabetes\", \"combination-code\"]");
            }
        }
        Map<String, String> options = new LinkedHashMap<>();
        JsonNode o = body.get("options");
        if (o != null && !o.isNull()) {
            if (!o.isObject()) {
                QuestionFile.add(errors, "options", "options must be an object {\"A\":…,\"B\":…,\"C\":…,\"D\":…}");
            } else {
                for (String letter : o.propertyNames()) {
                    JsonNode option = o.get(letter);
                    if (!Question.LETTERS.contains(letter)) {
                        QuestionFile.add(errors, "options." + letter, "options are keyed A, B, C and D only");
                    } else if (!option.isString()) {
                        QuestionFile.add(errors, "options." + letter, "option " + letter + " must be text");
                    } else {
                        options.put(letter, option.stringValue());
                    }
                }
            }
        }
        String reviewBy = null;
        LocalDate reviewOn = null;
        JsonNode r = body.get("review");
        if (r != null && !r.isNull()) {
            if (r.isObject()) {
                reviewBy = text(r, "by", errors, "review.by");
                String on = text(r, "on", errors, "review.on");
                if (on != null) {
                    try {
                        reviewOn = LocalDate.parse(on.strip());
                    } catch (DateTimeParseException e) {
                        QuestionFile.add(
                                errors, "review.on", "review.on must be a date (YYYY-MM-DD), not '" + on + "'");
                    }
                }
            } else {
                QuestionFile.add(errors, "review", "review must be an object {\"by\":\"…\",\"on\":\"YYYY-MM-DD\"}");
            }
        }
        QuestionForm form = new QuestionForm(
                text(body, "id", errors),
                domain,
                difficulty,
                tags,
                text(body, "stem", errors),
                options,
                text(body, "key", errors),
                text(body, "rationale", errors),
                text(body, "author", errors),
                reviewBy,
                reviewOn);
        return new Read(form, text(body, "changeNote", errors), errors);
    }

    private static String text(JsonNode node, String field, Map<String, List<String>> errors) {
        return text(node, field, errors, field);
    }

    private static String text(JsonNode node, String field, Map<String, List<String>> errors, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            QuestionFile.add(errors, path, path + " must be text in quotes");
            return null;
        }
        return value.stringValue();
    }
}
