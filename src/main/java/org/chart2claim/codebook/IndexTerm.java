package org.chart2claim.codebook;

import java.util.List;

/**
 * An Alphabetic Index entry: a main term (level 0) or a subterm, with the code it leads to and/or a
 * cross reference. Coders look a condition up here first, then verify the code in the Tabular List.
 *
 * @param term     the term without its nonessential modifiers, e.g. "Diabetes, diabetic"
 * @param nemod    nonessential modifiers printed in parentheses, e.g. "(mellitus) (sugar)"; empty if none
 * @param code     the code the term leads to (as printed, may be a header such as {@code E11.4-}
 *                 without the dash); empty when the term only refers elsewhere
 * @param see      "see" reference: the term to look up instead; empty if none
 * @param seeAlso  "see also" reference: another term that may help; empty if none
 * @param subterms indented subterms, in book order
 */
public record IndexTerm(String term, String nemod, String code, String see, String seeAlso, List<IndexTerm> subterms) {

    public IndexTerm {
        nemod = nemod == null ? "" : nemod;
        code = code == null ? "" : code;
        see = see == null ? "" : see;
        seeAlso = seeAlso == null ? "" : seeAlso;
        subterms = List.copyOf(subterms);
    }

    /** Term followed by its nonessential modifiers, as printed. */
    public String printed() {
        return nemod.isEmpty() ? term : term + " " + nemod;
    }
}
