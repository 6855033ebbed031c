package org.chart2claim.codebook.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.CodeBooks;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.IndexTerm;
import org.chart2claim.codebook.StartupCodeSets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Connects imported sets to the codebook feature: when the code books load (after the server answers, see
 * {@link CodeBookService}) it hands over the active imported set of each system ({@link StartupCodeSets}), so
 * the books and the search index are the imported ones from the first read; afterwards it follows
 * {@link ActiveCodeSetChangedEvent}s, re-installing the curated book when an admin switches back. The curated
 * Alphabetic Index terms (lay terms, coder phrases) are added to every imported set, so the curated search aids
 * keep working on top of a full release.
 */
@Component
public class ImportedCodeSetInstaller implements StartupCodeSets {

    private static final Logger log = LoggerFactory.getLogger(ImportedCodeSetInstaller.class);

    private final CodeBookService codeBooks;
    private final CodeSetImportService imports;

    public ImportedCodeSetInstaller(CodeBookService codeBooks, CodeSetImportService imports) {
        this.codeBooks = codeBooks;
        this.imports = imports;
    }

    @Override
    public List<CodeSet> setsToInstall(CodeBooks curated) {
        long start = System.nanoTime();
        Map<CodeSystem, CodeSet> curatedSets = new EnumMap<>(CodeSystem.class);
        curated.sets().forEach(set -> curatedSets.putIfAbsent(set.system(), set));
        imports.checkStoredSets();
        List<CodeSet> sets = new ArrayList<>();
        for (CodeSystem system : CodeSystem.values()) {
            try {
                imports.activeImportedSet(system)
                        .ifPresent(set -> sets.add(withCuratedIndexTerms(set, curatedSets.get(system))));
            } catch (RuntimeException e) {
                // A damaged stored set must not keep the app from starting: the curated book stays active.
                log.error(
                        "Could not install the imported {} set; the curated book stays active: {}",
                        system,
                        e.getMessage());
            }
        }
        if (!sets.isEmpty()) {
            logInstalled(sets, start);
        }
        return sets;
    }

    @EventListener
    public void onActiveSetChanged(ActiveCodeSetChangedEvent event) {
        List<CodeSet> sets = new ArrayList<>();
        for (CodeSystem system : event.activeSetIds().keySet()) {
            Optional<CodeSet> imported = imports.activeImportedSet(system);
            Optional<CodeSet> curated = codeBooks.curatedSet(system);
            if (imported.isPresent()) {
                sets.add(withCuratedIndexTerms(imported.get(), curated.orElse(null)));
            } else if (curated.isPresent()) {
                sets.add(curated.get());
                log.info("Curated {} code book is active again", system);
            }
        }
        install(sets);
    }

    /** Installs all sets as one change: the search index is rebuilt once, not once per system. */
    private void install(List<CodeSet> sets) {
        if (sets.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        codeBooks.install(sets);
        logInstalled(sets, start);
    }

    private static void logInstalled(List<CodeSet> sets, long start) {
        log.info(
                "Installed code sets {} in {} ms",
                sets.stream()
                        .map(s -> s.system() + " " + s.version() + " ("
                                + s.entries().size() + " entries)")
                        .toList(),
                (System.nanoTime() - start) / 1_000_000);
    }

    static CodeSet withCuratedIndexTerms(CodeSet imported, CodeSet curated) {
        if (curated == null || curated.indexTerms().isEmpty()) {
            return imported;
        }
        List<IndexTerm> terms = new ArrayList<>(
                imported.indexTerms().size() + curated.indexTerms().size());
        terms.addAll(imported.indexTerms());
        terms.addAll(curated.indexTerms());
        return new CodeSet(
                imported.system(),
                imported.version(),
                imported.label(),
                imported.source(),
                imported.chapters(),
                imported.blocks(),
                imported.entries(),
                terms,
                imported.modifiers());
    }
}
