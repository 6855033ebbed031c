package org.chart2claim.codebook.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.chart2claim.codebook.CodeBooks;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.ShippedCodeBooks;
import org.junit.jupiter.api.Test;

/**
 * Search quality on {@code ../shared/reference/search-dev-queries.tsv} over the curated books: prints
 * recall@1, recall@10 and MRR (with the query's system as filter, and over all systems), listing queries
 * whose expected code is not in the books as "not in code book". Skipped when the file is absent.
 */
class SearchDevQueriesEvaluationTest {

    private static final Path QUERIES = Path.of("..", "shared", "reference", "search-dev-queries.tsv");

    record Metrics(int queries, int notInBook, double recallAt1, double recallAt10, double mrr) {}

    static Metrics evaluate(
            CodeSearchIndex index, CodeBooks books, List<String[]> rows, boolean filterBySystem, List<String> report) {
        int hitsAt1 = 0;
        int hitsAt10 = 0;
        int notInBook = 0;
        double reciprocal = 0;
        for (String[] row : rows) {
            String query = row[0];
            CodeSystem system = CodeSystem.valueOf(row[1]);
            List<String> expected = Arrays.asList(row[2].split("\\|"));
            if (expected.stream().noneMatch(code -> books.find(system, code).isPresent())) {
                notInBook++;
                report.add("not in code book: " + query + " -> " + row[2]);
                continue;
            }
            List<CodeHit> hits = index.search(query, filterBySystem ? system : null, false, 10);
            int rank = 0;
            for (int i = 0; i < hits.size(); i++) {
                if (expected.contains(hits.get(i).code())) {
                    rank = i + 1;
                    break;
                }
            }
            if (rank == 1) {
                hitsAt1++;
            }
            if (rank > 0) {
                hitsAt10++;
                reciprocal += 1.0 / rank;
            } else {
                report.add("missed: " + query + " -> " + row[2]);
            }
            if (rank > 1) {
                report.add("rank " + rank + ": " + query + " -> " + row[2] + " (first: "
                        + hits.getFirst().code() + ")");
            }
        }
        int n = rows.size(); // queries not in the book count as misses
        return new Metrics(n, notInBook, hitsAt1 / (double) n, hitsAt10 / (double) n, reciprocal / n);
    }

    static List<String[]> readQueries() throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(QUERIES);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split("\t"));
            }
        }
        return rows;
    }

    @Test
    void devQueriesAreFoundInTheCuratedBooks() throws IOException {
        assumeTrue(Files.exists(QUERIES), "search-dev-queries.tsv not present");
        List<String[]> rows = readQueries();
        CodeBooks books = ShippedCodeBooks.books();
        for (boolean filter : new boolean[] {true, false}) {
            List<String> report = new ArrayList<>();
            Metrics m = evaluate(ShippedIndex.get(), books, rows, filter, report);
            System.out.printf(
                    Locale.ROOT,
                    "search-dev-queries (%s): %d queries, %d not in code book, recall@1 %.3f, recall@10 %.3f, MRR %.3f%n",
                    filter ? "system filter" : "all systems",
                    m.queries(),
                    m.notInBook(),
                    m.recallAt1(),
                    m.recallAt10(),
                    m.mrr());
            report.forEach(line -> System.out.println("  " + line));
            assertThat(m.notInBook()).isZero();
            // floors well below today's numbers: a regression guard, not a benchmark
            assertThat(m.recallAt10()).isGreaterThanOrEqualTo(0.95);
            assertThat(m.mrr()).isGreaterThanOrEqualTo(0.85);
        }
    }
}
