package org.chart2claim.codebook.search;

import static org.chart2claim.codebook.search.CodeIndexFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * What a coder picks when the note says nothing else ({@link SearchWeights#BILLABLE}, {@link
 * SearchWeights#INITIAL_ENCOUNTER}, {@link SearchWeights#DEFAULT_CHOICE}, {@link SearchWeights#UNCOMPLICATED},
 * {@link SearchWeights#NOT_RESIDUAL}) as one clause of a query. Each code's five marks are read once from the
 * index's postings (one byte per code, kept per index segment), and the clause scores a code the sum of the
 * boosts of its marks that the query asks for.
 *
 * <p>It gives exactly what five constant-score clauses gave: each boost is a small binary fraction, so their
 * sum, and the query's sum with it, are exact in any order. What it saves is the work per candidate code: one
 * array read instead of five posting lists, each matching most codes, advanced through a disjunction's heap.
 */
final class CodersDefaults {

    private static final int BILLABLE_MARK = 1;
    private static final int INITIAL_MARK = 2;
    private static final int DEFAULT_MARK = 4;
    private static final int UNCOMPLICATED_MARK = 8;
    private static final int NOT_RESIDUAL_MARK = 16;
    private static final int MARKS = 32;

    /** The marks of each segment's codes, by the segment's core (the same codes however the reader is wrapped). */
    private final Map<Object, byte[]> marksBySegment = new ConcurrentHashMap<>();

    /** Reads the marks of every segment of the reader now, so no search pays for it. */
    void readAll(IndexReader reader) {
        for (LeafReaderContext leaf : reader.leaves()) {
            marks(leaf.reader());
        }
    }

    /**
     * The clause for a query: every code scores the sum of the boosts of its marks.
     *
     * @param initialEncounter whether the initial encounter counts (not when the query names another encounter)
     * @param notResidual      whether a title that is not a residual "Other ..." category counts (not when the
     *                         query says "other")
     */
    Query query(boolean initialEncounter, boolean notResidual) {
        float[] scores = new float[MARKS];
        for (int marks = 0; marks < MARKS; marks++) {
            float score = 0f;
            if ((marks & BILLABLE_MARK) != 0) {
                score += SearchWeights.BILLABLE;
            }
            if (initialEncounter && (marks & INITIAL_MARK) != 0) {
                score += SearchWeights.INITIAL_ENCOUNTER;
            }
            if ((marks & DEFAULT_MARK) != 0) {
                score += SearchWeights.DEFAULT_CHOICE;
            }
            if ((marks & UNCOMPLICATED_MARK) != 0) {
                score += SearchWeights.UNCOMPLICATED;
            }
            if (notResidual && (marks & NOT_RESIDUAL_MARK) != 0) {
                score += SearchWeights.NOT_RESIDUAL;
            }
            scores[marks] = score;
        }
        return new Defaults(this, scores);
    }

    private byte[] marks(LeafReader leaf) {
        Object core = leaf.getCoreCacheHelper() == null
                ? leaf
                : leaf.getCoreCacheHelper().getKey();
        return marksBySegment.computeIfAbsent(core, key -> {
            try {
                byte[] marks = new byte[leaf.maxDoc()];
                mark(leaf, BILLABLE, "true", BILLABLE_MARK, marks);
                mark(leaf, INITIAL, "1", INITIAL_MARK, marks);
                mark(leaf, DEFAULT_CHOICE, "1", DEFAULT_MARK, marks);
                mark(leaf, UNCOMPLICATED, "1", UNCOMPLICATED_MARK, marks);
                mark(leaf, NOT_RESIDUAL, "1", NOT_RESIDUAL_MARK, marks);
                return marks;
            } catch (IOException e) {
                throw new UncheckedIOException("search index could not be read", e);
            }
        });
    }

    private static void mark(LeafReader leaf, String field, String value, int mark, byte[] marks) throws IOException {
        Terms terms = leaf.terms(field);
        if (terms == null) {
            return;
        }
        TermsEnum term = terms.iterator();
        if (!term.seekExact(new BytesRef(value))) {
            return;
        }
        PostingsEnum docs = term.postings(null, PostingsEnum.NONE);
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            marks[doc] |= (byte) mark;
        }
    }

    /** The clause: matches every code (a code without marks adds 0, as no clause adding nothing). */
    private static final class Defaults extends Query {
        private final CodersDefaults owner;
        private final float[] scores;

        Defaults(CodersDefaults owner, float[] scores) {
            this.owner = owner;
            this.scores = scores;
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
            float[] boosted = scores.clone();
            float max = 0f;
            for (int i = 0; i < boosted.length; i++) {
                boosted[i] = boost == 1f ? scores[i] : scores[i] * boost;
                max = Math.max(max, boosted[i]);
            }
            float maxScore = max;
            return new Weight(this) {
                @Override
                public Explanation explain(LeafReaderContext context, int doc) {
                    float score = boosted[owner.marks(context.reader())[doc]];
                    return Explanation.match(score, "coder's defaults");
                }

                @Override
                public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                    byte[] marks = owner.marks(context.reader());
                    DocIdSetIterator all = DocIdSetIterator.all(context.reader().maxDoc());
                    Scorer scorer = new Scorer() {
                        @Override
                        public int docID() {
                            return all.docID();
                        }

                        @Override
                        public DocIdSetIterator iterator() {
                            return all;
                        }

                        @Override
                        public float getMaxScore(int upTo) {
                            return maxScore;
                        }

                        @Override
                        public float score() {
                            return boosted[marks[all.docID()]];
                        }
                    };
                    return new DefaultScorerSupplier(scorer);
                }

                @Override
                public boolean isCacheable(LeafReaderContext ctx) {
                    return false;
                }
            };
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public String toString(String field) {
            return "codersDefaults" + Arrays.toString(scores);
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other)
                    && owner == ((Defaults) other).owner
                    && Arrays.equals(scores, ((Defaults) other).scores);
        }

        @Override
        public int hashCode() {
            return 31 * classHash() + Arrays.hashCode(scores);
        }
    }
}
