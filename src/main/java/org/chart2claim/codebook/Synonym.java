package org.chart2claim.codebook;

import java.util.List;

/**
 * A search synonym written by us: an abbreviation or lay term and what it means in book language
 * ({@code CHF} → "congestive heart failure"), optionally pinned to codes it should find.
 *
 * @param term       what a user types (matched case-insensitively as a whole word or phrase)
 * @param expansions book-language phrases the term stands for
 * @param codes      codes (as printed) this term should find, possibly empty
 */
public record Synonym(String term, List<String> expansions, List<String> codes) {
    public Synonym {
        expansions = List.copyOf(expansions);
        codes = List.copyOf(codes);
    }
}
