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
        for (CodeSystem system : CodeSystem.values()) { // fixed order: the same books hash on every start
            try {
                imports.activeImportedSet(system).ifPresent(set -> install(set, system));
            } catch (RuntimeException e) {
                // A damaged stored set must not keep the app from starting: the curated book stays active.
                log.error("Could not install the imported {} set; the curated book stays active: {}", system,
                        e.getMessage());
            }
        }
    }

    @EventListener
    public void onActiveSetChanged(ActiveCodeSetChangedEvent event) {
        Optional<CodeSet> imported = imports.activeImportedSet(event.system());
        if (imported.isPresent()) {
            install(imported.get(), event.system());
        } else if (curatedSets.containsKey(event.system())) {
            codeBooks.install(curatedSets.get(event.system()));
            log.info("Curated {} code book is active again", event.system());
        }
    }

    private void install(CodeSet imported, CodeSystem system) {
        long start = System.nanoTime();
        codeBooks.install(withCuratedIndexTerms(imported, curatedSets.get(system)));
        log.info("Installed imported code set {} {} ({} entries) in {} ms", system, imported.version(),
                imported.entries().size(), (System.nanoTime() - start) / 1_000_000);
    }

    static CodeSet withCuratedIndexTerms(CodeSet imported, CodeSet curated) {
        if (curated == null || curated.indexTerms().isEmpty()) {
            return imported;
        }
        List<IndexTerm> terms = new ArrayList<>(imported.indexTerms().size() + curated.indexTerms().size());
        terms.addAll(imported.indexTerms());
        terms.addAll(curated.indexTerms());
        return new CodeSet(imported.system(), imported.version(), imported.label(), imported.source(),
                imported.chapters(), imported.blocks(), imported.entries(), terms, imported.modifiers());
    }
}
