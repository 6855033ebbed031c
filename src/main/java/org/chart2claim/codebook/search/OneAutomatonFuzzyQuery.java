package org.chart2claim.codebook.search;

import java.io.IOException;
import java.util.Iterator;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeSource;

/**
 * A misspelt word's fuzzy query on one field whose Levenshtein automata are built once for every field the word
 * is looked for in ({@link Automaton}): a search looks for the word in the title, other-names, index and match
 * fields, and Lucene builds the same automata (they depend on the word and the edit distance, not the field) for
 * each. The terms found, their boosts and so every score are Lucene's own.
 *
 * <p>Lucene keeps a fuzzy query's automata in an attribute of the rewrite it runs in, to share them between
 * index segments; its type is private. This query hands the attribute built for the first field to the rewrites
 * of the others (Lucene's fuzzy terms enum then finds it there and builds nothing). Should a Lucene version no
 * longer keep it so, each field builds its own again, as before: slower, never different.
 */
final class OneAutomatonFuzzyQuery extends FuzzyQuery {

    /** The name of Lucene's attribute that holds a fuzzy terms enum's automata. */
    private static final String AUTOMATON_ATTRIBUTE = "org.apache.lucene.search.FuzzyTermsEnum$AutomatonAttributeImpl";

    /** The automata of one word, once the first of its queries has built them; shared by its queries. */
    static final class Automaton {
        private volatile AttributeImpl built;
    }

    private final Automaton automaton;

    /** Arguments as {@link FuzzyQuery#FuzzyQuery(Term, int, int, int, boolean)}; the same for all fields. */
    OneAutomatonFuzzyQuery(
            Term term, int maxEdits, int prefixLength, int maxExpansions, boolean transpositions, Automaton automaton) {
        super(term, maxEdits, prefixLength, maxExpansions, transpositions);
        this.automaton = automaton;
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        AttributeImpl known = automaton.built;
        if (known != null) {
            // a rewrite's attributes hold one automaton attribute: this one, when added first
            atts.addAttributeImpl(known);
        }
        TermsEnum found = super.getTermsEnum(terms, atts);
        if (known == null) {
            automaton.built = automatonAttribute(atts);
        }
        return found;
    }

    private static AttributeImpl automatonAttribute(AttributeSource atts) {
        for (Iterator<AttributeImpl> it = atts.getAttributeImplsIterator(); it.hasNext(); ) {
            AttributeImpl attribute = it.next();
            if (attribute.getClass().getName().equals(AUTOMATON_ATTRIBUTE)) {
                return attribute;
            }
        }
        return null;
    }
}
