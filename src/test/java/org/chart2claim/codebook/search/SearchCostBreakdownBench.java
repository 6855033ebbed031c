package org.chart2claim.codebook.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.store.FSDirectory;
import org.chart2claim.codebook.ShippedCodeBooks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Where a search's CPU time goes, for speed work: over the full imported set with the whole Alphabetic Index
 * (on disk, as the application opens it), the note phrases and the shared dev queries, CPU time per search
 * (p50 / p99 over several rounds after a warm-up) and the share of building the query, rewriting it and
 * creating its weights (the term look-ups) and running it, with the number of terms a query looks up (all,
 * and distinct field/term pairs). The index is built once into {@code target/cost-breakdown-index-s<schema>}
 * and reused by later runs. Run: {@code ./mvnw test -Pbench -Dtest=SearchCostBreakdownBench
 * [-Dbreakdown.seconds=15]}, with {@code -DextraArgLine=-XX:StartFlightRecording=filename=search.jfr} to
 * profile.
 */
@Tag("bench")
class SearchCostBreakdownBench {

    @Test
    void whereTheTimeGoes() throws Exception {
        assumeTrue(FullScaleIndex.available(), "reference data absent: ../shared/reference");
        Path folder = Path.of("target", "cost-breakdown-index-s" + CodeSearchService.SCHEMA_VERSION);
        var synonyms = ShippedCodeBooks.get().synonyms();
        if (!Files.exists(folder.resolve("complete"))) {
            try (FSDirectory directory = FSDirectory.open(folder)) {
                CodeIndexWriter.write(
                        directory,
                        FullScaleIndex.sets(FullScaleIndex.Index.FULL),
                        synonyms,
                        IndexProgressListener.NONE);
            }
            Files.writeString(folder.resolve("complete"), "");
        }
        List<SearchQuality.Query> phrases = SearchQuality.notePhrases();
        List<SearchQuality.Query> dev =
                SearchQuality.devQueries(FullScaleIndex.REFERENCE.resolve("search-dev-queries.tsv"));
        try (FSDirectory directory = FSDirectory.open(folder);
                CodeSearchIndex index = new CodeSearchIndex(directory, synonyms)) {
            List<SearchQuality.Query> all = new ArrayList<>(phrases);
            all.addAll(dev);
            long warmUntil = System.nanoTime() + Long.getLong("breakdown.seconds", 15) * 1_000_000_000L;
            while (System.nanoTime() < warmUntil) {
                for (SearchQuality.Query q : all) {
                    index.search(q.text(), q.system(), false, 10);
                    parts(index, q);
                }
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int rounds = Integer.getInteger("breakdown.rounds", 10);
            long[] phraseTimes = new long[phrases.size() * rounds];
            long[] devTimes = new long[dev.size() * rounds];
            long[][] perQuery = new long[all.size()][rounds];
            int p = 0;
            int d = 0;
            com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
            long[] allocated = new long[all.size()];
            long collectionsBefore = collections();
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < all.size(); k++) {
                    SearchQuality.Query q = all.get(k);
                    long bytes = allocation.getCurrentThreadAllocatedBytes();
                    long t = threads.getCurrentThreadCpuTime();
                    index.search(q.text(), q.system(), false, 10);
                    long cpu = threads.getCurrentThreadCpuTime() - t;
                    allocated[k] += allocation.getCurrentThreadAllocatedBytes() - bytes;
                    perQuery[k][round] = cpu;
                    if (q.split().equals("dev")) {
                        devTimes[d++] = cpu;
                    } else {
                        phraseTimes[p++] = cpu;
                    }
                }
            }
            Integer[] order = new Integer[all.size()];
            long[] medians = new long[all.size()];
            for (int k = 0; k < all.size(); k++) {
                order[k] = k;
                long[] x = perQuery[k].clone();
                Arrays.sort(x);
                medians[k] = x[x.length / 2];
            }
            Arrays.sort(order, (a, b) -> Long.compare(medians[b], medians[a]));
            tail(all, perQuery, medians, order, allocated, rounds, collections() - collectionsBefore);
            for (int k : Arrays.copyOf(order, Integer.getInteger("breakdown.slowest", 15))) {
                SearchQuality.Query q = all.get(k);
                long[] part = parts(index, q);
                boolean relaxes = index.search(q.text(), q.system(), false, 10).size() > 0
                        && index.searcher()
                                        .count(index.plan(q.text(), q.system(), false, false)
                                                .query())
                                < SearchWeights.RELAX_BELOW_HITS;
                long[] counted =
                        termCount(index.plan(q.text(), q.system(), false, false).query());
                System.out.printf(
                        Locale.ROOT,
                        "breakdown:   %6.2f ms %-7s plan %.2f rewrite %.2f weights %.2f run %.2f terms %d/%d%s '%s'%n",
                        medians[k] / 1e6,
                        q.split(),
                        part[0] / 1e6,
                        part[1] / 1e6,
                        part[2] / 1e6,
                        part[3] / 1e6,
                        counted[0],
                        counted[1],
                        relaxes ? " RELAXES" : "",
                        q.text());
            }
            Arrays.sort(phraseTimes);
            Arrays.sort(devTimes);
            System.out.printf(
                    Locale.ROOT,
                    "breakdown: CPU per search, note phrases p50 %.3f p99 %.3f ms (n=%d); dev queries p50 %.3f p99"
                            + " %.3f ms (n=%d)%n",
                    phraseTimes[phraseTimes.length / 2] / 1e6,
                    phraseTimes[(int) Math.ceil(phraseTimes.length * 0.99) - 1] / 1e6,
                    phraseTimes.length,
                    devTimes[devTimes.length / 2] / 1e6,
                    devTimes[(int) Math.ceil(devTimes.length * 0.99) - 1] / 1e6,
                    devTimes.length);
            long[] sum = new long[4];
            long terms = 0;
            long distinct = 0;
            for (SearchQuality.Query q : all) {
                long[] part = parts(index, q);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += part[i];
                }
                long[] counted =
                        termCount(index.plan(q.text(), q.system(), false, false).query());
                terms += counted[0];
                distinct += counted[1];
            }
            long total = sum[0] + sum[1] + sum[2] + sum[3];
            System.out.printf(
                    Locale.ROOT,
                    "breakdown: first try of each query (CPU): plan %.0f%%, rewrite %.0f%%, weights %.0f%%, run %.0f%%;"
                            + " terms per query %.1f, distinct field/term pairs %.1f%n",
                    100.0 * sum[0] / total,
                    100.0 * sum[1] / total,
                    100.0 * sum[2] / total,
                    100.0 * sum[3] / total,
                    terms / (double) all.size(),
                    distinct / (double) all.size());
        }
    }

    /**
     * What makes the tail: of the slowest 5 % of the measured calls, how many are calls of the queries that are
     * slow every time (their median is among the slowest 5 % of queries) and how many are one-off slow calls of
     * otherwise fast queries (noise: a collection, a compilation, a core taken away); and the allocation per
     * search.
     */
    private static void tail(
            List<SearchQuality.Query> all,
            long[][] perQuery,
            long[] medians,
            Integer[] slowestFirst,
            long[] allocated,
            int rounds,
            long collections) {
        int calls = all.size() * rounds;
        long[] everyCall = new long[calls];
        int i = 0;
        for (long[] times : perQuery) {
            for (long t : times) {
                everyCall[i++] = t;
            }
        }
        Arrays.sort(everyCall);
        long tailFrom = everyCall[(int) (calls * 0.95)];
        Set<Integer> slowQueries = new HashSet<>(Arrays.asList(Arrays.copyOf(
                slowestFirst, Math.max(1, (int) Math.ceil(all.size() * 0.05)))));
        int inTail = 0;
        int ofSlowQueries = 0;
        Set<Integer> queriesInTail = new HashSet<>();
        for (int k = 0; k < perQuery.length; k++) {
            for (long t : perQuery[k]) {
                if (t >= tailFrom) {
                    inTail++;
                    queriesInTail.add(k);
                    ofSlowQueries += slowQueries.contains(k) ? 1 : 0;
                }
            }
        }
        long totalAllocated = Arrays.stream(allocated).sum();
        int mostAllocating = 0;
        for (int k = 1; k < allocated.length; k++) {
            if (allocated[k] > allocated[mostAllocating]) {
                mostAllocating = k;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "breakdown: tail: the slowest 5%% of %d calls (>= %.2f ms CPU) are %d calls of %d queries; %d of them"
                        + " (%.0f%%) are calls of the %d queries whose median is among the slowest 5%%; %d garbage"
                        + " collections during the calls; allocation per search %.0f kB on average, at most %.0f kB"
                        + " ('%s')%n",
                calls,
                tailFrom / 1e6,
                inTail,
                queriesInTail.size(),
                ofSlowQueries,
                100.0 * ofSlowQueries / Math.max(1, inTail),
                slowQueries.size(),
                collections,
                totalAllocated / (double) calls / 1024,
                allocated[mostAllocating] / (double) rounds / 1024,
                all.get(mostAllocating).text());
        for (int k : Arrays.copyOf(slowestFirst, slowQueries.size())) {
            long[] times = perQuery[k].clone();
            Arrays.sort(times);
            System.out.printf(
                    Locale.ROOT,
                    "breakdown:   slow every time: min %.2f median %.2f max %.2f ms, %.0f kB per search '%s'%n",
                    times[0] / 1e6,
                    medians[k] / 1e6,
                    times[times.length - 1] / 1e6,
                    allocated[k] / (double) rounds / 1024,
                    all.get(k).text());
        }
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    /** CPU nanoseconds of the first try's plan, rewrite, weight creation and search (top 30). */
    private static long[] parts(CodeSearchIndex index, SearchQuality.Query q) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        IndexSearcher searcher = index.searcher();
        long t0 = threads.getCurrentThreadCpuTime();
        Query query = index.plan(q.text(), q.system(), false, false).query();
        long t1 = threads.getCurrentThreadCpuTime();
        Query rewritten = searcher.rewrite(query);
        long t2 = threads.getCurrentThreadCpuTime();
        searcher.createWeight(rewritten, ScoreMode.TOP_SCORES, 1);
        long t3 = threads.getCurrentThreadCpuTime();
        searcher.search(query, SearchWeights.FIT_CANDIDATES);
        long t4 = threads.getCurrentThreadCpuTime();
        // the search repeats the rewrite and the weights: what it adds is the run
        return new long[] {t1 - t0, t2 - t1, t3 - t2, Math.max(0, (t4 - t3) - (t3 - t1))};
    }

    /** Term occurrences in a query and distinct field/term pairs. */
    private static long[] termCount(Query query) {
        List<Term> seen = new ArrayList<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                seen.addAll(Arrays.asList(terms));
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        Set<Term> distinct = new HashSet<>(seen);
        return new long[] {seen.size(), distinct.size()};
    }
}
