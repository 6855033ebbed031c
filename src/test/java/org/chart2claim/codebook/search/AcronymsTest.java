package org.chart2claim.codebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chart2claim.codebook.CodeSystem;
import org.junit.jupiter.api.Test;

/** Acronyms typed in a note find the titles that spell them out, with no abbreviation list. */
class AcronymsTest {

    @Test
    void aTitleIsWrittenAsTheInitialsOfItsWordRuns() {
        assertThat(Acronyms.of("Chronic obstructive pulmonary disease with (acute) exacerbation")
                        .split(" "))
                .contains("copd", "cop", "op");
        assertThat(Acronyms.of("Shortness of breath").split(" ")).contains("sob", "sb");
        assertThat(Acronyms.of("Gastro-esophageal reflux disease without esophagitis")
                        .split(" "))
                .contains("gerd");
        assertThat(Acronyms.of("Type 2 diabetes mellitus without complications").split(" "))
                .contains("t2dm");
    }

    @Test
    void onlyWordsTypedInCapitalsCount() {
        assertThat(Acronyms.typed("AOM, left ear; T2DM and R knee")).containsExactly("AOM", "T2DM");
        assertThat(Acronyms.typed("aom left ear")).isEmpty();
    }

    @Test
    void anAcronymNoListKnowsFindsItsTitle() {
        // "AOM" is in neither synonyms.tsv nor note-words.tsv; without the acronym, "ear" codes of any kind
        List<CodeHit> found = ShippedIndex.get().search("AOM, left ear", CodeSystem.ICD10CM, false, 10);
        assertThat(found).isNotEmpty();
        assertThat(found.getFirst().title().toLowerCase(java.util.Locale.ROOT))
                .contains("otitis media")
                .contains("left ear");
    }
}
