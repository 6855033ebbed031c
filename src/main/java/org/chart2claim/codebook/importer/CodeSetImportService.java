package org.chart2claim.codebook.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.config.Chart2ClaimProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports official release files, keeps every imported version (several fiscal years coexist) and
 * decides which set is active per code system. An import is all-or-nothing: files are parsed and
 * validated completely first; the stored files and the database rows change only afterwards, and a
 * failure there restores the previous files, so the previously active set stays active.
 */
@Service
public class CodeSetImportService {

    /** Set id meaning "the curated code book shipped with the app". */
    public static final String CURATED = "CURATED";

    private static final Logger log = LoggerFactory.getLogger(CodeSetImportService.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ReleaseStore store;
    private final ReentrantLock importLock = new ReentrantLock();
    private final Map<String, CodeSet> loadedSets = new ConcurrentHashMap<>();
    private final List<String> storeNotices = new java.util.concurrent.CopyOnWriteArrayList<>();

    public CodeSetImportService(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Chart2ClaimProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.store = new ReleaseStore(Path.of(properties.dataDir(), "codesets"));
    }

    public Path storeDirectory() {
        return store.directory();
    }

    /**
     * Where the admin page keeps a session's uploaded release files until they are imported (one folder per
     * page; deleted when the page closes, and at start for pages that a crash or restart never closed).
     */
    public Path uploadsDirectory() {
        return store.directory().resolveSibling("codeset-uploads");
    }

    /** At start no admin page is open yet, so every upload folder is a leftover. */
    private int deleteLeftoverUploads() {
        Path uploads = uploadsDirectory();
        if (!Files.isDirectory(uploads)) {
            return 0;
        }
        int deleted = 0;
        try (var folders = Files.list(uploads)) {
            for (Path folder : folders.toList()) {
                try (var tree = Files.walk(folder)) {
                    for (Path path :
                            tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
                deleted++;
            }
        } catch (java.io.IOException e) {
            log.warn("Could not delete leftover upload folders in {}: {}", uploads, e.getMessage());
        }
        return deleted;
    }

    /** True while an import runs (only one at a time). */
    public boolean importRunning() {
        return importLock.isLocked();
    }

    /**
     * Imports files and folders. Returns what was imported; throws {@link CodeSetImportException} with a
     * file/line message for bad input, or {@link IllegalStateException} when another import is running.
     */
    public ImportSummary importFiles(List<Path> inputs, ImportProgressListener progress, String importedBy) {
        if (!importLock.tryLock()) {
            throw new IllegalStateException("Another import is running; wait until it has finished.");
        }
        try {
            ImportSummary summary = new CodeSetFileImporter().importFiles(inputs, progress);
            persist(summary.releases(), importedBy);
            return summary;
        } finally {
            importLock.unlock();
        }
    }

    private void persist(List<ImportedRelease> releases, String importedBy) {
        Map<String, Path> backups = new HashMap<>();
        List<String> written = new ArrayList<>();
        Map<CodeSystem, String> activeBefore = activeSetIds();
        Map<CodeSystem, String> activeAfter = new EnumMap<>(CodeSystem.class);
        try {
            for (ImportedRelease release : releases) {
                Path existing = store.fileOf(release.id());
                if (Files.exists(existing)) {
                    // A copy, not a move: the recorded file exists at every instant; save() replaces it atomically.
                    Path backup = store.backupOf(release.id());
                    Files.copy(existing, backup, StandardCopyOption.REPLACE_EXISTING);
                    backups.put(release.id(), backup);
                }
                store.save(release);
                written.add(release.id());
            }
            transactions.executeWithoutResult(status -> {
                Instant now = Instant.now();
                for (ImportedRelease release : releases) {
                    jdbc.sql("DELETE FROM codeset_import WHERE set_id = ?")
                            .param(release.id())
                            .update();
                    jdbc.sql("""
                            INSERT INTO codeset_import (set_id, code_system, set_version, release_year, label,
                                source_files, entry_count, billable_count, index_term_count, imported_at, imported_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                            .params(
                                    release.id(),
                                    release.system().name(),
                                    release.version(),
                                    release.year(),
                                    release.label(),
                                    truncate(String.join(", ", release.sourceFiles()), 2000),
                                    release.codes().size(),
                                    (int) release.billableCount(),
                                    release.indexTerms().size(),
                                    java.sql.Timestamp.from(now),
                                    truncate(importedBy, 100))
                            .update();
                }
                for (ImportedRelease release : releases) {
                    // After an import the newest imported year of that system becomes active.
                    String newest = jdbc.sql("SELECT set_id FROM codeset_import WHERE code_system = ?"
                                    + " ORDER BY release_year DESC, set_id DESC")
                            .param(release.system().name())
                            .query(String.class)
                            .list()
                            .getFirst();
                    setActive(release.system(), newest);
                    activeAfter.put(release.system(), newest);
                }
            });
        } catch (RuntimeException | java.io.IOException e) {
            written.forEach(store::delete);
            backups.forEach((id, backup) -> {
                try {
                    Files.move(backup, store.fileOf(id), StandardCopyOption.REPLACE_EXISTING);
                } catch (java.io.IOException restoreFailure) {
                    log.error("could not restore {} after a failed import", backup, restoreFailure);
                }
            });
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new java.io.UncheckedIOException("could not store the imported code sets", (java.io.IOException) e);
        }
        backups.values().forEach(backup -> backup.toFile().delete());
        releases.forEach(release -> loadedSets.remove(release.id()));
        activeAfter.forEach((system, setId) ->
                log.info("Imported code set {} is active for {} (was {})", setId, system, activeBefore.get(system)));
        if (!activeAfter.isEmpty()) {
            events.publishEvent(new ActiveCodeSetChangedEvent(activeAfter));
        }
    }

    /**
     * The start-up check of the stored sets, for a crash in the middle of an import: deletes half-written
     * temporary files; when a replaced file's backup is still there, keeps whichever of the two the database
     * records (its entry and index-term counts); a recorded set whose file is gone is no longer active (the
     * curated book is, truthfully). Everything it did or found is logged and kept for the admin page.
     */
    public List<String> checkStoredSets() {
        storeNotices.clear();
        int temporary = store.deleteTemporaryFiles();
        if (temporary > 0) {
            log.warn("Deleted {} half-written code-set files left by an interrupted import", temporary);
        }
        int uploads = deleteLeftoverUploads();
        if (uploads > 0) {
            log.warn("Deleted {} upload folders of admin pages that a restart or crash never closed", uploads);
        }
        Map<CodeSystem, String> active = activeSetIds();
        record Recorded(String setId, CodeSystem system, int entries, int terms) {}
        List<Recorded> recorded = jdbc.sql(
                        "SELECT set_id, code_system, entry_count, index_term_count FROM codeset_import ORDER BY set_id")
                .query((rs, n) ->
                        new Recorded(rs.getString(1), CodeSystem.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4)))
                .list();
        for (Recorded set : recorded) {
            Path file = store.fileOf(set.setId());
            Path backup = store.backupOf(set.setId());
            if (Files.exists(backup)) {
                int[] counts = store.storedCounts(file);
                boolean fileMatches = counts != null && counts[0] == set.entries() && counts[1] == set.terms();
                try {
                    if (fileMatches) {
                        Files.delete(backup);
                    } else {
                        Files.move(backup, file, StandardCopyOption.REPLACE_EXISTING);
                        notice("The import of " + set.setId() + " was interrupted; its previous stored file was "
                                + "put back, so the recorded version is the one in use.");
                    }
                } catch (java.io.IOException e) {
                    notice("Could not repair the stored file of " + set.setId() + " after an interrupted import: "
                            + e.getMessage());
                }
            }
            if (!Files.exists(file) && set.setId().equals(active.get(set.system()))) {
                transactions.executeWithoutResult(status -> setActive(set.system(), CURATED));
                notice("The stored file of the active " + set.system() + " set " + set.setId() + " is missing from "
                        + store.directory() + "; the curated " + set.system()
                        + " book is active instead. Import the release again.");
            }
        }
        return List.copyOf(storeNotices);
    }

    /** What {@link #checkStoredSets()} repaired or found at start (shown on the admin page). */
    public List<String> storeNotices() {
        return List.copyOf(storeNotices);
    }

    private void notice(String message) {
        log.error(message);
        storeNotices.add(message);
    }

    /** Makes {@code setId} (an imported set of that system, or {@link #CURATED}) the active set. */
    public void activate(CodeSystem system, String setId) {
        if (!CURATED.equals(setId)) {
            Integer known = jdbc.sql("SELECT COUNT(*) FROM codeset_import WHERE set_id = ? AND code_system = ?")
                    .params(setId, system.name())
                    .query(Integer.class)
                    .single();
            if (known == 0) {
                throw new IllegalArgumentException("No imported " + system + " code set " + setId + ".");
            }
            if (!Files.exists(store.fileOf(setId))) {
                throw new IllegalStateException("The stored file of " + setId + " is missing from " + store.directory()
                        + "; import the release again.");
            }
        }
        transactions.executeWithoutResult(status -> setActive(system, setId));
        events.publishEvent(new ActiveCodeSetChangedEvent(system, setId));
    }

    /** Removes an imported version that is not active (its stored file and its record). */
    public void remove(String setId) {
        if (activeSetIds().containsValue(setId)) {
            throw new IllegalStateException(setId + " is active; activate another set first.");
        }
        transactions.executeWithoutResult(status -> jdbc.sql("DELETE FROM codeset_import WHERE set_id = ?")
                .param(setId)
                .update());
        store.delete(setId);
        loadedSets.remove(setId);
    }

    private void setActive(CodeSystem system, String setId) {
        jdbc.sql("DELETE FROM codeset_active WHERE code_system = ?")
                .param(system.name())
                .update();
        if (!CURATED.equals(setId)) {
            jdbc.sql("INSERT INTO codeset_active (code_system, set_id) VALUES (?, ?)")
                    .params(system.name(), setId)
                    .update();
        }
    }

    /** Active set id per system; systems without an imported active set are {@link #CURATED}. */
    public Map<CodeSystem, String> activeSetIds() {
        Map<CodeSystem, String> active = new EnumMap<>(CodeSystem.class);
        for (CodeSystem system : CodeSystem.values()) {
            active.put(system, CURATED);
        }
        jdbc.sql("SELECT code_system, set_id FROM codeset_active")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> active.put(CodeSystem.valueOf(e.getKey()), e.getValue()));
        return active;
    }

    /** Every imported version, newest first per system, plus one curated entry per system. */
    public List<CodeSetVersion> versions() {
        Map<CodeSystem, String> active = activeSetIds();
        List<CodeSetVersion> versions = new ArrayList<>(jdbc.sql("""
                        SELECT set_id, code_system, set_version, release_year, label, source_files, entry_count,
                               billable_count, index_term_count, imported_at, imported_by
                        FROM codeset_import ORDER BY code_system, release_year DESC""")
                .query((rs, row) -> {
                    CodeSystem system = CodeSystem.valueOf(rs.getString("code_system"));
                    String id = rs.getString("set_id");
                    return new CodeSetVersion(
                            id,
                            system,
                            rs.getString("set_version"),
                            rs.getInt("release_year"),
                            rs.getString("label"),
                            rs.getString("source_files"),
                            rs.getInt("entry_count"),
                            rs.getInt("billable_count"),
                            rs.getInt("index_term_count"),
                            rs.getTimestamp("imported_at").toInstant(),
                            rs.getString("imported_by"),
                            id.equals(active.get(system)));
                })
                .list());
        for (CodeSystem system : CodeSystem.values()) {
            versions.add(new CodeSetVersion(
                    CURATED,
                    system,
                    "curated",
                    0,
                    "Curated code book shipped with Chart2Claim",
                    "codebooks/",
                    -1,
                    -1,
                    -1,
                    null,
                    "",
                    CURATED.equals(active.get(system))));
        }
        versions.sort(java.util.Comparator.comparing(CodeSetVersion::system)
                .thenComparing(CodeSetVersion::year, java.util.Comparator.reverseOrder()));
        return versions;
    }

    /**
     * The active imported set of a system, loaded from disk once and cached; empty when the curated book
     * is active (or the stored file is gone, which is logged and falls back to the curated book).
     */
    public Optional<CodeSet> activeImportedSet(CodeSystem system) {
        String setId = activeSetIds().get(system);
        return CURATED.equals(setId) ? Optional.empty() : importedSet(setId);
    }

    /** An imported set by id (e.g. a scenario coded against {@code ICD10CM-FY2025}). */
    public Optional<CodeSet> importedSet(String setId) {
        CodeSet cached = loadedSets.get(setId);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (!store.storedIds().contains(setId)) {
            log.warn("Code set {} is recorded but its file is missing under {}", setId, store.directory());
            return Optional.empty();
        }
        CodeSet set = ReleaseToCodeSet.convert(store.load(setId));
        loadedSets.put(setId, set);
        return Optional.of(set);
    }

    private static String truncate(String value, int max) {
        String text = value == null ? "" : value;
        return text.length() <= max ? text : text.substring(0, max);
    }
}
