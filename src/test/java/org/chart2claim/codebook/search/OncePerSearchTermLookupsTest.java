package org.chart2claim.codebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.LoadedCodeBooks;
import org.chart2claim.codebook.ShippedCodeBooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A search looks each term of each field up in the term dictionary once, however many of its clauses name it,
 * and finds exactly what a search over the plain index finds.
 */
class OncePerSearchTermLookupsTest {

    private static Directory directory;
    private static LoadedCodeBooks books;

    @BeforeAll
    static void index() {
        books = ShippedCodeBooks.get();
        directory = ShippedIndex.directory();
    }

    @Test
    void aSearchLooksEachTermUpOnceAcrossAllItsClausesAndBothTries() throws IOException {
        Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
        try (CodeSearchIndex index = new CodeSearchIndex(
                new CountingReader(DirectoryReader.open(directory), lookups, new ConcurrentHashMap<>()),
                books.synonyms())) {
            lookups.clear(); // the spelling corrector's scan at opening
            // a long note phrase: each word is asked in the title, other names, index paths and match fields, in
            // the title-words boost and in every phrase boost
            List<CodeHit> hits = index.search(
                    "nondisplaced fx left lateral malleolus, closed, initial visit", CodeSystem.ICD10CM, false, 10);
            assertThat(hits).isNotEmpty();
            assertThat(lookups).containsKey("title:malleolu");
            assertThat(lookups)
                    .allSatisfy(
                            (term, count) -> assertThat(count.get()).as(term).isEqualTo(1));

            // a phrase that finds too few codes tries again with fewer required words: no term is looked up again
            assertThat(index.searcher()
                            .count(index.plan("impetigo on the face", CodeSystem.ICD10CM, false, false)
                                    .query()))
                    .isLessThan(SearchWeights.RELAX_BELOW_HITS);
            lookups.clear();
            index.search("impetigo on the face", CodeSystem.ICD10CM, false, 10);
            assertThat(lookups).isNotEmpty();
            assertThat(lookups)
                    .allSatisfy(
                            (term, count) -> assertThat(count.get()).as(term).isEqualTo(1));

            // nothing is kept from one search to the next
            lookups.clear();
            index.search("impetigo on the face", CodeSystem.ICD10CM, false, 10);
            index.search("impetigo on the face", CodeSystem.ICD10CM, false, 10);
            assertThat(lookups)
                    .allSatisfy(
                            (term, count) -> assertThat(count.get()).as(term).isEqualTo(2));
        }
    }

    @Test
    void theHitsAndScoresAreThoseOfThePlainIndex() throws IOException {
        List<String> queries = List.of(
                "nondisplaced fx left lateral malleolus, closed, initial visit",
                "impetigo on the face",
                "hypertention",
                "E11.9",
                "T2DM with peripheral neuropathy",
                "dog bite R lower leg");
        try (CodeSearchIndex index = new CodeSearchIndex(directory, books.synonyms());
                DirectoryReader plain = DirectoryReader.open(directory)) {
            org.apache.lucene.search.IndexSearcher searcher = new org.apache.lucene.search.IndexSearcher(plain);
            searcher.setQueryCache(null);
            for (String query : queries) {
                var plan = index.plan(query, null, false, false);
                var expected = searcher.search(plan.query(), 30).scoreDocs;
                var actual = index.searcher().search(plan.query(), 30).scoreDocs;
                assertThat(actual).as(query).hasSameSizeAs(expected);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i].doc).as(query).isEqualTo(expected[i].doc);
                    assertThat(actual[i].score).as(query).isEqualTo(expected[i].score);
                }
            }
        }
    }
}
