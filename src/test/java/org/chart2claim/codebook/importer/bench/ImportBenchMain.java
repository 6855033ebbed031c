package org.chart2claim.codebook.importer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chart2claim.codebook.importer.CodeSetFileImporter;
import org.chart2claim.codebook.importer.ImportSummary;
import org.chart2claim.codebook.importer.ImportedRelease;
import org.chart2claim.codebook.importer.ReleaseStore;
import org.chart2claim.codebook.importer.ReleaseToCodeSet;

/**
 * Runs one import in a fresh JVM (so the peak heap belongs to that import alone): parse + validate,
 * store to disk, convert to the search model. Prints one machine-readable RESULT line.
 */
public final class ImportBenchMain {

    private ImportBenchMain() {}

    public static void main(String[] args) throws Exception {
        Path store = Files.createTempDirectory("import-bench");
        List<Path> inputs = java.util.Arrays.stream(args).map(Path::of).toList();
        long start = System.nanoTime();
        ImportSummary summary = new CodeSetFileImporter().importFiles(inputs, null);
        long parsed = System.nanoTime();
        ReleaseStore releaseStore = new ReleaseStore(store);
        summary.releases().forEach(releaseStore::save);
        long stored = System.nanoTime();
        long entries = 0;
        for (ImportedRelease release : summary.releases()) {
            entries += ReleaseToCodeSet.convert(release).entries().size();
        }
        long converted = System.nanoTime();
        System.out.printf(
                "RESULT parse_ms=%d store_ms=%d convert_ms=%d total_ms=%d peak_heap_mb=%d entries=%d sets=%s%n",
                (parsed - start) / 1_000_000,
                (stored - parsed) / 1_000_000,
                (converted - stored) / 1_000_000,
                (converted - start) / 1_000_000,
                BenchSupport.peakHeapMegabytes(),
                entries,
                summary.countLines());
        for (ImportedRelease release : summary.releases()) {
            releaseStore.delete(release.id());
        }
        Files.deleteIfExists(store);
    }
}
