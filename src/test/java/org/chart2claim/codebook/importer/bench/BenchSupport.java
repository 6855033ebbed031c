package org.chart2claim.codebook.importer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chart2claim.codebook.CodeSystem;

/** Shared bits of the benchmarks: reference paths, the dev query set, percentiles, the report file. */
public final class BenchSupport {

    static final Path REFERENCE = Path.of("..", "shared", "reference");
    static final Path REPORT = Path.of("target", "bench-results.txt");

    record DevQuery(String query, CodeSystem system, List<String> expected, String style) {}

    private BenchSupport() {}

    static List<DevQuery> devQueries() throws IOException {
        List<DevQuery> queries = new ArrayList<>();
        for (String line : Files.readAllLines(REFERENCE.resolve("search-dev-queries.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length < 3 || f[0].equals("query")) {
                continue;
            }
            queries.add(new DevQuery(
                    f[0], CodeSystem.valueOf(f[1]), Arrays.asList(f[2].split("\\|")), f.length > 3 ? f[3] : ""));
        }
        return queries;
    }

    static long percentile(long[] sortedNanos, double p) {
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.clamp(index, 0, sortedNanos.length - 1)];
    }

    static String micros(long nanos) {
        return String.format("%.3f ms", nanos / 1e6);
    }

    static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    /** Appends to target/bench-results.txt and prints. */
    public static void report(String line) throws IOException {
        System.out.println("BENCH " + line);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(
                REPORT,
                line + System.lineSeparator(),
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
