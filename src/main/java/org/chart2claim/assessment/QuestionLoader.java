package org.chart2claim.assessment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads every {@code *.yaml} file of the question folder: parses each ({@link QuestionParser}), checks the codes
 * ({@link QuestionCodeChecker}) and that ids are unique across all files. A broken question or file never stops
 * the others; each becomes a {@link QuestionProblem}. Plain Java.
 */
public final class QuestionLoader {

    /** The questions that loaded (sorted by id) and the problems. */
    public record Result(List<Question> questions, List<QuestionProblem> problems) {
        public Result {
            questions = List.copyOf(questions);
            problems = List.copyOf(problems);
        }
    }

    private final QuestionCodeChecker codes;

    /** @param codes the code check; null checks everything except the codes */
    public QuestionLoader(QuestionCodeChecker codes) {
        this.codes = codes;
    }

    public Result loadFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new Result(List.of(), List.of());
        }
        List<Path> files;
        try (Stream<Path> stream = Files.list(folder)) {
            files = stream.filter(p -> p.getFileName().toString().endsWith(".yaml")
                            || p.getFileName().toString().endsWith(".yml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return new Result(
                    List.of(),
                    List.of(new QuestionProblem(
                            folder.toString(), null, List.of("cannot list the folder: " + e.getMessage()))));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        List<QuestionProblem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                if (Files.size(file) > QuestionParser.MAX_FILE_CHARS * 4L) {
                    problems.add(new QuestionProblem(name, null, List.of("the file is too large")));
                    continue;
                }
                texts.put(
                        name,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                                .toString());
            } catch (CharacterCodingException e) {
                problems.add(new QuestionProblem(name, null, List.of("the file is not UTF-8 text")));
            } catch (IOException e) {
                problems.add(new QuestionProblem(name, null, List.of("cannot read the file: " + e.getMessage())));
            }
        }
        Result parsed = load(texts);
        problems.addAll(parsed.problems());
        return new Result(parsed.questions(), problems);
    }

    /** Loads from file name → text pairs. */
    public Result load(Map<String, String> filesByName) {
        List<Question> questions = new ArrayList<>();
        List<QuestionProblem> problems = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        for (Map.Entry<String, String> file : filesByName.entrySet()) {
            QuestionParser.Parsed parsed;
            try {
                parsed = QuestionParser.parse(file.getKey(), file.getValue());
            } catch (RuntimeException e) {
                // Defensive: a parser bug on one odd file must not take the others down.
                problems.add(new QuestionProblem(file.getKey(), null, List.of("unexpected error: " + e)));
                continue;
            }
            problems.addAll(parsed.problems());
            for (Question q : parsed.questions()) {
                List<String> reasons = new ArrayList<>();
                if (fileById.containsKey(q.id())) {
                    reasons.add("id " + q.id() + " is already used in " + fileById.get(q.id()));
                }
                if (codes != null) {
                    reasons.addAll(codes.problems(q));
                }
                if (reasons.isEmpty()) {
                    fileById.put(q.id(), file.getKey());
                    questions.add(q);
                } else {
                    problems.add(new QuestionProblem(file.getKey(), q.id(), reasons));
                }
            }
        }
        questions.sort(Comparator.comparing(Question::id));
        return new Result(questions, problems);
    }
}
