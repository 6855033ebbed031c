package org.chart2claim.codebook;

import java.util.List;

/**
 * Everything read from the code-book files: the code sets, the synonyms and a hash of the content (used
 * to decide whether the search index on disk is still current).
 *
 * @param sets        one {@link CodeSet} per system and version, in load order
 * @param synonyms    search synonyms (apply to every set)
 * @param contentHash hex SHA-256 over the names and bytes of every file read
 */
public record LoadedCodeBooks(List<CodeSet> sets, List<Synonym> synonyms, String contentHash) {
    public LoadedCodeBooks {
        sets = List.copyOf(sets);
        synonyms = List.copyOf(synonyms);
    }
}
