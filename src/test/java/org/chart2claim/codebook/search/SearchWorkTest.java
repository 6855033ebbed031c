package org.chart2claim.codebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.ShippedCodeBooks;
import org.junit.jupiter.api.Test;

/**
 * A search does only the work its results need: a later try that asks for as many words as the one before
 * does not run, and the coder's defaults are read from the index once, not from five posting lists per search,
 * with the scores the five constant-score clauses gave.
 */
class SearchWorkTest {

    /** A search index over the shipped books whose reader counts the posting lists opened. */
    private static CodeSearchIndex countingPostings(Map<String, AtomicInteger> postings) throws IOException {
        return new CodeSearchIndex(
                new CountingReader(DirectoryReader.open(ShippedIndex.directory()), new ConcurrentHashMap<>(), postings),
                ShippedCodeBooks.get().synonyms());
    }

    @Test
    void aTryThatAsksForAsManyWordsAsTheOneBeforeDoesNotRun() throws IOException {
        Map<String, AtomicInteger> postings = new ConcurrentHashMap<>();
        try (CodeSearchIndex index = countingPostings(postings)) {
            // one word that decides the match, on fewer codes than a search wants: the first try finds too
            // few, but a quarter of one word, or any one word, is that word again
            String query = "impetigo";
            var plan = index.plan(query, CodeSystem.ICD10CM, false, false);
            assertThat(index.searcher().count(plan.query())).isBetween(1, SearchWeights.RELAX_BELOW_HITS - 1);
            postings.clear();
            List<CodeHit> hits = index.search(query, CodeSystem.ICD10CM, false, 10);

            assertThat(hits).isNotEmpty();
            // the word's match clause is in every try once: its postings are opened by one try only
            assertThat(postings.get("match:impetigo")).hasValue(1);
        }
    }

    @Test
    void aSearchReadsNoPostingsOfTheCodersDefaults() throws IOException {
        Map<String, AtomicInteger> postings = new ConcurrentHashMap<>();
        try (CodeSearchIndex index = countingPostings(postings)) {
            postings.clear(); // the marks are read when the index opens
            assertThat(index.search("displaced fx shaft of left clavicle", null, false, 10))
                    .isNotEmpty();
            assertThat(postings).isNotEmpty();
            assertThat(postings.keySet())
                    .noneMatch(term -> term.startsWith(CodeIndexFields.BILLABLE + ":")
                            || term.startsWith(CodeIndexFields.INITIAL + ":")
                            || term.startsWith(CodeIndexFields.DEFAULT_CHOICE + ":")
                            || term.startsWith(CodeIndexFields.UNCOMPLICATED + ":")
                            || term.startsWith(CodeIndexFields.NOT_RESIDUAL + ":"));
        }
    }

    @Test
    void theCodersDefaultsScoreEveryCodeWhatFiveConstantScoreClausesScored() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(ShippedIndex.directory())) {
            IndexSearcher searcher = new IndexSearcher(reader);
            CodersDefaults defaults = new CodersDefaults();
            defaults.readAll(reader);
            for (boolean initial : new boolean[] {true, false}) {
                for (boolean notResidual : new boolean[] {true, false}) {
                    BooleanQuery.Builder five = new BooleanQuery.Builder();
                    five.add(constant(CodeIndexFields.BILLABLE, "true", SearchWeights.BILLABLE), Occur.SHOULD);
                    if (initial) {
                        five.add(constant(CodeIndexFields.INITIAL, "1", SearchWeights.INITIAL_ENCOUNTER), Occur.SHOULD);
                    }
                    five.add(constant(CodeIndexFields.DEFAULT_CHOICE, "1", SearchWeights.DEFAULT_CHOICE), Occur.SHOULD);
                    five.add(constant(CodeIndexFields.UNCOMPLICATED, "1", SearchWeights.UNCOMPLICATED), Occur.SHOULD);
                    if (notResidual) {
                        five.add(constant(CodeIndexFields.NOT_RESIDUAL, "1", SearchWeights.NOT_RESIDUAL), Occur.SHOULD);
                    }
                    float[] expected = scores(searcher, five.build(), reader.maxDoc());
                    float[] actual = scores(searcher, defaults.query(initial, notResidual), reader.maxDoc());
                    assertThat(actual)
                            .as("initial %s, not residual %s", initial, notResidual)
                            .containsExactly(expected);
                    // every kind of code is there: the marks are not all alike
                    assertThat(new java.util.HashSet<>(java.util.Arrays.asList(box(actual))))
                            .hasSizeGreaterThan(3);
                }
            }
        }
    }

    @Test
    void aMisspeltWordIsIntersectedWithTheTermDictionaryByTheIndexItself() throws IOException {
        List<CountingReader.Intersection> intersections = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (CodeSearchIndex index = recordingIntersections(intersections)) {
            // a word of 4+ letters the index does not know and cannot correct: looked for fuzzily
            index.search("zqxwvtrk", CodeSystem.ICD10CM, false, 10);
        }
        // without it, Lucene's default walks the terms enum seek by seek and the index's own is never asked
        assertThat(intersections).isNotEmpty();
    }

    @Test
    void aMisspeltWordsAutomatonIsBuiltOnceForEveryField() throws IOException {
        List<CountingReader.Intersection> intersections = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (CodeSearchIndex index = recordingIntersections(intersections)) {
            index.search("zqxwvtrk", CodeSystem.ICD10CM, false, 10);
        }
        java.util.Set<String> fields = new java.util.HashSet<>();
        java.util.Set<Object> automata = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (CountingReader.Intersection i : intersections) {
            fields.add(i.field());
            automata.add(i.automaton());
        }
        // the word is looked for in the title, other-names, index and match fields ...
        assertThat(fields)
                .contains(CodeIndexFields.TITLE, CodeIndexFields.ALT, CodeIndexFields.INDEX, CodeIndexFields.MATCH);
        // ... with one automaton (two edits for 8 letters), not one per field
        assertThat(automata).hasSize(1);
    }

    /** A search index over the shipped books whose reader records each intersection of a field with an automaton. */
    private static CodeSearchIndex recordingIntersections(List<CountingReader.Intersection> intersections)
            throws IOException {
        return new CodeSearchIndex(
                new CountingReader(
                        DirectoryReader.open(ShippedIndex.directory()),
                        new ConcurrentHashMap<>(),
                        new ConcurrentHashMap<>(),
                        intersections),
                ShippedCodeBooks.get().synonyms());
    }

    private static Query constant(String field, String value, float boost) {
        return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, value))), boost);
    }

    /** Each code's score (0 when the query does not match it). */
    private static float[] scores(IndexSearcher searcher, Query query, int maxDoc) throws IOException {
        float[] scores = new float[maxDoc];
        for (ScoreDoc hit : searcher.search(query, maxDoc).scoreDocs) {
            scores[hit.doc] = hit.score;
        }
        return scores;
    }

    private static Float[] box(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
