package org.chart2claim.codebook.search;

import java.io.IOException;
import java.io.InputStream;
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
import org.chart2claim.codebook.importer.ImportedIndexTerm;
import org.chart2claim.codebook.importer.ImportedIndexTerm.IndexKind;
import org.chart2claim.codebook.importer.ImportedRelease;
import org.chart2claim.codebook.importer.IndexXmlParser;
import org.chart2claim.codebook.importer.ReleaseToCodeSet;

/**
 * The full-scale code sets the benchmarks measure, built without Spring: the imported FY2026 ICD-10-CM
 * order file (with the FY2026 External Cause index, Neoplasm and Drug tables, and the Alphabetic Index of
 * diseases, see {@link Index}) and HCPCS 2020 annual file from {@code ../shared/reference}, with the
 * curated index terms and synonyms on top, plus the curated CPT set (about 105,500 entries).
 */
public final class FullScaleIndex {

    public static final Path REFERENCE = Path.of("..", "shared", "reference");
    public static final Path ORDER_FILE = REFERENCE.resolve("icd10cm-2026/icd10cm_order_2026.txt");
    public static final Path HCPCS_FILE = REFERENCE.resolve("hcpcs-2020/HCPC2020_ANWEB_w_disclaimer.txt");
    /** The FY2026 (April 1, 2026) External Cause index, Neoplasm and Drug tables: imported with the order file. */
    public static final Path APRIL_2026 = REFERENCE.resolve("icd10cm-2026-april");
    /**
     * The newest Alphabetic Index (diseases) XML obtainable here is FY2017; it stands in for the FY2026 one a
     * school imports with its order file (the importer refuses mixed years, so it is read here directly).
     */
    public static final Path INDEX_2017 = REFERENCE.resolve("icd10cm-2017-tabular-index/icd10cm_index_2017.xml");

    /** Which Alphabetic Index the full set carries besides our curated selection. */
    public enum Index {
        /** The curated selection only (the measure of the earlier rounds). */
        CURATED,
        /** The FY2026 files a school imports: External Cause index, Neoplasm and Drug tables. */
        FY2026_TABLES,
        /** Those plus the Alphabetic Index of diseases (FY2017 XML standing in for FY2026's). */
        FULL
    }

    private static CodeSearchIndex index;

    private FullScaleIndex() {}

    /** True when the reference files are there (tests skip otherwise). */
    public static boolean available() {
        return Files.exists(ORDER_FILE)
                && Files.exists(HCPCS_FILE)
                && Files.isDirectory(APRIL_2026)
                && Files.exists(INDEX_2017);
    }

    /** The imported sets with the given Alphabetic Index and the curated index terms, plus curated CPT. */
    public static List<CodeSet> sets(Index officialIndex) {
        LoadedCodeBooks curated = ShippedCodeBooks.get();
        List<CodeSet> sets = new ArrayList<>();
        List<Path> files = officialIndex == Index.CURATED
                ? List.of(ORDER_FILE, HCPCS_FILE)
                : List.of(ORDER_FILE, APRIL_2026, HCPCS_FILE);
        for (ImportedRelease release :
                new CodeSetFileImporter().importFiles(files, null).releases()) {
            CodeSet imported = ReleaseToCodeSet.convert(release);
            CodeSet curatedSet = curated.sets().stream()
                    .filter(s -> s.system() == imported.system())
                    .findFirst()
                    .orElseThrow();
            List<IndexTerm> terms = new ArrayList<>(imported.indexTerms());
            if (officialIndex == Index.FULL && imported.system() == CodeSystem.ICD10CM) {
                terms.addAll(diseaseIndex2017());
            }
            terms.addAll(curatedSet.indexTerms());
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

    private static List<IndexTerm> diseaseIndex2017() {
        List<ImportedIndexTerm> flat = new ArrayList<>();
        try (InputStream in = Files.newInputStream(INDEX_2017)) {
            new IndexXmlParser().parse(in, INDEX_2017.getFileName().toString(), IndexKind.DISEASES, v -> {}, flat::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ReleaseToCodeSet.indexTree(flat);
    }

    /**
     * An in-memory index of the full imported set with the whole Alphabetic Index ({@link Index#FULL}),
     * built once per test JVM.
     */
    public static synchronized CodeSearchIndex get() {
        if (index == null) {
            index = build(Index.FULL, ShippedCodeBooks.get().synonyms());
        }
        return index;
    }

    /** A fresh index of {@link #sets(Index)}, without the note words whose term is one of {@code noteWords}. */
    public static CodeSearchIndex build(Index officialIndex, Set<String> noteWords) {
        return build(
                officialIndex,
                ShippedCodeBooks.get().synonyms().stream()
                        .filter(s -> !(s.codes().isEmpty() && noteWords.contains(s.term())))
                        .toList());
    }

    private static CodeSearchIndex build(Index officialIndex, List<Synonym> synonyms) {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            CodeIndexWriter.write(directory, sets(officialIndex), synonyms, IndexProgressListener.NONE);
            return new CodeSearchIndex(directory, synonyms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
