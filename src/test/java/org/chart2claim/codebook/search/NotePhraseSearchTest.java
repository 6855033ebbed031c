package org.chart2claim.codebook.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.chart2claim.codebook.CodeBooks;
import org.chart2claim.codebook.ShippedCodeBooks;
import org.chart2claim.codebook.search.SearchQuality.Metrics;
import org.chart2claim.codebook.search.SearchQuality.Query;
import org.junit.jupiter.api.Test;

/**
 * Highlight-to-search on real note phrases (issue 15), measured on our own phrase set
 * ({@code src/test/resources/search/note-phrases.tsv}): over the curated books (always runs, phrases
 * whose expected codes the books hold) and over the full imported FY2026 + HCPCS 2020 set with the whole
 * Alphabetic Index ({@link FullScaleIndex.Index#FULL}; skipped when {@code ../shared/reference} is absent). Held-out phrases were written before any tuning and are
 * reported apart from the tuning phrases; docs/PERFORMANCE.md records the numbers.
 */
class NotePhraseSearchTest {

    private static final List<Query> PHRASES = SearchQuality.notePhrases();

    @Test
    void thePhraseSetIsLargeEnoughAndHasAHeldOutPart() {
        assertThat(PHRASES).hasSizeGreaterThanOrEqualTo(100);
        assertThat(PHRASES.stream().filter(q -> q.split().equals("heldout"))).hasSizeGreaterThanOrEqualTo(40);
        assertThat(PHRASES).allSatisfy(q -> assertThat(q.split()).isIn("heldout", "tuning", "tuning2", "tuning3"));
        assertThat(PHRASES.stream().filter(q -> q.split().equals("tuning2"))).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void notePhrasesFindTheirCodesInTheCuratedBooks() {
        CodeBooks books = ShippedCodeBooks.books();
        Predicate<Query> inBooks = q -> q.expected().stream()
                .anyMatch(code -> books.find(q.system(), code).isPresent());
        CodeSearchIndex index = ShippedIndex.get();
        Metrics all = report("curated books, all phrases in the books", PHRASES, inBooks, index);
        Metrics heldOut = report(
                "curated books, held-out phrases",
                PHRASES,
                inBooks.and(q -> q.split().equals("heldout")),
                index);
        report(
                "curated books, tuning phrases",
                PHRASES,
                inBooks.and(q -> q.split().equals("tuning")),
                index);
        assertThat(all.queries()).isGreaterThanOrEqualTo(100);
        assertThat(all.recallAt10()).isGreaterThanOrEqualTo(0.90);
        assertThat(all.mrr()).isGreaterThanOrEqualTo(0.75);
        assertThat(heldOut.recallAt10()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void notePhrasesReachTheTargetsOverTheFullImportedSet() {
        assumeTrue(FullScaleIndex.available(), "reference data absent: ../shared/reference");
        CodeSearchIndex index = FullScaleIndex.get();
        Metrics all = report("full FY2026 + HCPCS 2020, all phrases", PHRASES, q -> true, index);
        Metrics heldOut = report(
                "full FY2026 + HCPCS 2020, held-out", PHRASES, q -> q.split().equals("heldout"), index);
        report("full FY2026 + HCPCS 2020, tuning", PHRASES, q -> q.split().equals("tuning"), index);
        report("full FY2026 + HCPCS 2020, tuning2", PHRASES, q -> q.split().equals("tuning2"), index);
        report("full FY2026 + HCPCS 2020, tuning3", PHRASES, q -> q.split().equals("tuning3"), index);
        // the fair held-out measure: without the note words only the held-out phrases use
        Set<String> heldOutOnly = SearchQuality.heldOutOnlyNoteWords(PHRASES);
        Metrics fair = report(
                "full FY2026 + HCPCS 2020, held-out, without the " + heldOutOnly.size() + " held-out-only note words",
                PHRASES,
                q -> q.split().equals("heldout"),
                FullScaleIndex.build(FullScaleIndex.Index.FULL, heldOutOnly));
        printMissesByKind("held-out, fair", fair, PHRASES);
        assertThat(heldOutOnly).hasSizeGreaterThan(20).contains("rt", "stung", "smokes");
        // second round 0.863 (before it 0.843); third round, with the whole Alphabetic Index and acronyms,
        // measured twice: 0.863 both times (MRR 0.714 → 0.720 → 0.717); fourth round (sibling choice, number
        // ranges, abbreviations; the held-out rows were a dev set then): 0.902, MRR 0.749, just below 0.75
        assertThat(fair.recallAt10()).isGreaterThanOrEqualTo(0.90);
        // fifth round (the same 29 words left out): 0.902, MRR 0.781
        assertThat(fair.mrr()).isGreaterThanOrEqualTo(0.77);
        assertThat(all.recallAt10()).isGreaterThanOrEqualTo(0.90);
        assertThat(all.mrr()).isGreaterThanOrEqualTo(0.75);
        assertThat(heldOut.recallAt10()).isGreaterThanOrEqualTo(0.85);
        // the shared dev queries must not suffer for it on the full set (FullScaleSearchBench: 1.000)
        List<Query> dev = SearchQuality.devQueries(FullScaleIndex.REFERENCE.resolve("search-dev-queries.tsv"));
        if (!dev.isEmpty()) {
            Metrics devMetrics = report("full FY2026 + HCPCS 2020, shared dev queries", dev, q -> true, index);
            assertThat(devMetrics.recallAt10()).isGreaterThanOrEqualTo(0.95);
            assertThat(devMetrics.mrr()).isGreaterThanOrEqualTo(0.95);
        }
    }

    /**
     * The fourth dev set ({@code tuning4}, file {@code note-phrases-heldout2.tsv}): written by someone else as
     * the second held-out set and measured ONCE as such at stop 22 (recall@1 0.576, recall@10 0.796, MRR 0.654);
     * a dev set since stop 23, tuned against. The floors keep it from sliding back (docs/PERFORMANCE.md).
     */
    @Test
    void theFourthDevSetOverTheFullImportedSet() {
        List<Query> tuning4 = SearchQuality.tuning4();
        assertThat(tuning4).hasSizeGreaterThanOrEqualTo(190);
        assertThat(tuning4).allSatisfy(q -> assertThat(q.split()).isEqualTo("tuning4"));
        assumeTrue(FullScaleIndex.available(), "reference data absent: ../shared/reference");
        Metrics metrics = report("full FY2026 + HCPCS 2020, tuning4", tuning4, q -> true, FullScaleIndex.get());
        assertThat(metrics.recallAt10()).isGreaterThanOrEqualTo(TUNING4_RECALL_AT_10_FLOOR);
        assertThat(metrics.mrr()).isGreaterThanOrEqualTo(TUNING4_MRR_FLOOR);
    }

    /**
     * The fifth round's values on the fourth dev set (2026-12-02 09:52 UTC: recall@1 0.733, recall@10 0.948,
     * MRR 0.809 with the system filter), rounded down: a no-backslide floor.
     */
    static final double TUNING4_RECALL_AT_10_FLOOR = 0.94;

    static final double TUNING4_MRR_FLOOR = 0.80;

    /**
     * The fifth dev set ({@code tuning5}, file {@code note-phrases-heldout3.tsv}): written blind by someone else
     * as the third held-out set and measured ONCE as such at stop 23 (recall@1 0.569, recall@10 0.822, MRR 0.651
     * with the system filter); a dev set since stop 24, tuned against by kinds of problems. The floors keep it
     * from sliding back (docs/PERFORMANCE.md).
     */
    @Test
    void theFifthDevSetOverTheFullImportedSet() {
        List<Query> tuning5 = SearchQuality.tuning5();
        assertThat(tuning5).hasSizeGreaterThanOrEqualTo(340);
        assertThat(tuning5).allSatisfy(q -> assertThat(q.split()).isEqualTo("tuning5"));
        assumeTrue(FullScaleIndex.available(), "reference data absent: ../shared/reference");
        Metrics metrics = report("full FY2026 + HCPCS 2020, tuning5", tuning5, q -> true, FullScaleIndex.get());
        assertThat(metrics.recallAt10()).isGreaterThanOrEqualTo(TUNING5_RECALL_AT_10_FLOOR);
        assertThat(metrics.mrr()).isGreaterThanOrEqualTo(TUNING5_MRR_FLOOR);
    }

    /**
     * The sixth round's values on the fifth dev set (2026-12-02 12:37 UTC: recall@1 0.661, recall@10 0.931, MRR
     * 0.753 with the system filter; it measured 0.569 / 0.822 / 0.651 as a held-out set), rounded down: a
     * no-backslide floor.
     */
    static final double TUNING5_RECALL_AT_10_FLOOR = 0.93;

    static final double TUNING5_MRR_FLOOR = 0.75;

    /**
     * The sixth dev set ({@code tuning6}, file {@code note-phrases-heldout4.tsv}): written blind by someone else as
     * the fourth held-out set and measured ONCE as such at stop 24 (recall@1 0.643, recall@10 0.909, MRR 0.741 with
     * the system filter); a dev set since stop 25, tuned against by kinds of problems. It no longer says how the
     * search does on unseen phrases (heldout8 does). The floors keep it from sliding back (docs/PERFORMANCE.md).
     */
    @Test
    void theSixthDevSetOverTheFullImportedSet() {
        List<Query> tuning6 = SearchQuality.tuning6();
        assertThat(tuning6).hasSizeGreaterThanOrEqualTo(300);
        assertThat(tuning6).allSatisfy(q -> assertThat(q.split()).isEqualTo("tuning6"));
        assumeTrue(FullScaleIndex.available(), "reference data absent: ../shared/reference");
        Metrics metrics = report("full FY2026 + HCPCS 2020, tuning6", tuning6, q -> true, FullScaleIndex.get());
        assertThat(metrics.recallAt10()).isGreaterThanOrEqualTo(TUNING6_RECALL_AT_10_FLOOR);
        assertThat(metrics.mrr()).isGreaterThanOrEqualTo(TUNING6_MRR_FLOOR);
    }

    /**
     * The seventh round's values on the sixth dev set (2026-12-02 15:31 UTC: recall@1 0.720, recall@10 0.976, MRR
     * 0.817 with the system filter; it measured 0.643 / 0.909 / 0.741 as a held-out set), rounded down: a
     * no-backslide floor.
     */
    static final double TUNING6_RECALL_AT_10_FLOOR = 0.97;

    static final double TUNING6_MRR_FLOOR = 0.81;

    /**
     * The seventh dev set ({@code tuning7}, file {@code note-phrases-heldout5.tsv}): written blind by someone else as
     * the fifth held-out set and measured ONCE as such at stop 25 (2026-12-02 15:36 UTC, after every search branch
     * was final: recall@1 0.676, recall@10 0.895, MRR 0.753 with the system filter; stop 24's code on the same
     * phrases: 0.648 / 0.876 / 0.729); a dev set since session 9, tuned against by kinds of problems. It no longer
     * says how the search does on unseen phrases (heldout8 does). The floors keep it from sliding back
     * (docs/PERFORMANCE.md).
     */
    @Test
    void theSeventhDevSetOverTheFullImportedSet() {
        List<Query> tuning7 = SearchQuality.tuning7();
        assertThat(tuning7).hasSizeGreaterThanOrEqualTo(460);
        assertThat(tuning7).allSatisfy(q -> assertThat(q.split()).isEqualTo("tuning7"));
        assumeTrue(FullScaleIndex.available(), "reference data absent: ../shared/reference");
        Metrics metrics = report("full FY2026 + HCPCS 2020, tuning7", tuning7, q -> true, FullScaleIndex.get());
        assertThat(metrics.recallAt10()).isGreaterThanOrEqualTo(TUNING7_RECALL_AT_10_FLOOR);
        assertThat(metrics.mrr()).isGreaterThanOrEqualTo(TUNING7_MRR_FLOOR);
    }

    /**
     * The eighth round's values on the seventh dev set (2026-12-02 18:09 UTC: recall@1 0.745, recall@10 0.974, MRR
     * 0.824 with the system filter; it measured 0.676 / 0.895 / 0.753 as a held-out set), rounded down: a
     * no-backslide floor.
     */
    static final double TUNING7_RECALL_AT_10_FLOOR = 0.97;

    static final double TUNING7_MRR_FLOOR = 0.82;

    /**
     * The eighth dev set ({@code tuning8}, file {@code note-phrases-heldout6.tsv}): written blind by someone else as
     * the sixth held-out set and measured ONCE as such at stop 26 (2026-12-02 18:27 UTC, after every search branch
     * was final: recall@1 0.671, recall@10 0.889, MRR 0.745 with the system filter; stop 25's code on the same
     * phrases: 0.654 / 0.880 / 0.730); a dev set since session 10, tuned against by kinds of problems. It no longer
     * says how the search does on unseen phrases (heldout8 does). The floors keep it from sliding back
     * (docs/PERFORMANCE.md).
     */
    @Test
    void theEighthDevSetOverTheFullImportedSet() {
        List<Query> tuning8 = SearchQuality.tuning8();
        assertThat(tuning8).hasSizeGreaterThanOrEqualTo(550);
        assertThat(tuning8).allSatisfy(q -> assertThat(q.split()).isEqualTo("tuning8"));
        assumeTrue(FullScaleIndex.available(), "reference data absent: ../shared/reference");
        Metrics metrics = report("full FY2026 + HCPCS 2020, tuning8", tuning8, q -> true, FullScaleIndex.get());
        assertThat(metrics.recallAt10()).isGreaterThanOrEqualTo(TUNING8_RECALL_AT_10_FLOOR);
        assertThat(metrics.mrr()).isGreaterThanOrEqualTo(TUNING8_MRR_FLOOR);
    }

    /**
     * The ninth round's values on the eighth dev set (2026-12-03 07:29 UTC: recall@1 0.739, recall@10 0.959, MRR 0.817
     * with the system filter; it measured 0.671 / 0.889 / 0.745 as a held-out set), rounded down: a no-backslide
     * floor.
     */
    static final double TUNING8_RECALL_AT_10_FLOOR = 0.95;

    static final double TUNING8_MRR_FLOOR = 0.81;

    /**
     * The ninth dev set ({@code tuning9}, file {@code note-phrases-heldout7.tsv}): written blind by someone else as
     * the seventh held-out set and measured ONCE as such in session 10 (2026-12-03 07:51 UTC, {@code f4de2c1}, after
     * every search branch was final: recall@1 0.638, recall@10 0.898, MRR 0.730 with the system filter; stop 26's code
     * on the same phrases: 0.635 / 0.889 / 0.724); a dev set since the tenth round, tuned against by kinds of problems.
     * It no longer says how the search does on unseen phrases (heldout8 does). The floors keep it from sliding back
     * (docs/PERFORMANCE.md).
     */
    @Test
    void theNinthDevSetOverTheFullImportedSet() {
        List<Query> tuning9 = SearchQuality.tuning9();
        assertThat(tuning9).hasSizeGreaterThanOrEqualTo(560);
        assertThat(tuning9).allSatisfy(q -> assertThat(q.split()).isEqualTo("tuning9"));
        assumeTrue(FullScaleIndex.available(), "reference data absent: ../shared/reference");
        Metrics metrics = report("full FY2026 + HCPCS 2020, tuning9", tuning9, q -> true, FullScaleIndex.get());
        assertThat(metrics.recallAt10()).isGreaterThanOrEqualTo(TUNING9_RECALL_AT_10_FLOOR);
        assertThat(metrics.mrr()).isGreaterThanOrEqualTo(TUNING9_MRR_FLOOR);
    }

    /**
     * The tenth round's values on the ninth dev set (2026-12-03 08:15 UTC: recall@1 0.644, recall@10 0.896, MRR 0.734
     * with the system filter; it measured 0.638 / 0.898 / 0.730 as a held-out set), rounded down: a no-backslide
     * floor.
     */
    static final double TUNING9_RECALL_AT_10_FLOOR = 0.89;

    static final double TUNING9_MRR_FLOOR = 0.73;

    /**
     * The eighth held-out set ({@code note-phrases-heldout8.tsv}, split {@code heldout8}), written blind by someone
     * else while the tenth round changed the search, and measured ONCE by the lead after every search branch was final
     * (2026-12-03 08:24 UTC, {@code a1b4b8d}: recall@1 0.698, recall@10 0.913, MRR 0.771 with the system filter; the
     * ninth round's code 0.698 / 0.912 / 0.771, stop 26's 0.687 / 0.901 / 0.760). Prints recall@1, recall@10 and MRR
     * with and without the system filter and the kinds of misses only, never a phrase (nobody may tune against it).
     * Skipped while the file is absent. The floors keep it from sliding back (docs/PERFORMANCE.md).
     */
    @Test
    void theEighthHeldOutSetOverTheFullImportedSet() {
        List<Query> fresh = SearchQuality.heldOut8();
        assumeTrue(!fresh.isEmpty(), "note-phrases-heldout8.tsv is not there yet: nothing to measure");
        assumeTrue(FullScaleIndex.available(), "reference data absent: ../shared/reference");
        assertThat(fresh).allSatisfy(q -> assertThat(q.split()).isEqualTo("heldout8"));
        CodeSearchIndex index = FullScaleIndex.get();
        Metrics filtered = SearchQuality.evaluate(fresh, q -> true, SearchQuality.withSystemFilter(index));
        Metrics unfiltered = SearchQuality.evaluate(fresh, q -> true, SearchQuality.overAllSystems(index));
        System.out.println(filtered.line("full FY2026 + HCPCS 2020, heldout8 (system filter)"));
        System.out.println(unfiltered.line("full FY2026 + HCPCS 2020, heldout8 (all systems)"));
        printMissesByKind("heldout8", filtered, fresh);
        assertThat(filtered.queries()).isEqualTo(fresh.size());
        assertThat(filtered.recallAt10()).isGreaterThanOrEqualTo(HELDOUT8_RECALL_AT_10_FLOOR);
        assertThat(filtered.mrr()).isGreaterThanOrEqualTo(HELDOUT8_MRR_FLOOR);
    }

    /** Session 10's once-measured values on heldout8 (0.913 / 0.771), rounded down: a no-backslide floor. */
    static final double HELDOUT8_RECALL_AT_10_FLOOR = 0.91;

    static final double HELDOUT8_MRR_FLOOR = 0.77;

    /** Which kinds of held-out phrase are missed (the kind, never the phrase: nobody may tune against them). */
    private static void printMissesByKind(String what, Metrics metrics, List<Query> phrases) {
        System.out.println("  " + what + ", not first, by kind: "
                + metrics.misses().stream()
                        .filter(line -> line.startsWith("heldout"))
                        .map(line -> phrases.stream()
                                        .filter(q -> line.contains("'" + q.text() + "'"))
                                        .findFirst()
                                        .map(Query::style)
                                        .orElse("?")
                                + (line.contains("not in top 10") ? ", not in top 10" : ", rank 2-10"))
                        .collect(java.util.stream.Collectors.groupingBy(
                                k -> k, java.util.TreeMap::new, java.util.stream.Collectors.counting())));
    }

    static Metrics report(String what, List<Query> phrases, Predicate<Query> filter, CodeSearchIndex index) {
        Metrics filtered = SearchQuality.evaluate(phrases, filter, SearchQuality.withSystemFilter(index));
        Metrics unfiltered = SearchQuality.evaluate(phrases, filter, SearchQuality.overAllSystems(index));
        System.out.println(filtered.line(what + " (system filter)"));
        System.out.println(unfiltered.line(what + " (all systems)"));
        // held-out misses are not printed: nobody may tune against them
        filtered.misses().stream()
                .filter(line -> !line.startsWith("heldout"))
                .forEach(line -> System.out.println("  " + line));
        return filtered;
    }
}
