package org.chart2claim.appeal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.chart2claim.config.ContentLocations;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The denial drills shipped in scenarios/drills/ (format in its README.md), read once and validated: each file on
 * its own ({@link DrillParser}), then against its scenario ({@link #problems(Drill, Optional)}). A broken drill is
 * reported with its file and reason and left out; the others load.
 */
@Component
public class DrillLibrary {
    private static final Logger log = LoggerFactory.getLogger(DrillLibrary.class);

    private final ContentLocations locations;
    private final ScenarioLibrary scenarios;
    private volatile Loaded loaded;

    private record Loaded(List<Drill> drills, List<String> problems) {}

    public DrillLibrary(ContentLocations locations, ScenarioLibrary scenarios) {
        this.locations = locations;
        this.scenarios = scenarios;
    }

    public List<Drill> all() {
        return load().drills();
    }

    public Optional<Drill> find(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Files that did not load, each "file: reason". */
    public List<String> problems() {
        return load().problems();
    }

    private Loaded load() {
        if (loaded == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = read(locations.scenariosDir().resolve("drills"));
                }
            }
        }
        return loaded;
    }

    private Loaded read(Path folder) {
        List<Drill> drills = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Loaded(drills, problems);
        }
        List<Path> files;
        try (Stream<Path> stream = Files.list(folder)) {
            files = stream.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                Drill drill = DrillParser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
                List<String> wrong = problems(drill, scenarios.find(drill.scenarioId()));
                if (drills.stream().anyMatch(d -> d.id().equals(drill.id()))) {
                    wrong = List.of("id " + drill.id() + " is used twice");
                }
                if (wrong.isEmpty()) {
                    drills.add(drill);
                } else {
                    wrong.forEach(w -> problems.add(name + ": " + w));
                }
            } catch (DrillParser.DrillFormatException e) {
                problems.add(e.getMessage());
            } catch (IOException e) {
                problems.add(name + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        problems.forEach(p -> log.warn("Denial drill not loaded: {}", p));
        return new Loaded(List.copyOf(drills), List.copyOf(problems));
    }

    /**
     * What is wrong with a drill given its scenario: the scenario must exist, the denied line must be a line of its
     * key, and the documentation that wins the drill must be in the scenario's record.
     */
    public static List<String> problems(Drill drill, Optional<Scenario> scenario) {
        if (scenario.isEmpty()) {
            return List.of("scenario " + drill.scenarioId() + " does not exist");
        }
        List<String> out = new ArrayList<>();
        Scenario s = scenario.get();
        if (drill.line() > s.key().procedures().size()) {
            out.add("line " + drill.line() + " is not a line of " + s.id() + "'s key ("
                    + s.key().procedures().size() + " lines)");
        }
        var available = RecordDocument.available(s.noteMarkdown(), s.priorAuth().isPresent(), false);
        for (RecordDocument d : drill.documentation()) {
            if (!available.contains(d)) {
                out.add("documentation " + d.id() + " is not in the record of " + s.id());
            }
        }
        return out;
    }
}
