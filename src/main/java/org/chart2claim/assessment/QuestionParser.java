package org.chart2claim.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one question-bank file ({@code scenarios/questions/<domain>.yaml}, format in the folder's README.md) and
 * checks everything that does not need the code books. Safe loading only (no types, at most 10 aliases, no
 * duplicate keys, a size limit). A broken question is reported and skipped; the file's other questions load.
 * Plain Java.
 */
public final class QuestionParser {

    /** Far above a domain file of a few hundred questions; protects the loader from a runaway file. */
    public static final int MAX_FILE_CHARS = 2_000_000;

    public static final int MAX_QUESTIONS_PER_FILE = 2_000;

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> FILE_FIELDS = Set.of("domain", "questions");
    private static final Set<String> QUESTION_FIELDS =
            Set.of("id", "author", "review", "difficulty", "tags", "stem", "options", "key", "rationale");
    private static final Pattern REVIEW_DATE = Pattern.compile("(.*),\\s*(\\d{4}-\\d{2}-\\d{2})\\s*");
    private static final Pattern REVIEW_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private QuestionParser() {}

    /**
     * What one file gave: its valid questions and its problems (file-level ones have a null question id), and where
     * each stands in the file's {@code questions} list (0-based; -1 for a file-level problem), so an import can name
     * the field path of every message.
     */
    public record Parsed(
            List<Question> questions,
            List<QuestionProblem> problems,
            List<Integer> questionPositions,
            List<Integer> problemPositions) {
        public Parsed {
            questions = List.copyOf(questions);
            problems = List.copyOf(problems);
            questionPositions = List.copyOf(questionPositions);
            problemPositions = List.copyOf(problemPositions);
        }

        Parsed(List<Question> questions, List<QuestionProblem> problems) {
            this(
                    questions,
                    problems,
                    java.util.Collections.nCopies(questions.size(), -1),
                    java.util.Collections.nCopies(problems.size(), -1));
        }
    }

    public static Parsed parse(String fileName, String text) {
        List<QuestionProblem> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return fileProblem(fileName, "the file is empty");
        }
        if (text.length() > MAX_FILE_CHARS) {
            return fileProblem(fileName, "the file is larger than " + MAX_FILE_CHARS + " characters");
        }
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10); // no alias bombs
            options.setAllowDuplicateKeys(false);
            options.setAllowRecursiveKeys(false);
            options.setNestingDepthLimit(20);
            options.setCodePointLimit(MAX_FILE_CHARS * 2);
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            return fileProblem(fileName, "not valid YAML: " + firstLines(e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> map)) {
            return fileProblem(fileName, "the file must be a YAML mapping with 'domain' and 'questions'");
        }
        List<String> fileReasons = new ArrayList<>();
        for (Object field : map.keySet()) {
            if (!FILE_FIELDS.contains(String.valueOf(field))) {
                fileReasons.add("unknown top-level field '" + field + "' (allowed: domain, questions)");
            }
        }
        Object domainValue = map.get("domain");
        QuestionDomain domain = null;
        if (!(domainValue instanceof String name)
                || QuestionDomain.byId(name.strip()).isEmpty()) {
            fileReasons.add(
                    "domain must be one of " + List.of(QuestionDomain.values()) + ", not '" + domainValue + "'");
        } else {
            domain = QuestionDomain.byId(name.strip()).orElseThrow();
            if (!fileName.equals(domain.fileName())) {
                fileReasons.add(
                        "questions of domain " + domain + " belong in " + domain.fileName() + ", not in " + fileName);
            }
        }
        List<?> items = map.get("questions") instanceof List<?> list ? list : null;
        if (items == null) {
            fileReasons.add("questions must be a list of questions ('- id: ...')");
        } else if (items.size() > MAX_QUESTIONS_PER_FILE) {
            fileReasons.add("at most " + MAX_QUESTIONS_PER_FILE + " questions per file");
        }
        if (!fileReasons.isEmpty()) {
            return new Parsed(List.of(), List.of(new QuestionProblem(fileName, null, fileReasons)));
        }
        List<Question> questions = new ArrayList<>();
        List<Integer> questionPositions = new ArrayList<>();
        List<Integer> problemPositions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            QuestionReader reader = new QuestionReader(fileName, domain, i + 1);
            Question q = reader.read(items.get(i));
            if (reader.problems.isEmpty()) {
                questions.add(q);
                questionPositions.add(i);
            } else {
                problems.add(new QuestionProblem(fileName, reader.label(), reader.problems));
                problemPositions.add(i);
            }
        }
        return new Parsed(questions, problems, questionPositions, problemPositions);
    }

    private static Parsed fileProblem(String fileName, String reason) {
        return new Parsed(List.of(), List.of(new QuestionProblem(fileName, null, List.of(reason))));
    }

    private static String firstLines(String s) {
        if (s == null) {
            return "unknown error";
        }
        return s.lines()
                .limit(3)
                .map(String::strip)
                .reduce((a, b) -> a + " " + b)
                .orElse(s);
    }

    /** The reviewer's name of a review written {@code "Name, 2026-12-01"} (the whole text without a date). */
    static String reviewer(String review) {
        var m = REVIEW_DATE.matcher(review);
        return (m.matches() ? m.group(1) : review).strip();
    }

    /** Reads one list entry, collecting its problems. */
    private static final class QuestionReader {
        private final String fileName;
        private final QuestionDomain domain;
        private final int number;
        private final List<String> problems = new ArrayList<>();
        private String id;

        QuestionReader(String fileName, QuestionDomain domain, int number) {
            this.fileName = fileName;
            this.domain = domain;
            this.number = number;
        }

        String label() {
            return id != null ? id : "question " + number;
        }

        Question read(Object item) {
            if (!(item instanceof Map<?, ?> map)) {
                problems.add("each question must be a mapping of fields (id, stem, options, key, ...)");
                return null;
            }
            for (Object field : map.keySet()) {
                if (!QUESTION_FIELDS.contains(String.valueOf(field))) {
                    problems.add("unknown field '" + field + "'");
                }
            }
            id = text(map, "id", true);
            if (id != null && !ID.matcher(id).matches()) {
                problems.add("id '" + id + "' must be lower-case letters, digits and single hyphens");
            } else if (id != null && !id.startsWith(domain.idPrefix())) {
                problems.add(
                        "id '" + id + "' must start with " + domain.idPrefix() + " (the prefix of " + domain + ")");
            }
            String author = text(map, "author", false);
            String review = review(map.get("review"));
            if (author != null && review == null) {
                problems.add("a question with an author needs a review by someone else: {by, on, checklist: REVIEW.md,"
                        + " notes} as for scenarios (see scenarios/REVIEW.md)");
            }
            if (author != null && review != null && reviewer(review).equalsIgnoreCase(author)) {
                problems.add("review must be by someone other than the author (" + author + ")");
            }
            int difficulty = difficulty(map.get("difficulty"));
            List<String> tags = tags(map.get("tags"));
            String stem = text(map, "stem", true);
            Map<String, String> options = options(map.get("options"));
            String key = key(map.get("key"));
            String rationale = text(map, "rationale", true);
            return new Question(id, domain, author, review, difficulty, tags, stem, options, key, rationale, fileName);
        }

        /**
         * The second reader's review, as scenarios record it: {@code {by, on, checklist: REVIEW.md, notes}}; the short
         * form {@code "Name, YYYY-MM-DD"} is accepted too. Answers {@code "Name, date"}, or null when there is none.
         */
        private String review(Object value) {
            if (value == null || value instanceof String) {
                return text(value == null ? Map.of() : Map.of("review", value), "review", false);
            }
            if (!(value instanceof Map<?, ?> map)) {
                problems.add("review must be {by, on, checklist, notes}, not " + describe(value));
                return null;
            }
            String by = text(map, "by", true);
            // YAML 1.1 reads a bare `on` key as the boolean true
            Object on = map.containsKey("on") ? map.get("on") : map.get(Boolean.TRUE);
            if (!(on instanceof java.util.Date)
                    && !(on instanceof String onText
                            && REVIEW_DAY.matcher(onText).matches())) {
                problems.add("review.on must be a date (YYYY-MM-DD), not " + describe(on));
            }
            Object checklist = map.get("checklist");
            if (!"REVIEW.md".equals(checklist)) {
                problems.add("review.checklist must be REVIEW.md, not " + describe(checklist));
            }
            if (by == null) {
                return null;
            }
            String day = on instanceof java.util.Date date
                    ? date.toInstant()
                            .atZone(java.time.ZoneOffset.UTC)
                            .toLocalDate()
                            .toString()
                    : String.valueOf(on);
            return by + ", " + day;
        }

        private String text(Map<?, ?> map, String field, boolean required) {
            Object value = map.get(field);
            if (value == null || (value instanceof String s && s.isBlank())) {
                if (required) {
                    problems.add("missing required field " + field);
                }
                return null;
            }
            if (!(value instanceof String s)) {
                problems.add(field + " must be text, not " + describe(value));
                return null;
            }
            return s.strip();
        }

        private int difficulty(Object value) {
            if (!(value instanceof Integer d) || d < 1 || d > 3) {
                problems.add("difficulty must be 1, 2 or 3, not " + describe(value));
                return 0;
            }
            return d;
        }

        private List<String> tags(Object value) {
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> list)) {
                problems.add("tags must be a list like [diabetes, combination-code]");
                return List.of();
            }
            List<String> tags = new ArrayList<>();
            for (Object tag : list) {
                if (tag instanceof String s && !s.isBlank() && s.length() <= 60) {
                    tags.add(s.strip());
                } else {
                    problems.add("tags may only hold short words, not " + describe(tag));
                }
            }
            return tags;
        }

        private Map<String, String> options(Object value) {
            Map<String, String> options = new LinkedHashMap<>();
            if (!(value instanceof Map<?, ?> map)) {
                problems.add("options must be a mapping with exactly four options A, B, C and D");
                return options;
            }
            if (!Set.copyOf(map.keySet().stream().map(String::valueOf).toList()).equals(Set.copyOf(Question.LETTERS))
                    || map.size() != 4) {
                problems.add("options must be exactly four, keyed A, B, C and D, not "
                        + map.keySet().stream().map(String::valueOf).toList());
            }
            for (String letter : Question.LETTERS) {
                Object option = map.get(letter);
                if (!(option instanceof String s) || s.isBlank()) {
                    problems.add("option " + letter + " must be non-blank text in quotes, not " + describe(option));
                } else if (s.length() > 2_000) {
                    problems.add("option " + letter + " is longer than 2000 characters");
                } else {
                    options.put(letter, s.strip());
                }
            }
            if (options.size() == 4 && options.values().stream().distinct().count() < 4) {
                problems.add("two options have the same text");
            }
            return options;
        }

        private String key(Object value) {
            if (value instanceof Collection<?>) {
                problems.add("key must be exactly one option letter (one correct answer), not a list");
                return null;
            }
            if (!(value instanceof String s) || !Question.LETTERS.contains(s.strip())) {
                problems.add("key must be one of A, B, C, D, not " + describe(value));
                return null;
            }
            return s.strip();
        }

        private static String describe(Object value) {
            if (value == null) {
                return "nothing";
            }
            if (value instanceof String s) {
                return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
            }
            if (value instanceof Map<?, ?>) {
                return "a mapping";
            }
            if (value instanceof Collection<?>) {
                return "a list";
            }
            return "'" + value + "' (" + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + "; write text in quotes)";
        }
    }
}
