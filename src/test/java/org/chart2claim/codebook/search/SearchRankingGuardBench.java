package org.chart2claim.codebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chart2claim.codebook.search.SearchQuality.Query;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ranking guard of search-speed work: records the ranked top 10 (codes and scores) of every query of
 * every phrase and dev set, over the shipped books and the full imported set ({@link FullScaleIndex}), with
 * the query's system as filter, over all systems and billable only, and compares them with a recording made
 * before the change: the codes, and every score to the last bit (its float bits are recorded). A change that is meant to make search faster, not different, must leave every ranking
 * as it was; each difference is listed with its scores (so float ties can be told from real changes), and
 * recall@1, recall@10 and MRR of every set are printed for both sides.
 *
 * <p>The recordings hold codes found in the reference files, so they stay in {@code target/} (never
 * committed). The fresh held-out set ({@code heldout8}) is not recorded here, and were a held-out row ever
 * recorded it would be keyed and listed by row number only: nobody may tune against its phrases ({@code tuning4} to
 * {@code tuning9}, the former {@code heldout2} to {@code heldout7}, are dev sets).
 *
 * <p>Run on the code before the change, then after it:
 *
 * <pre>
 * ./mvnw test -Pbench -Dtest=SearchRankingGuardBench -Drankings.out=target/ranking-guard/before.tsv
 * ./mvnw test -Pbench -Dtest=SearchRankingGuardBench -Drankings.baseline=target/ranking-guard/before.tsv
 * </pre>
 *
 * Options: {@code -Drankings.indexes=SHIPPED,FULL,FY2026_TABLES,CURATED} (default SHIPPED,FULL). Skips the full
 * indexes when {@code ../shared/reference} is absent.
 */
@Tag("bench")
class SearchRankingGuardBench {

    /** How a query is asked. */
    private enum Mode {
        SYSTEM,
        ALL_SYSTEMS,
        BILLABLE
    }

    private record Ranked(String key, String set, Query query, List<String> codes, List<Float> scores) {}

    @Test
    void rankingsStayAsRecorded() throws IOException {
        Path out = Path.of(System.getProperty("rankings.out", "target/ranking-guard/latest.tsv"));
        String baselineFile = System.getProperty("rankings.baseline", "");
        List<String> indexes = Arrays.asList(
                System.getProperty("rankings.indexes", "SHIPPED,FULL").split(","));
        Map<String, List<Query>> sets = new LinkedHashMap<>();
        SearchQuality.notePhrases()
                .forEach(q ->
                        sets.computeIfAbsent(q.split(), s -> new ArrayList<>()).add(q));
        sets.put("tuning4", SearchQuality.tuning4());
        sets.put("tuning5", SearchQuality.tuning5());
        sets.put("tuning6", SearchQuality.tuning6());
        sets.put("tuning7", SearchQuality.tuning7());
        sets.put("tuning8", SearchQuality.tuning8());
        sets.put("tuning9", SearchQuality.tuning9());
        sets.put("dev", SearchQuality.devQueries(FullScaleIndex.REFERENCE.resolve("search-dev-queries.tsv")));

        List<Ranked> rankings = new ArrayList<>();
        for (String name : indexes) {
            String indexName = name.strip();
            CodeSearchIndex index;
            if (indexName.equals("SHIPPED")) {
                index = ShippedIndex.get();
            } else {
                if (!FullScaleIndex.available()) {
                    System.out.println("ranking guard: " + indexName + " skipped, ../shared/reference absent");
                    continue;
                }
                index = indexName.equals("FULL")
                        ? FullScaleIndex.get()
                        : FullScaleIndex.build(FullScaleIndex.Index.valueOf(indexName), java.util.Set.of());
            }
            for (Map.Entry<String, List<Query>> set : sets.entrySet()) {
                List<Query> queries = set.getValue();
                for (int row = 0; row < queries.size(); row++) {
                    Query q = queries.get(row);
                    for (Mode mode : Mode.values()) {
                        List<CodeHit> hits = index.search(
                                q.text(), mode == Mode.ALL_SYSTEMS ? null : q.system(), mode == Mode.BILLABLE, 10);
                        String key = indexName + "\t" + mode + "\t" + set.getKey() + "\t" + (row + 1);
                        rankings.add(new Ranked(
                                key,
                                set.getKey(),
                                q,
                                hits.stream().map(CodeHit::code).toList(),
                                hits.stream().map(CodeHit::score).toList()));
                    }
                }
            }
        }
        write(out, rankings);
        System.out.printf(Locale.ROOT, "ranking guard: %d rankings written to %s%n", rankings.size(), out);
        if (baselineFile.isEmpty()) {
            return;
        }
        Map<String, List<String>> before = read(Path.of(baselineFile));
        List<String> differences = new ArrayList<>();
        Map<String, double[]> metricsBefore = new LinkedHashMap<>();
        Map<String, double[]> metricsAfter = new LinkedHashMap<>();
        for (Ranked r : rankings) {
            List<String> old = before.get(r.key());
            assertThat(old).as("baseline has no ranking for %s", r.key()).isNotNull();
            List<String> oldCodes =
                    old.stream().map(c -> c.substring(0, c.indexOf(' '))).toList();
            // the codes and every score to the last bit (each score is written with its float bits)
            if (!old.equals(scored(r))) {
                differences.add(r.key().replace('\t', ' ') + " " + shown(r) + "\n    before " + old + "\n    after  "
                        + scored(r));
            }
            String group = r.key().substring(0, r.key().lastIndexOf('\t')).replace('\t', ' ');
            accumulate(
                    metricsBefore, group, SearchQuality.rank(oldCodes, r.query().expected()));
            accumulate(
                    metricsAfter, group, SearchQuality.rank(r.codes(), r.query().expected()));
        }
        for (String group : metricsAfter.keySet()) {
            System.out.println("ranking guard: " + group + " before " + line(metricsBefore.get(group)) + ", after "
                    + line(metricsAfter.get(group)));
        }
        differences.forEach(d -> System.out.println("ranking guard: CHANGED " + d));
        System.out.printf(
                Locale.ROOT,
                "ranking guard: %d of %d rankings differ from %s%n",
                differences.size(),
                rankings.size(),
                baselineFile);
        assertThat(differences).as("rankings that differ from the baseline").isEmpty();
    }

    /** The phrase, except for the fresh held-out set (its row number is the key). */
    private static String shown(Ranked r) {
        return r.set().matches("heldout[0-9]+")
                ? "(held-out phrase, not shown)"
                : "'" + r.query().text() + "'";
    }

    private static List<String> scored(Ranked r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.codes().size(); i++) {
            out.add(String.format(
                    Locale.ROOT,
                    "%s %.6f %08x",
                    r.codes().get(i),
                    r.scores().get(i),
                    Float.floatToRawIntBits(r.scores().get(i))));
        }
        return out;
    }

    private static void write(Path out, List<Ranked> rankings) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        StringBuilder text = new StringBuilder();
        for (Ranked r : rankings) {
            text.append(r.key())
                    .append('\t')
                    .append(String.join("|", scored(r)))
                    .append('\n');
        }
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> read(Path file) throws IOException {
        Map<String, List<String>> rankings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            rankings.put(
                    String.join("\t", f[0], f[1], f[2], f[3]),
                    f[4].isEmpty() ? List.of() : Arrays.asList(f[4].split("\\|")));
        }
        return rankings;
    }

    /** queries, first, in the top ten, sum of reciprocal ranks. */
    private static void accumulate(Map<String, double[]> metrics, String group, int rank) {
        double[] m = metrics.computeIfAbsent(group, g -> new double[4]);
        m[0]++;
        m[1] += rank == 1 ? 1 : 0;
        m[2] += rank >= 1 ? 1 : 0;
        m[3] += rank >= 1 ? 1.0 / rank : 0;
    }

    private static String line(double[] m) {
        return String.format(Locale.ROOT, "n=%.0f %.3f / %.3f / %.3f", m[0], m[1] / m[0], m[2] / m[0], m[3] / m[0]);
    }
}
