package org.chart2claim.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.chart2claim.codebook.CodeLookup;

/**
 * Loads every {@code *.md} scenario file of a folder (except the folder's documents README.md and REVIEW.md). A
 * broken file never stops the
 * others: it becomes a {@link Problem} naming the file and the reasons. Plain Java.
 */
public final class ScenarioLoader {

    /** A file that could not be used, and why. */
    public record Problem(String fileName, List<String> reasons) {
        public Problem {
            reasons = List.copyOf(reasons);
        }

        @Override
        public String toString() {
            return fileName + ": " + String.join("; ", reasons);
        }
    }

    /** The scenarios that loaded (sorted by id) and the files that did not. */
    public record Result(List<Scenario> scenarios, List<Problem> problems) {
        public Result {
            scenarios = List.copyOf(scenarios);
            problems = List.copyOf(problems);
        }
    }

    /** Markdown files of the scenario folder that document it rather than being scenarios. */
    public static final Set<String> DOCUMENTS = Set.of("README.MD", "REVIEW.MD");

    private final ScenarioValidator validator;

    /** @param lookup the code books to check key codes against; null checks everything except the codes */
    public ScenarioLoader(CodeLookup lookup) {
        this.validator = new ScenarioValidator(lookup);
    }

    public Result loadFolder(Path folder) {
        List<Path> files;
        try (Stream<Path> stream = Files.list(folder)) {
            files = stream.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !DOCUMENTS.contains(p.getFileName().toString().toUpperCase(Locale.ROOT)))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return new Result(
                    List.of(),
                    List.of(new Problem(folder.toString(), List.of("cannot list the folder: " + e.getMessage()))));
        }
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                if (Files.size(file) > ScenarioParser.MAX_FILE_CHARS * 4L) {
                    problems.add(new Problem(name, List.of("the file is too large")));
                    continue;
                }
                texts.put(
                        name,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                                .toString());
            } catch (CharacterCodingException e) {
                problems.add(new Problem(name, List.of("the file is not UTF-8 text")));
            } catch (IOException e) {
                problems.add(new Problem(name, List.of("cannot read the file: " + e.getMessage())));
            }
        }
        Result parsed = load(texts);
        problems.addAll(parsed.problems());
        return new Result(parsed.scenarios(), problems);
    }

    /** Loads from file name → text pairs (used by tests and by {@link #loadFolder}). */
    public Result load(Map<String, String> filesByName) {
        List<Scenario> scenarios = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        for (Map.Entry<String, String> file : filesByName.entrySet()) {
            String name = file.getKey();
            ScenarioValidator.Outcome outcome = validator.validate(name, file.getValue());
            if (!outcome.valid()) {
                problems.add(new Problem(
                        name,
                        outcome.errors().stream()
                                .map(ScenarioValidator.Error::toString)
                                .toList()));
                continue;
            }
            Scenario scenario = outcome.scenario();
            if (fileById.containsKey(scenario.id())) {
                problems.add(new Problem(
                        name, List.of("id " + scenario.id() + " is already used by " + fileById.get(scenario.id()))));
                continue;
            }
            fileById.put(scenario.id(), name);
            scenarios.add(scenario);
        }
        scenarios.sort(java.util.Comparator.comparing(Scenario::id));
        return new Result(scenarios, problems);
    }
}
