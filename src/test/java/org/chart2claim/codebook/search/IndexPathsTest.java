package org.chart2claim.codebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.chart2claim.codebook.CodeEntry;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.IndexTerm;
import org.junit.jupiter.api.Test;

/** The Alphabetic Index read as a coder reads it: header codes, "see" references, catch-all codes. */
class IndexPathsTest {

    private static CodeEntry code(String code, String title, boolean billable) {
        return new CodeEntry(code, title, billable, null, code.length(), "", "", null, null, null, "");
    }

    private static IndexTerm term(String term, String code, IndexTerm... subterms) {
        return new IndexTerm(term, "", code, "", "", List.of(subterms));
    }

    private static IndexTerm see(String term, String see) {
        return new IndexTerm(term, "", "", see, "", List.of());
    }

    private static CodeSet set(List<IndexTerm> index, CodeEntry... entries) {
        return new CodeSet(
                CodeSystem.ICD10CM, "T", "test", "test", List.of(), List.of(), List.of(entries), index, List.of());
    }

    private static final CodeEntry[] ENTRIES = {
        code("N76", "Other inflammation of vagina and vulva", false),
        code("N76.0", "Acute vaginitis", true),
        code("S52.53", "Colles' fracture of radius", false),
        code("S52.531", "Colles' fracture of right radius", false),
        code("S52.531A", "Colles' fracture of right radius, initial encounter for closed fracture", true),
        code("S52.531D", "Colles' fracture of right radius, subsequent encounter for closed fracture", true),
        code("S52.6", "Fracture of lower end of ulna", false),
    };

    @Test
    void aTermLeadingToASubcategoryBelongsToEveryCodeBelowIt() {
        IndexPaths paths = IndexPaths.of(set(
                List.of(term("Fracture, traumatic", "", term("radius", "", term("lower end, Colles'", "S52.53")))),
                ENTRIES));
        assertThat(paths.paths.get("S52531A")).containsExactly("Fracture, traumatic radius lower end, Colles'");
        assertThat(paths.paths.get("S52531D")).isNotEmpty();
        assertThat(paths.paths.get("S5253")).isNotEmpty();
        assertThat(paths.paths).doesNotContainKey("S526");
    }

    @Test
    void aSeeReferenceBelongsToTheCodeOfTheTermItNames() {
        IndexPaths paths = IndexPaths.of(set(
                List.of(
                        see("Vaginosis", "Vaginitis"),
                        term("Vaginitis", "N76.0"),
                        see("Pink eye", "Conjunctivitis, acute"),
                        see("Anything", "condition")),
                ENTRIES));
        assertThat(paths.paths.get("N760")).containsExactly("Vaginosis", "Vaginitis");
        assertThat(paths.mainTerms.get("N760")).containsExactly("Vaginosis", "Vaginitis");
        assertThat(paths.resolve("Conjunctivitis, acute")).isEmpty();
        assertThat(paths.resolve("condition")).isEmpty();
    }

    @Test
    void aSeeReferenceFollowsSubtermsAsFarAsTheIndexHasThem() {
        IndexPaths paths = IndexPaths.of(set(
                List.of(term("Fracture, traumatic", "", term("radius", "", term("Colles'", "S52.53")))), ENTRIES));
        assertThat(paths.resolve("Fracture, radius, Colles'")).isEqualTo("S52.53");
        assertThat(paths.resolve("Fracture, radius, Smith's")).isEmpty();
    }

    @Test
    void aCatchAllCodeKeepsOnlySoManyPathsInTheIndex() throws IOException {
        List<IndexTerm> many = new ArrayList<>();
        for (int i = 0; i < SearchWeights.MAX_INDEX_PATHS; i++) {
            many.add(term("Word" + (char) ('a' + i % 26) + (char) ('a' + i / 26), "N76.0"));
        }
        many.add(term("Zebra", "N76.0"));
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        CodeIndexWriter.write(directory, List.of(set(many, ENTRIES)), List.of(), IndexProgressListener.NONE);
        try (CodeSearchIndex index = new CodeSearchIndex(directory, List.of())) {
            assertThat(index.search("wordaa", null, false, 5))
                    .extracting(CodeHit::code)
                    .containsExactly("N76.0");
            assertThat(index.search("zebra", null, false, 5)).isEmpty();
        }
    }

    @Test
    void laterEncountersAreNotTheDefaultChoice() {
        assertThat(
                        CodeIndexWriter.laterEncounter(
                                "colles' fracture of right radius, subsequent encounter for closed fracture with routine healing"))
                .isTrue();
        assertThat(CodeIndexWriter.laterEncounter("colles' fracture of right radius, sequela"))
                .isTrue();
        assertThat(CodeIndexWriter.laterEncounter(
                        "colles' fracture of right radius, initial encounter for closed fracture"))
                .isFalse();
        assertThat(CodeIndexWriter.laterEncounter("acute vaginitis")).isFalse();
    }
}
