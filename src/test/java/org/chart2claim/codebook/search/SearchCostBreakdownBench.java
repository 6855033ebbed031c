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
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < all.size(); k++) {
                    SearchQuality.Query q = all.get(k);
                    long t = threads.getCurrentThreadCpuTime();
                    index.search(q.text(), q.system(), false, 10);
                    long cpu = threads.getCurrentThreadCpuTime() - t;
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
