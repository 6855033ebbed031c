package org.chart2claim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.chart2claim.account.CohortService;
import org.chart2claim.codebook.CodeBooksChangedEvent;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.config.BackgroundStart;
import org.chart2claim.config.ContentLocations;
import org.chart2claim.config.OnDemand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scenario library of the running app. Every scenario has immutable numbered versions stored as their file
 * text ({@code scenario_version}): a shipped file is version 1, a changed shipped file becomes the next
 * version at start-up, and each publication by an instructor (editor, API, import) is the next version too.
 * The current version of each id is the highest one; it is kept in memory, validated, and its metadata
 * synchronised into the {@code scenario} row (owner, visibility, retired). Old versions stay readable for
 * the attempts and claims made on them. Removed files become unavailable; attempts are never touched.
 */
@Service
@Order(ScenarioLibrary.START_ORDER)
public class ScenarioLibrary implements BackgroundStart {

    /** A background start step after the code books (the keys are validated against them). */
    public static final int START_ORDER = 300;

    private static final Logger log = LoggerFactory.getLogger(ScenarioLibrary.class);

    private final ContentLocations locations;
    private final CodeLookup codeLookup;
    private final ScenarioRecordRepository records;
    private final ScenarioVersionRepository versions;
    private final CohortService cohorts;
    private final ScenarioClaimVersionRepository claimVersions;
    private final TransactionTemplate tx;

    private volatile Map<String, Scenario> scenarios = Map.of();
    private volatile Map<String, Catalogue> catalogue = Map.of();
    private volatile List<ScenarioLoader.Problem> problems = List.of();
    /** Parsed old versions: immutable, so they can be cached for good. */
    private final Map<String, Scenario> oldVersions = new ConcurrentHashMap<>();
    /** The library loads after the server answers; every reader waits for it. */
    private final OnDemand loading = new OnDemand(this, "scenario library", this::reload);

    /** Who owns a scenario, who may see it, whether it is retired, its current version. */
    public record Catalogue(String id, String owner, ScenarioVisibility visibility, boolean retired, int version) {
        public boolean shipped() {
            return owner == null;
        }
    }

    /** One version as the version list shows it. */
    public record VersionInfo(
            int version,
            ScenarioVersionRecord.Source source,
            String publishedBy,
            java.time.Instant publishedAt,
            String changeNote,
            String payerCheck,
            String payerOverride) {}

    /** What a publication created (or found unchanged). */
    public record Published(String id, int version, boolean created) {}

    /** A text that failed validation; nothing was stored. */
    public static class InvalidScenarioException extends RuntimeException {
        private final List<ScenarioValidator.Error> errors;

        public InvalidScenarioException(List<ScenarioValidator.Error> errors) {
            super(errors.stream()
                    .map(ScenarioValidator.Error::toString)
                    .reduce((a, b) -> a + "; " + b)
                    .orElse(""));
            this.errors = List.copyOf(errors);
        }

        public List<ScenarioValidator.Error> errors() {
            return errors;
        }
    }

    public ScenarioLibrary(
            ContentLocations locations,
            CodeLookup codeLookup,
            ScenarioRecordRepository records,
            ScenarioVersionRepository versions,
            CohortService cohorts,
            ScenarioClaimVersionRepository claimVersions,
            TransactionTemplate tx) {
        this.locations = locations;
        this.codeLookup = codeLookup;
        this.records = records;
        this.versions = versions;
        this.cohorts = cohorts;
        this.claimVersions = claimVersions;
        this.tx = tx;
    }

    @Override
    public OnDemand startWork() {
        return loading;
    }

    /** An instructor imported or activated another code set: re-validate the keys against it. */
    @EventListener
    void onCodeBooksChanged(CodeBooksChangedEvent event) {
        reload();
    }

    /** The one validator of scenario text (files, uploads, imports, the editor's form). */
    public ScenarioValidator validator() {
        return new ScenarioValidator(codeLookup);
    }

    public synchronized void reload() {
        ScenarioLoader.Result result = new ScenarioLoader(codeLookup).loadFolder(locations.scenariosDir());
        for (ScenarioLoader.Problem problem : result.problems()) {
            log.warn("Scenario file skipped: {}", problem);
        }
        Map<String, Scenario> files = new LinkedHashMap<>();
        result.scenarios().forEach(s -> files.put(s.id(), s));
        List<ScenarioLoader.Problem> allProblems = new ArrayList<>(result.problems());
        Map<String, Scenario> byId = new LinkedHashMap<>();
        int changed = tx.execute(status -> synchronise(files, byId, allProblems));
        scenarios = Map.copyOf(byId);
        catalogue = readCatalogue();
        problems = List.copyOf(allProblems);
        loading.markDone();
        log.info(
                "Scenarios: {} loaded ({} new or changed), {} with problems", byId.size(), changed, allProblems.size());
    }

    /**
     * Files that changed become new versions; the current version of each id (a file or an authored text) is
     * validated and becomes the library's scenario of that id.
     */
    private int synchronise(
            Map<String, Scenario> files, Map<String, Scenario> byId, List<ScenarioLoader.Problem> problems) {
        Map<String, ScenarioVersionRecord> latest = new HashMap<>();
        Map<String, ScenarioVersionRecord> latestFile = new HashMap<>();
        for (ScenarioVersionRecord v : versions.findAll()) {
            latest.merge(v.getScenarioId(), v, (a, b) -> a.getVersion() >= b.getVersion() ? a : b);
            if (v.getSource() == ScenarioVersionRecord.Source.FILE) {
                latestFile.merge(v.getScenarioId(), v, (a, b) -> a.getVersion() >= b.getVersion() ? a : b);
            }
        }
        int changed = 0;
        for (Scenario file : files.values()) {
            ScenarioVersionRecord shipped = latestFile.get(file.id());
            if (shipped == null || !shipped.getContentHash().equals(file.contentHash())) {
                int next = latest.containsKey(file.id()) ? latest.get(file.id()).getVersion() + 1 : 1;
                String text = readFile(file);
                if (text == null) {
                    continue;
                }
                ScenarioVersionRecord row = versions.save(new ScenarioVersionRecord(
                        file.id(), next, ScenarioVersionRecord.Source.FILE, text, file.contentHash(), null, null));
                latest.put(file.id(), row);
                changed++;
            }
        }
        ScenarioValidator validator = validator();
        for (ScenarioVersionRecord current : latest.values()) {
            Scenario scenario;
            if (current.getSource() == ScenarioVersionRecord.Source.FILE) {
                Scenario file = files.get(current.getScenarioId());
                if (file == null || !file.contentHash().equals(current.getContentHash())) {
                    continue; // the file was removed (or is broken, reported above): unavailable
                }
                scenario = file;
            } else {
                ScenarioValidator.Outcome outcome =
                        validator.validate(current.getScenarioId() + ".md", current.getFileText());
                if (!outcome.valid()) {
                    problems.add(new ScenarioLoader.Problem(
                            current.getScenarioId() + " version " + current.getVersion(),
                            outcome.errors().stream()
                                    .map(ScenarioValidator.Error::toString)
                                    .toList()));
                    continue;
                }
                scenario = outcome.scenario();
            }
            byId.put(scenario.id(), scenario.withVersion(current.getVersion()));
        }
        Map<String, ScenarioRecord> existing = new LinkedHashMap<>();
        records.findAll().forEach(r -> existing.put(r.getId(), r));
        for (Scenario s : byId.values()) {
            ScenarioRecord record = existing.getOrDefault(s.id(), new ScenarioRecord(s.id()));
            record.updateFrom(s);
            record.setCurrentVersion(s.version());
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

    private String readFile(Scenario file) {
        try {
            return java.nio.file.Files.readString(locations.scenariosDir().resolve(file.sourceFile()));
        } catch (java.io.IOException e) {
            log.warn("Scenario file {} could not be read again: {}", file.sourceFile(), e.getMessage());
            return null;
        }
    }

    private Map<String, Catalogue> readCatalogue() {
        Map<String, Catalogue> byId = new HashMap<>();
        for (ScenarioRecord r : records.findAll()) {
            byId.put(
                    r.getId(),
                    new Catalogue(r.getId(), r.getOwner(), r.getVisibility(), r.isRetired(), r.getCurrentVersion()));
        }
        return Map.copyOf(byId);
    }

    /**
     * Validates {@code text} and publishes it as the next version of its id (the first version of a new id, owned
     * by {@code by}). Text identical to the current version creates nothing. Invalid text changes nothing and
     * throws {@link InvalidScenarioException} with every error. Who may publish which id is the caller's rule.
     */
    public synchronized Published publish(String text, String by, ScenarioVisibility visibility, String changeNote) {
        return publish(text, by, visibility, changeNote, null, null);
    }

    /**
     * The same, recording on the new version what the simulated payer answered to its key ({@code payerCheck}) and,
     * when the payer did not pay it cleanly, why it was published anyway ({@code payerOverride}).
     */
    public synchronized Published publish(
            String text,
            String by,
            ScenarioVisibility visibility,
            String changeNote,
            String payerCheck,
            String payerOverride) {
        ensureStarted(); // not inside the transaction below
        ScenarioValidator.Outcome outcome = validator().validate(null, text);
        if (!outcome.valid()) {
            throw new InvalidScenarioException(outcome.errors());
        }
        Scenario parsed = outcome.scenario();
        Published published = tx.execute(status -> {
            Optional<ScenarioVersionRecord> latest = versions.findFirstByScenarioIdOrderByVersionDesc(parsed.id());
            ScenarioRecord record = records.findById(parsed.id()).orElseGet(() -> new ScenarioRecord(parsed.id()));
            record.claimOwnership(by);
            if (visibility != null) {
                record.setVisibility(visibility);
            }
            record.setRetired(false);
            boolean same = latest.isPresent()
                    && latest.get().getContentHash().equals(parsed.contentHash())
                    && scenarios().containsKey(parsed.id());
            int version = latest.map(v -> v.getVersion() + (same ? 0 : 1)).orElse(1);
            if (!same) {
                versions.save(new ScenarioVersionRecord(
                        parsed.id(), version, text, parsed.contentHash(), by, changeNote, payerCheck, payerOverride));
            }
            record.updateFrom(parsed.withVersion(version));
            record.setCurrentVersion(version);
            records.save(record);
            return new Published(parsed.id(), version, !same);
        });
        Map<String, Scenario> next = new LinkedHashMap<>(scenarios());
        next.put(parsed.id(), parsed.withVersion(published.version()));
        scenarios = Map.copyOf(next);
        catalogue = readCatalogue();
        return published;
    }

    /** Retires (hides from the catalogue) or restores a scenario; attempts and versions stay. */
    public synchronized void setRetired(String id, boolean retired) {
        ensureStarted();
        tx.executeWithoutResult(status -> records.findById(id).ifPresent(r -> {
            r.setRetired(retired);
            records.save(r);
        }));
        catalogue = readCatalogue();
    }

    /** Changes who may see a scenario in the catalogue. */
    public synchronized void setVisibility(String id, ScenarioVisibility visibility) {
        ensureStarted();
        tx.executeWithoutResult(status -> records.findById(id).ifPresent(r -> {
            r.setVisibility(visibility);
            records.save(r);
        }));
        catalogue = readCatalogue();
    }

    private Map<String, Scenario> scenarios() {
        ensureStarted();
        return scenarios;
    }

    private Map<String, Catalogue> catalogueMap() {
        ensureStarted();
        return catalogue;
    }

    /** Every valid scenario at its current version, retired ones included, sorted by id. */
    public List<Scenario> all() {
        return scenarios().values().stream()
                .sorted(Comparator.comparing(Scenario::id))
                .toList();
    }

    /** The current version of a scenario (retired ones too: their attempts and claims still need it). */
    public Optional<Scenario> find(String id) {
        return Optional.ofNullable(id == null ? null : scenarios().get(id));
    }

    /** A scenario's owner, visibility, retirement and current version; empty for an unknown id. */
    public Optional<Catalogue> catalogueEntry(String id) {
        return Optional.ofNullable(id == null ? null : catalogueMap().get(id));
    }

    /**
     * What {@code username} may practise: not retired, and shared with everybody, owned by them, or owned by an
     * instructor of one of their cohorts.
     */
    public List<Scenario> catalogue(String username) {
        return all().stream().filter(s -> listedFor(s.id(), username)).toList();
    }

    /** A scenario the user may open (retired ones too, by a direct link: old work stays reachable). */
    public Optional<Scenario> findVisible(String id, String username) {
        return find(id).filter(s -> visibleTo(s.id(), username));
    }

    private boolean listedFor(String id, String username) {
        Catalogue entry = catalogueMap().get(id);
        return (entry == null || !entry.retired()) && visibleTo(id, username);
    }

    private boolean visibleTo(String id, String username) {
        Catalogue entry = catalogueMap().get(id);
        if (entry == null || entry.visibility() == ScenarioVisibility.EVERYBODY || entry.owner() == null) {
            return true;
        }
        return entry.owner().equals(username) || cohorts.teaches(entry.owner(), username);
    }

    /** Version {@code version} of a scenario as it was published (the current one from memory). */
    public Optional<Scenario> version(String id, int version) {
        Scenario current = scenarios().get(id);
        if (current != null && current.version() == version) {
            return Optional.of(current);
        }
        String cacheKey = id + "@" + version;
        Scenario cached = oldVersions.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Scenario> parsed = versions.findByScenarioIdAndVersion(id, version)
                .flatMap(v -> {
                    try {
                        return Optional.of(ScenarioParser.parse(id + ".md", v.getFileText())
                                .withVersion(version));
                    } catch (ScenarioFormatException e) {
                        log.warn("Stored version {} of {} no longer parses: {}", version, id, e.getMessage());
                        return Optional.empty();
                    }
                });
        parsed.ifPresent(s -> oldVersions.put(cacheKey, s));
        return parsed;
    }

    /** Records that the payer's claim {@code payerClaimNumber} was built from this version of the scenario. */
    public void recordClaim(String payerClaimNumber, Scenario scenario) {
        if (payerClaimNumber != null && !claimVersions.existsById(payerClaimNumber)) {
            claimVersions.save(new ScenarioClaimVersion(payerClaimNumber, scenario.id(), scenario.version()));
        }
    }

    /** The scenario version a claim was built from, when it was built from one. */
    public Optional<Scenario> scenarioOfClaim(String payerClaimNumber) {
        return payerClaimNumber == null
                ? Optional.empty()
                : claimVersions
                        .findById(payerClaimNumber)
                        .flatMap(v -> version(v.getScenarioId(), v.getScenarioVersion()));
    }

    /** The file text of a version (what export serves); empty when there is no such version. */
    public Optional<String> text(String id, int version) {
        return versions.findByScenarioIdAndVersion(id, version).map(ScenarioVersionRecord::getFileText);
    }

    /** Every version of a scenario, oldest first. */
    public List<VersionInfo> versions(String id) {
        return versions.findByScenarioIdOrderByVersionAsc(id).stream()
                .map(v -> new VersionInfo(
                        v.getVersion(),
                        v.getSource(),
                        v.getPublishedBy(),
                        v.getPublishedAt(),
                        v.getChangeNote(),
                        v.getPayerCheck(),
                        v.getPayerOverride()))
                .toList();
    }

    /** The files (and stored versions) that failed validation at the last (re)load, with reasons. */
    public List<ScenarioLoader.Problem> problems() {
        ensureStarted();
        return problems;
    }
}
