package org.chart2claim.codebook.importer.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.store.FSDirectory;
import org.chart2claim.codebook.CodeBookFiles;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.LoadedCodeBooks;
import org.chart2claim.codebook.importer.bench.BenchSupport.DevQuery;
import org.chart2claim.codebook.search.CodeIndexWriter;
import org.chart2claim.codebook.search.CodeSearchIndex;
import org.chart2claim.codebook.search.FullScaleIndex;
import org.chart2claim.codebook.search.IndexProgressListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without Spring: the same full index (imported FY2026 + HCPCS 2020 + curated CPT, curated synonyms and
 * index terms), CPU time per dev query (median of 30), slowest first. Shows the search feature where the
 * time goes. Run: {@code ./mvnw test -Pbench -Dtest=SearchQueryProfileBench}.
 */
@Tag("bench")
class SearchQueryProfileBench {

    @Test
    void cpuTimePerQuery(@TempDir Path dir) throws Exception {
        Path order = BenchSupport.REFERENCE.resolve("icd10cm-2026/icd10cm_order_2026.txt");
        Path hcpcs = BenchSupport.REFERENCE.resolve("hcpcs-2020/HCPC2020_ANWEB_w_disclaimer.txt");
        assumeTrue(Files.exists(order) && Files.exists(hcpcs), "reference data absent");
        LoadedCodeBooks curated = CodeBookFiles.load(Path.of("codebooks"));
        assumeTrue(FullScaleIndex.available(), "reference data absent");
        // with the whole Alphabetic Index (FY2026 tables, FY2017 disease index standing in for FY2026's)
        List<CodeSet> sets = FullScaleIndex.sets(FullScaleIndex.Index.valueOf(System.getProperty("index", "FULL")));
        long build = System.nanoTime();
        try (FSDirectory directory = FSDirectory.open(dir)) {
            CodeIndexWriter.write(directory, sets, curated.synonyms(), IndexProgressListener.NONE);
            BenchSupport.report(String.format(
                    "profile: index of %,d documents built in %,d ms",
                    sets.stream().mapToLong(s -> s.entries().size()).sum(), (System.nanoTime() - build) / 1_000_000));
            try (CodeSearchIndex index = new CodeSearchIndex(directory, curated.synonyms())) {
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                List<DevQuery> queries = BenchSupport.devQueries();
                List<Object[]> rows = new ArrayList<>();
                long[] all = new long[queries.size() * 30];
                int k = 0;
                long warmUntil = System.nanoTime() + 15_000_000_000L; // 15 s: let the JIT compile the search code
                while (System.nanoTime() < warmUntil) {
                    for (DevQuery q : queries) {
                        index.search(q.query(), q.system(), false, 10);
                    }
                }
                for (DevQuery q : queries) {
                    long[] cpu = new long[30];
                    for (int i = 0; i < cpu.length; i++) {
                        long t = threads.getCurrentThreadCpuTime();
                        index.search(q.query(), q.system(), false, 10);
                        cpu[i] = threads.getCurrentThreadCpuTime() - t;
                        all[k++] = cpu[i];
                    }
                    Arrays.sort(cpu);
                    rows.add(new Object[] {q.query(), cpu[15]});
                }
                Arrays.sort(all);
                BenchSupport.report(String.format(
                        "profile: CPU time per query over %d runs: p50=%s p99=%s",
                        all.length,
                        BenchSupport.micros(BenchSupport.percentile(all, 50)),
                        BenchSupport.micros(BenchSupport.percentile(all, 99))));
                rows.sort(Comparator.comparingLong((Object[] r) -> (Long) r[1]).reversed());
                for (Object[] row : rows.subList(0, 8)) {
                    BenchSupport.report(String.format(
                            "profile:   %-60s median CPU %s", "'" + row[0] + "'", BenchSupport.micros((Long) row[1])));
                }
            }
        }
    }
}
