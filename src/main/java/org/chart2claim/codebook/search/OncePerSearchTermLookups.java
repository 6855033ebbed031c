package org.chart2claim.codebook.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOBooleanSupplier;
import org.apache.lucene.util.IOSupplier;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * The index as a search reads it: during one search ({@link #during}, its first and its relaxed try), each term
 * of each field is looked up in the term dictionary once, however many clauses name it. A query names the same
 * word many times (in the title, other-names and index fields of its dis-max, in the title-words boost, in
 * every title, index and head phrase, again in the relaxed try), and those look-ups were most of the cost of
 * building a query's weights. The terms, their statistics and postings are the index's own, so every score
 * stays exactly what it was. Outside a search (the spelling corrector's scan) nothing is remembered, and
 * nothing is kept from one search to the next: each search pays for its own words, as a new query would.
 */
final class OncePerSearchTermLookups extends FilterDirectoryReader {

    /**
     * The look-ups of the search running on this thread, by leaf, field and term (empty: the term is not in the
     * field); null outside a search.
     */
    private static final ThreadLocal<Map<Key, Optional<TermState>>> CURRENT = new ThreadLocal<>();

    private record Key(Object leaf, String field, BytesRef term) {}

    OncePerSearchTermLookups(DirectoryReader in) throws IOException {
        super(in, new SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader reader) {
                return new Leaf(reader);
            }
        });
    }

    /** Runs one search with its look-ups remembered until it returns (nested calls share the outer one's). */
    static <T> T during(IOSupplier<T> search) throws IOException {
        if (CURRENT.get() != null) {
            return search.get();
        }
        CURRENT.set(new HashMap<>());
        try {
            return search.get();
        } finally {
            CURRENT.remove();
        }
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
        return new OncePerSearchTermLookups(in);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return in.getReaderCacheHelper();
    }

    private static final class Leaf extends FilterLeafReader {

        Leaf(LeafReader in) {
            super(in);
        }

        @Override
        public Terms terms(String field) throws IOException {
            Terms terms = super.terms(field);
            if (terms == null) {
                return null;
            }
            return new FilterTerms(terms) {
                @Override
                public TermsEnum iterator() throws IOException {
                    return new Remembering(in.iterator(), Leaf.this, field);
                }

                /**
                 * The index's own intersection (fuzzy words, code prefixes): Lucene's default walks the terms
                 * enum seek by seek instead of the term dictionary's blocks; the terms are the same, in the same
                 * order.
                 */
                @Override
                public TermsEnum intersect(CompiledAutomaton automaton, BytesRef startTerm) throws IOException {
                    return in.intersect(automaton, startTerm);
                }
            };
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return in.getCoreCacheHelper();
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return in.getReaderCacheHelper();
        }
    }

    /** A terms enum whose exact seeks consult, and fill, the current search's look-ups. */
    private static final class Remembering extends FilterLeafReader.FilterTermsEnum {
        private final Object leaf;
        private final String field;

        Remembering(TermsEnum in, Object leaf, String field) {
            super(in);
            this.leaf = leaf;
            this.field = field;
        }

        @Override
        public boolean seekExact(BytesRef text) throws IOException {
            Map<Key, Optional<TermState>> lookups = CURRENT.get();
            if (lookups == null) {
                return in.seekExact(text);
            }
            Optional<TermState> known = lookups.get(new Key(leaf, field, text));
            if (known != null) {
                if (known.isPresent()) {
                    in.seekExact(text, known.get());
                }
                return known.isPresent();
            }
            boolean found = in.seekExact(text);
            lookups.put(
                    new Key(leaf, field, BytesRef.deepCopyOf(text)),
                    found ? Optional.of(in.termState()) : Optional.empty());
            return found;
        }

        @Override
        public IOBooleanSupplier prepareSeekExact(BytesRef text) throws IOException {
            Map<Key, Optional<TermState>> lookups = CURRENT.get();
            if (lookups == null) {
                return in.prepareSeekExact(text);
            }
            Optional<TermState> known = lookups.get(new Key(leaf, field, text));
            if (known != null && known.isEmpty()) {
                return null; // known to be absent: Lucene's contract for a term that is not there
            }
            return () -> seekExact(text);
        }
    }
}
