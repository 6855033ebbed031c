package org.chart2claim.scenario;

import jakarta.annotation.PostConstruct;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chart2claim.codebook.CodeBooksChangedEvent;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.config.ContentLocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scenario library of the running app: loads and validates the scenario files at start-up (and on
 * {@link #reload()}), keeps the valid ones in memory, and synchronises their metadata into the database
 * (new and changed files update their row, removed files become unavailable; attempts are never touched).
 */
@Service
public class ScenarioLibrary {

    private static final Logger log = LoggerFactory.getLogger(ScenarioLibrary.class);

    private final ContentLocations locations;
    private final CodeLookup codeLookup;
    private final ScenarioRecordRepository records;
    private final TransactionTemplate tx;

    private volatile Map<String, Scenario> scenarios = Map.of();
    private volatile List<ScenarioLoader.Problem> problems = List.of();

    public ScenarioLibrary(
            ContentLocations locations,
            CodeLookup codeLookup,
            ScenarioRecordRepository records,
            TransactionTemplate tx) {
        this.locations = locations;
        this.codeLookup = codeLookup;
        this.records = records;
        this.tx = tx;
    }

    @PostConstruct
    void start() {
        reload();
    }

    /** An instructor imported or activated another code set: re-validate the keys against it. */
    @EventListener
    void onCodeBooksChanged(CodeBooksChangedEvent event) {
        reload();
    }

    public synchronized void reload() {
        ScenarioLoader.Result result = new ScenarioLoader(codeLookup).loadFolder(locations.scenariosDir());
        for (ScenarioLoader.Problem problem : result.problems()) {
            log.warn("Scenario file skipped: {}", problem);
        }
        Map<String, Scenario> byId = new LinkedHashMap<>();
        result.scenarios().forEach(s -> byId.put(s.id(), s));
        int changed = tx.execute(status -> synchronise(byId));
        scenarios = Map.copyOf(byId);
        problems = result.problems();
        log.info(
                "Scenarios: {} loaded ({} new or changed), {} files with problems",
                byId.size(),
                changed,
                problems.size());
    }

    private int synchronise(Map<String, Scenario> byId) {
        int changed = 0;
        Map<String, ScenarioRecord> existing = new LinkedHashMap<>();
        records.findAll().forEach(r -> existing.put(r.getId(), r));
        for (Scenario s : byId.values()) {
            ScenarioRecord record = existing.getOrDefault(s.id(), new ScenarioRecord(s.id()));
            if (record.updateFrom(s)) {
                changed++;
            }
            records.save(record);
        }
        for (ScenarioRecord record : existing.values()) {
            if (!byId.containsKey(record.getId()) && record.isAvailable()) {
                record.markUnavailable();
                records.save(record);
            }
        }
        return changed;
    }

    /** Every valid scenario, sorted by id. */
    public List<Scenario> all() {
        return scenarios.values().stream()
                .sorted(java.util.Comparator.comparing(Scenario::id))
                .toList();
    }

    public Optional<Scenario> find(String id) {
        return Optional.ofNullable(id == null ? null : scenarios.get(id));
    }

    /** The files that failed to load at the last (re)load, with reasons. */
    public List<ScenarioLoader.Problem> problems() {
        return problems;
    }
}
