package org.chart2claim.codebook.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.IndexTerm;
import org.chart2claim.codebook.LoadedCodeBooks;
import org.chart2claim.codebook.ShippedCodeBooks;
import org.chart2claim.codebook.Synonym;
import org.chart2claim.codebook.importer.CodeSetFileImporter;
import org.chart2claim.codebook.importer.ImportedRelease;
import org.chart2claim.codebook.importer.ReleaseToCodeSet;

/**
 * The full-scale code sets the benchmarks measure, built without Spring: the imported FY2026 ICD-10-CM
 * order file and HCPCS 2020 annual file from {@code ../shared/reference}, with the curated index terms
 * and synonyms on top, plus the curated CPT set (about 105,500 entries).
 */
public final class FullScaleIndex {

    public static final Path REFERENCE = Path.of("..", "shared", "reference");
    public static final Path ORDER_FILE = REFERENCE.resolve("icd10cm-2026/icd10cm_order_2026.txt");
    public static final Path HCPCS_FILE = REFERENCE.resolve("hcpcs-2020/HCPC2020_ANWEB_w_disclaimer.txt");

    private static CodeSearchIndex index;

    private FullScaleIndex() {}

    /** True when the reference files are there (tests skip otherwise). */
    public static boolean available() {
        return Files.exists(ORDER_FILE) && Files.exists(HCPCS_FILE);
    }

    /** The imported sets with the curated index terms, plus curated CPT. */
    public static List<CodeSet> sets() {
        LoadedCodeBooks curated = ShippedCodeBooks.get();
        List<CodeSet> sets = new ArrayList<>();
        for (ImportedRelease release : new CodeSetFileImporter()
                .importFiles(List.of(ORDER_FILE, HCPCS_FILE), null)
                .releases()) {
            CodeSet imported = ReleaseToCodeSet.convert(release);
            CodeSet curatedSet = curated.sets().stream()
                    .filter(s -> s.system() == imported.system())
                    .findFirst()
                    .orElseThrow();
            List<IndexTerm> terms = new ArrayList<>(curatedSet.indexTerms());
            sets.add(new CodeSet(
                    imported.system(),
                    imported.version(),
                    imported.label(),
                    imported.source(),
                    imported.chapters(),
                    imported.blocks(),
                    imported.entries(),
                    terms,
                    imported.modifiers()));
        }
        curated.sets().stream().filter(s -> s.system() == CodeSystem.CPT).forEach(sets::add);
        return sets;
    }

    /** An in-memory index of {@link #sets()}, built once per test JVM. */
    public static synchronized CodeSearchIndex get() {
        if (index == null) {
            index = build(ShippedCodeBooks.get().synonyms());
        }
        return index;
    }

    /**
     * A fresh index of {@link #sets()} without the note words ({@code codebooks/note-words.tsv}, no codes)
     * whose term is one of {@code noteWords}: what the search does without them.
     */
    public static CodeSearchIndex without(Set<String> noteWords) {
        return build(ShippedCodeBooks.get().synonyms().stream()
                .filter(s -> !(s.codes().isEmpty() && noteWords.contains(s.term())))
                .toList());
    }

    private static CodeSearchIndex build(List<Synonym> synonyms) {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            CodeIndexWriter.write(directory, sets(), synonyms, IndexProgressListener.NONE);
            return new CodeSearchIndex(directory, synonyms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
