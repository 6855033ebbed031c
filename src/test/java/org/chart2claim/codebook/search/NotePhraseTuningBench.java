package org.chart2claim.codebook.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Set;
import org.chart2claim.codebook.search.SearchQuality.Query;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The tuning loop of the note-phrase search: the DEV sets only ("tuning", "tuning2" rows and the shared
 * dev queries), with their misses, over the full imported set with each Alphabetic Index variant.
 * Held-out phrases are neither measured nor printed here: {@link NotePhraseSearchTest} measures them.
 * Run: {@code ./mvnw test -Pbench -Dtest=NotePhraseTuningBench [-Dindex=FULL]}.
 */
@Tag("bench")
class NotePhraseTuningBench {

    @Test
    void devSetsOverTheFullImportedSet() {
        assumeTrue(FullScaleIndex.available(), "reference data absent: ../shared/reference");
        List<Query> phrases = SearchQuality.notePhrases();
        List<Query> dev = SearchQuality.devQueries(FullScaleIndex.REFERENCE.resolve("search-dev-queries.tsv"));
        String only = System.getProperty("index", "");
        for (FullScaleIndex.Index variant : FullScaleIndex.Index.values()) {
            if (!only.isEmpty() && !variant.name().equals(only)) {
                continue;
            }
            CodeSearchIndex index = FullScaleIndex.build(variant, Set.of());
            NotePhraseSearchTest.report(
                    variant + ", tuning", phrases, q -> q.split().equals("tuning"), index);
            NotePhraseSearchTest.report(
                    variant + ", tuning2", phrases, q -> q.split().equals("tuning2"), index);
            NotePhraseSearchTest.report(variant + ", shared dev queries", dev, q -> true, index);
        }
    }
}
