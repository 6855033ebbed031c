package org.chart2claim.codebook.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOBooleanSupplier;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * A reader that counts, by {@code field:term}, the exact seeks that reach the term dictionary and the posting
 * lists opened (each try of a search that names a term opens its postings), and records each intersection of a
 * field's terms with an automaton (a fuzzy word, a code prefix).
 */
final class CountingReader extends FilterDirectoryReader {
    private final Map<String, AtomicInteger> lookups;
    private final Map<String, AtomicInteger> postings;
    private final List<Intersection> intersections;

    /** A field's terms intersected with an automaton. */
    record Intersection(String field, CompiledAutomaton automaton) {}

    CountingReader(DirectoryReader in, Map<String, AtomicInteger> lookups, Map<String, AtomicInteger> postings)
            throws IOException {
        this(in, lookups, postings, new java.util.concurrent.CopyOnWriteArrayList<>());
    }

    CountingReader(
            DirectoryReader in,
            Map<String, AtomicInteger> lookups,
            Map<String, AtomicInteger> postings,
            List<Intersection> intersections)
            throws IOException {
        super(in, new SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader reader) {
                return new FilterLeafReader(reader) {
                    @Override
                    public Terms terms(String field) throws IOException {
                        Terms terms = super.terms(field);
                        return terms == null
                                ? null
                                : new FilterTerms(terms) {
                                    @Override
                                    public TermsEnum iterator() throws IOException {
                                        return new Enum(in.iterator(), field, lookups, postings);
                                    }

                                    @Override
                                    public TermsEnum intersect(CompiledAutomaton automaton, BytesRef startTerm)
                                            throws IOException {
                                        intersections.add(new Intersection(field, automaton));
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
                };
            }
        });
        this.lookups = lookups;
        this.postings = postings;
        this.intersections = intersections;
    }

    private static final class Enum extends FilterLeafReader.FilterTermsEnum {
        private final String field;
        private final Map<String, AtomicInteger> lookups;
        private final Map<String, AtomicInteger> postings;

        Enum(TermsEnum in, String field, Map<String, AtomicInteger> lookups, Map<String, AtomicInteger> postings) {
            super(in);
            this.field = field;
            this.lookups = lookups;
            this.postings = postings;
        }

        @Override
        public boolean seekExact(BytesRef text) throws IOException {
            count(lookups, field, text);
            return in.seekExact(text);
        }

        @Override
        public IOBooleanSupplier prepareSeekExact(BytesRef text) throws IOException {
            count(lookups, field, text);
            return in.prepareSeekExact(text);
        }

        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
            count(postings, field, in.term());
            return in.postings(reuse, flags);
        }

        @Override
        public ImpactsEnum impacts(int flags) throws IOException {
            count(postings, field, in.term());
            return in.impacts(flags);
        }
    }

    private static void count(Map<String, AtomicInteger> counts, String field, BytesRef text) {
        counts.computeIfAbsent(field + ":" + text.utf8ToString(), k -> new AtomicInteger())
                .incrementAndGet();
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
        return new CountingReader(in, lookups, postings, intersections);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return in.getReaderCacheHelper();
    }
}
