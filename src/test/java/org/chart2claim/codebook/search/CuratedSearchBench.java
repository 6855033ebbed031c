package org.chart2claim.codebook.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.store.FSDirectory;
import org.chart2claim.codebook.CodeBookFiles;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.LoadedCodeBooks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark (not run by default: {@code ./mvnw test -Pbench
 * -Dtest=CuratedSearchBench}): load time of the curated books, index build and reopen time, and
 * in-process search latency over the dev queries. Numbers go to docs/codebook.md.
 */
@Tag("bench")
class CuratedSearchBench {

    @TempDir
    Path temp;

    @Test
    void measure() throws Exception {
        Path queriesFile = Path.of("..", "shared", "reference", "search-dev-queries.tsv");
        assumeTrue(Files.exists(queriesFile));
        long t0 = System.nanoTime();
        LoadedCodeBooks books = CodeBookFiles.load(Path.of("codebooks"));
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long entries = books.sets().stream().mapToLong(s -> s.entries().size()).sum();

        long t1 = System.nanoTime();
        try (FSDirectory dir = FSDirectory.open(temp.resolve("index"))) {
            CodeIndexWriter.write(dir, books.sets(), books.synonyms(), IndexProgressListener.NONE);
        }
        long buildMs = (System.nanoTime() - t1) / 1_000_000;

        long t2 = System.nanoTime();
        FSDirectory dir = FSDirectory.open(temp.resolve("index"));
        CodeSearchIndex index = new CodeSearchIndex(dir, books.synonyms());
        long openMs = (System.nanoTime() - t2) / 1_000_000;

        List<String[]> rows = SearchDevQueriesEvaluationTest.readQueries();
        long warmUntil = System.nanoTime() + 15_000_000_000L; // 15 s: let the JIT compile the search code
        while (System.nanoTime() < warmUntil) {
            for (String[] row : rows) {
                index.search(row[0], CodeSystem.valueOf(row[1]), false, 10);
            }
        }
        List<Long> micros = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            for (String[] row : rows) {
                long s = System.nanoTime();
                index.search(row[0], CodeSystem.valueOf(row[1]), false, 10);
                micros.add((System.nanoTime() - s) / 1_000);
            }
        }
        Collections.sort(micros);
        long p50 = micros.get(micros.size() / 2);
        long p99 = micros.get((int) (micros.size() * 0.99));
        System.out.printf(
                Locale.ROOT,
                "curated books: %d entries loaded in %d ms; index built in %d ms, reopened in %d ms;"
                        + " search over %d queries x 50: p50 %.2f ms, p99 %.2f ms (JDK %s, %d cores)%n",
                entries,
                loadMs,
                buildMs,
                openMs,
                rows.size(),
                p50 / 1000.0,
                p99 / 1000.0,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        index.close();
        dir.close();
    }
}
