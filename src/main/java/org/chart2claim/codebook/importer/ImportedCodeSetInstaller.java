package org.chart2claim.codebook.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.IndexTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Connects imported sets to the codebook feature: at start-up (before the search index opens, see
 * {@link SearchIndexAfterImportedSets}) it installs the active imported set of each system into
 * {@link CodeBookService}; afterwards it follows {@link ActiveCodeSetChangedEvent}s, re-installing the
 * curated book when an admin switches back. The curated Alphabetic Index terms (lay terms, coder phrases)
 * are added to every imported set, so the curated search aids keep working on top of a full release.
 */
@Component
public class ImportedCodeSetInstaller {

    private static final Logger log = LoggerFactory.getLogger(ImportedCodeSetInstaller.class);

    private final CodeBookService codeBooks;
    private final CodeSetImportService imports;
    private final Map<CodeSystem, CodeSet> curatedSets = new EnumMap<>(CodeSystem.class);

    public ImportedCodeSetInstaller(CodeBookService codeBooks, CodeSetImportService imports) {
        this.codeBooks = codeBooks;
        this.imports = imports;
        codeBooks.books().sets().forEach(set -> curatedSets.putIfAbsent(set.system(), set));
        imports.checkStoredSets();
        List<CodeSet> sets = new ArrayList<>();
        for (CodeSystem system : CodeSystem.values()) {
            try {
                imports.activeImportedSet(system).ifPresent(set -> sets.add(prepare(set, system)));
            } catch (RuntimeException e) {
                // A damaged stored set must not keep the app from starting: the curated book stays active.
                log.error(
                        "Could not install the imported {} set; the curated book stays active: {}",
                        system,
                        e.getMessage());
            }
        }
        install(sets);
    }

    @EventListener
    public void onActiveSetChanged(ActiveCodeSetChangedEvent event) {
        List<CodeSet> sets = new ArrayList<>();
        for (CodeSystem system : event.activeSetIds().keySet()) {
            Optional<CodeSet> imported = imports.activeImportedSet(system);
            if (imported.isPresent()) {
                sets.add(prepare(imported.get(), system));
            } else if (curatedSets.containsKey(system)) {
                sets.add(curatedSets.get(system));
                log.info("Curated {} code book is active again", system);
            }
        }
        install(sets);
    }

    /** The imported set with our curated index terms added (they feed search ranking). */
    private CodeSet prepare(CodeSet imported, CodeSystem system) {
        return withCuratedIndexTerms(imported, curatedSets.get(system));
    }

    /** Installs all sets as one change: the search index is rebuilt once, not once per system. */
    private void install(List<CodeSet> sets) {
        if (sets.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        codeBooks.install(sets);
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
