package org.chart2claim.codebook.search;

import static org.chart2claim.codebook.search.CodeIndexFields.*;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
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
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        SpellingCorrector speller = new SpellingCorrector(reader, TITLE, ALT, INDEX);
        this.queries = new CodeQueryBuilder(new CodeTextAnalyzer(), synonyms, speller::correct, speller::knows);
    }

    /**
     * Searches codes. Never throws on odd input: blank or unsearchable text gives an empty list.
     *
     * @param system       restrict to one code system, or null for all
     * @param billableOnly leave out headers
     * @param limit        1 to {@link #MAX_LIMIT}
     */
    public List<CodeHit> search(String text, CodeSystem system, boolean billableOnly, int limit) {
        int n = Math.clamp(limit, 1, MAX_LIMIT);
        Query query = queries.build(text, system, billableOnly);
        try {
            TopDocs top = searcher.search(query, n);
            StoredFields stored = searcher.storedFields();
            List<CodeHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                Document doc = stored.document(sd.doc);
                hits.add(new CodeHit(CodeSystem.valueOf(doc.get(SYSTEM)), doc.get(CODE), doc.get(TITLE),
                        Boolean.parseBoolean(doc.get(BILLABLE)), sd.score, doc.get(VERSION)));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("search index could not be read", e);
        }
    }

    /** The Lucene query for a text (for diagnostics and tests). */
    Query queryFor(String text, CodeSystem system, boolean billableOnly) {
        return queries.build(text, system, billableOnly);
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
