package org.chart2claim.codebook.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.chart2claim.codebook.search.SearchQuality.Metrics;
import org.chart2claim.codebook.search.SearchQuality.Query;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The tuning loop of the note-phrase search: the DEV sets ("tuning", "tuning2", "tuning3" rows, the first
 * "heldout" rows, opened as a dev set in the fourth round, and the shared dev queries), with all their
 * misses, over the full imported set with each Alphabetic Index variant, and the CPU time per phrase
 * (slowest first) with {@code -Dprofile=true}. The fourth to ninth dev sets ({@code tuning4} to {@code tuning9},
 * the former second to seventh held-out files) are measured here too; the fresh held-out file ({@code heldout8}) is
 * neither measured nor printed here: {@link NotePhraseSearchTest} measures it.
 * Run: {@code ./mvnw test -Pbench -Dtest=NotePhraseTuningBench [-Dindex=FULL] [-Dprofile=true]}.
 */
@Tag("bench")
class NotePhraseTuningBench {

    private static final List<String> DEV_SPLITS = List.of(
            "tuning", "tuning2", "tuning3", "tuning4", "tuning5", "tuning6", "tuning7", "tuning8", "tuning9",
            "heldout");

    @Test
    void devSetsOverTheFullImportedSet() {
        assumeTrue(FullScaleIndex.available(), "reference data absent: ../shared/reference");
        List<Query> phrases = new ArrayList<>(SearchQuality.notePhrases());
        phrases.addAll(SearchQuality.tuning4());
        phrases.addAll(SearchQuality.tuning5());
        phrases.addAll(SearchQuality.tuning6());
        phrases.addAll(SearchQuality.tuning7());
        phrases.addAll(SearchQuality.tuning8());
        phrases.addAll(SearchQuality.tuning9());
        List<Query> dev = SearchQuality.devQueries(FullScaleIndex.REFERENCE.resolve("search-dev-queries.tsv"));
        String only = System.getProperty("index", "");
        for (FullScaleIndex.Index variant : FullScaleIndex.Index.values()) {
            if (!only.isEmpty() && !variant.name().equals(only)) {
                continue;
            }
            CodeSearchIndex index = FullScaleIndex.build(variant, Set.of());
            for (String split : DEV_SPLITS) {
                printAll(variant + ", " + split, phrases, q -> q.split().equals(split), index);
            }
            printAll(variant + ", all dev phrases", phrases, q -> DEV_SPLITS.contains(q.split()), index);
            printAll(variant + ", shared dev queries", dev, q -> true, index);
            if (Boolean.getBoolean("profile")) {
                profile(phrases, dev, index);
                compareFitCandidates(phrases, dev, index);
            }
        }
    }

    private static void printAll(
            String what, List<Query> phrases, java.util.function.Predicate<Query> filter, CodeSearchIndex index) {
        Metrics filtered = SearchQuality.evaluate(phrases, filter, SearchQuality.withSystemFilter(index));
        Metrics unfiltered = SearchQuality.evaluate(phrases, filter, SearchQuality.overAllSystems(index));
        System.out.println(filtered.line(what + " (system filter)"));
        System.out.println(unfiltered.line(what + " (all systems)"));
        if (!what.contains("all dev")) {
            filtered.misses().forEach(line -> System.out.println("  " + line));
        }
    }

    /** The sibling choice over the best 10, 20 and 30 hits: dev quality, and CPU time alternating in one run. */
    private static void compareFitCandidates(List<Query> phrases, List<Query> dev, CodeSearchIndex index) {
        int[] ks = {10, 20, 30};
        List<Query> all = new ArrayList<>(
                phrases.stream().filter(q -> DEV_SPLITS.contains(q.split())).toList());
        for (int k : ks) {
            Metrics m = SearchQuality.evaluate(
                    all,
                    q -> true,
                    q -> index.search(q.text(), q.system(), false, 10, k).stream()
                            .map(CodeHit::code)
                            .toList());
            System.out.println(m.line("fit over " + k + ", all dev phrases"));
        }
        all.addAll(dev);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[][] times = new long[ks.length][all.size() * 10];
        int[] filled = new int[ks.length];
        for (int round = 0; round < 12; round++) {
            for (Query q : all) {
                for (int v = 0; v < ks.length; v++) {
                    long t = threads.getCurrentThreadCpuTime();
                    index.search(q.text(), q.system(), false, 10, ks[v]);
                    long cpu = threads.getCurrentThreadCpuTime() - t;
                    if (round >= 2) {
                        times[v][filled[v]++] = cpu;
                    }
                }
            }
        }
        for (int v = 0; v < ks.length; v++) {
            long[] x = Arrays.copyOf(times[v], filled[v]);
            Arrays.sort(x);
            System.out.printf(
                    "fit over %d: p50 %.2f ms p99 %.2f ms%n",
                    ks[v], x[x.length / 2] / 1e6, x[(int) (x.length * 0.99)] / 1e6);
        }
    }

    /** CPU time per phrase, median of 20 after a 15 s warm-up; p50/p99 over all runs, the slowest. */
    private static void profile(List<Query> phrases, List<Query> dev, CodeSearchIndex index) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Query> all = new ArrayList<>(phrases);
        all.addAll(dev);
        long warmUntil = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (Query q : all) {
                index.search(q.text(), q.system(), false, 10);
            }
        }
        int runs = 20;
        long[] phraseTimes = new long[phrases.size() * runs];
        long[] devTimes = new long[dev.size() * runs];
        List<Object[]> rows = new ArrayList<>();
        int p = 0;
        int d = 0;
        for (Query q : all) {
            long[] cpu = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t = threads.getCurrentThreadCpuTime();
                index.search(q.text(), q.system(), false, 10);
                cpu[i] = threads.getCurrentThreadCpuTime() - t;
                if (q.split().equals("dev")) {
                    devTimes[d++] = cpu[i];
                } else {
                    phraseTimes[p++] = cpu[i];
                }
            }
            Arrays.sort(cpu);
            rows.add(new Object[] {q.text(), cpu[runs / 2], cpu[runs - 1]});
        }
        Arrays.sort(phraseTimes);
        Arrays.sort(devTimes);
        System.out.printf(
                "profile: note phrases CPU p50 %.2f ms p99 %.2f ms; dev queries p50 %.2f ms p99 %.2f ms%n",
                phraseTimes[phraseTimes.length / 2] / 1e6,
                phraseTimes[(int) (phraseTimes.length * 0.99)] / 1e6,
                devTimes[devTimes.length / 2] / 1e6,
                devTimes[(int) (devTimes.length * 0.99)] / 1e6);
        rows.sort(Comparator.comparingLong((Object[] r) -> (Long) r[1]).reversed());
        for (Object[] row : rows.subList(0, 25)) {
            System.out.printf(
                    "profile:   %-60s median %.2f ms max %.2f ms%n",
                    "'" + row[0] + "'", (Long) row[1] / 1e6, (Long) row[2] / 1e6);
        }
    }
}
