package org.chart2claim.codebook.search;

import static org.chart2claim.codebook.search.CodeIndexFields.*;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.Synonym;

/**
 * A searchable, read-only view of a code index written by {@link CodeIndexWriter}. Thread-safe.
 */
public final class CodeSearchIndex implements Closeable {

    /** Results are capped: a type-ahead never needs more. */
    public static final int MAX_LIMIT = 200;

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final CodeQueryBuilder queries;

    public CodeSearchIndex(Directory directory, List<Synonym> synonyms) throws IOException {
        this(DirectoryReader.open(directory), synonyms);
    }

    /** Over an open reader (which it closes); tests pass one that counts term look-ups. */
    CodeSearchIndex(DirectoryReader opened, List<Synonym> synonyms) throws IOException {
        this.reader = new OncePerSearchTermLookups(opened);
        this.searcher = new IndexSearcher(reader);
        // no filter cache: a search's filters are its own words, seldom asked again, and the cache's bookkeeping
        // (hashing every filter of every query) cost more than it saved
        searcher.setQueryCache(null);
        SpellingCorrector speller = new SpellingCorrector(reader, TITLE, ALT, INDEX);
        CodersDefaults codersDefaults = new CodersDefaults();
        codersDefaults.readAll(reader);
        this.queries = new CodeQueryBuilder(
                new CodeTextAnalyzer(), synonyms, speller::correct, speller::knows, this::isAcronym, codersDefaults);
    }

    /**
     * Searches codes. Never throws on odd input: blank or unsearchable text gives an empty list.
     *
     * @param system       restrict to one code system, or null for all
     * @param billableOnly leave out headers
     * @param limit        1 to {@link #MAX_LIMIT}
     */
    public List<CodeHit> search(String text, CodeSystem system, boolean billableOnly, int limit) {
        return search(text, system, billableOnly, limit, SearchWeights.FIT_CANDIDATES);
    }

    /** @param fitCandidates how many of the best hits the sibling choice reorders (benches compare values) */
    List<CodeHit> search(String text, CodeSystem system, boolean billableOnly, int limit, int fitCandidates) {
        int n = Math.clamp(limit, 1, MAX_LIMIT);
        int candidates = Math.max(n, fitCandidates);
        try {
            // every try looks each of its terms up once (OncePerSearchTermLookups)
            return OncePerSearchTermLookups.during(() -> {
                CodeQueryBuilder.Plan plan = queries.plan(text, system, billableOnly, false);
                ScoreDoc[] strict = fit(top(plan.query(), candidates), plan.said(), n);
                // a later try that asks for as many words as the one before is the same query: it would find the
                // same codes, so it does not run
                if (strict.length >= Math.min(n, SearchWeights.RELAX_BELOW_HITS)
                        || !plan.asksFewerWords(CodeQueryBuilder.Share.QUARTER)) {
                    return hits(strict);
                }
                // too few codes hold the required words: try again with a quarter of them, first try's codes first
                ScoreDoc[] relaxed = fit(top(plan.relaxed(), candidates), plan.said(), n);
                ScoreDoc[] merged = merge(strict, relaxed, n);
                if (merged.length >= Math.min(n, SearchWeights.RELAX_BELOW_HITS)
                        || !plan.asksFewerWords(CodeQueryBuilder.Share.ANY)) {
                    return hits(merged);
                }
                // still too few (a long note of documentation words): any one word, the codes found so far first
                ScoreDoc[] any = fit(top(plan.retry().apply(CodeQueryBuilder.Share.ANY), candidates), plan.said(), n);
                return hits(merge(merged, any, n));
            });
        } catch (IndexSearcher.TooManyClauses e) {
            // cannot happen with the built-in limits (16 words, few fuzzy expansions), but a user string
            // must never surface as an error: an over-large query simply finds nothing
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("search index could not be read", e);
        }
    }

    /**
     * The best {@code k} codes, best first (ties in document order). Every hit is scored (no skipping by
     * impact blocks): the coder's defaults and boosts give nearly every code a high upper bound, so the
     * skipping never skipped and its bookkeeping (impacts read per block) only cost time; the hits and
     * scores are the same.
     */
    private ScoreDoc[] top(Query query, int k) throws IOException {
        return searcher.search(query, new TopScoreDocCollectorManager(k, Integer.MAX_VALUE)).scoreDocs;
    }

    /**
     * The sibling choice ({@link TitleFit}) over the best hits, re-sorted, cut to {@code n}. Doc values are
     * read in document order.
     */
    private ScoreDoc[] fit(ScoreDoc[] top, TitleFit.Said said, int n) throws IOException {
        if (said == null || top.length < 2) {
            return top.length > n ? Arrays.copyOf(top, n) : top;
        }
        ScoreDoc[] byDocument = top.clone();
        Arrays.sort(byDocument, Comparator.comparingInt(d -> d.doc));
        List<TitleFit.Candidate> candidates = new java.util.ArrayList<>(byDocument.length);
        List<LeafReaderContext> leaves = reader.leaves();
        int leafIndex = -1;
        BinaryDocValues values = null;
        for (ScoreDoc d : byDocument) {
            int leaf = ReaderUtil.subIndex(d.doc, leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                values = leaves.get(leaf).reader().getBinaryDocValues(FIT);
            }
            if (values == null || !values.advanceExact(d.doc - leaves.get(leaf).docBase)) {
                throw new IOException("search index entry " + d.doc + " has no title data: index is damaged");
            }
            candidates.add(TitleFit.decode(values.binaryValue().utf8ToString()));
        }
        float[] change = TitleFit.adjustments(candidates, said);
        ScoreDoc[] adjusted = new ScoreDoc[byDocument.length];
        for (int i = 0; i < adjusted.length; i++) {
            adjusted[i] = new ScoreDoc(byDocument[i].doc, byDocument[i].score + change[i]);
        }
        Arrays.sort(
                adjusted, Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
        return adjusted.length > n ? Arrays.copyOf(adjusted, n) : adjusted;
    }

    private static ScoreDoc[] merge(ScoreDoc[] first, ScoreDoc[] then, int n) {
        java.util.LinkedHashMap<Integer, ScoreDoc> merged = new java.util.LinkedHashMap<>();
        for (ScoreDoc d : first) {
            merged.put(d.doc, d);
        }
        for (ScoreDoc d : then) {
            if (merged.size() >= n) {
                break;
            }
            merged.putIfAbsent(d.doc, d);
        }
        return merged.values().toArray(ScoreDoc[]::new);
    }

    /** The hits in score order; their doc values are read in document order, as doc values must be. */
    private List<CodeHit> hits(ScoreDoc[] top) throws IOException {
        Integer[] byDocument = new Integer[top.length];
        for (int i = 0; i < top.length; i++) {
            byDocument[i] = i;
        }
        Arrays.sort(byDocument, Comparator.comparingInt(i -> top[i].doc));
        CodeHit[] hits = new CodeHit[top.length];
        List<LeafReaderContext> leaves = reader.leaves();
        int leafIndex = -1;
        BinaryDocValues values = null;
        for (int i : byDocument) {
            int doc = top[i].doc;
            int leaf = ReaderUtil.subIndex(doc, leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                values = leaves.get(leaf).reader().getBinaryDocValues(HIT);
            }
            if (values == null || !values.advanceExact(doc - leaves.get(leaf).docBase)) {
                throw new IOException("search index entry " + doc + " has no result data: index is damaged");
            }
            hits[i] = HitValue.decode(values.binaryValue(), top[i].score);
        }
        return List.of(hits);
    }

    private boolean isAcronym(String word) {
        try {
            return reader.docFreq(new Term(ACRONYM, word)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first ({@code relaxed} false) or second try's query, for benches that take a search apart. */
    CodeQueryBuilder.Plan plan(String text, CodeSystem system, boolean billableOnly, boolean relaxed) {
        return queries.plan(text, system, billableOnly, relaxed);
    }

    IndexSearcher searcher() {
        return searcher;
    }

    /** Number of indexed entries. */
    public int size() {
        return reader.numDocs();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
