package org.chart2claim.codebook.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.chart2claim.codebook.CodeSystem;
import org.junit.jupiter.api.Test;

/** Analyzer and query behaviour over the shipped books. */
class CodeSearchIndexTest {

    private final CodeSearchIndex index = ShippedIndex.get();

    private List<String> codes(String query, CodeSystem system, int limit) {
        return index.search(query, system, false, limit).stream()
                .map(CodeHit::code)
                .toList();
    }

    private String first(String query) {
        List<String> found = codes(query, null, 1);
        return found.isEmpty() ? null : found.getFirst();
    }

    @Test
    void codesWithAndWithoutDotAnyCase() {
        assertThat(first("E11.9")).isEqualTo("E11.9");
        assertThat(first("e119")).isEqualTo("E11.9");
        assertThat(first(" E11.9 ")).isEqualTo("E11.9");
        assertThat(first("j449")).isEqualTo("J44.9");
        assertThat(first("s022xxa")).isEqualTo("S02.2XXA");
        assertThat(first("99213")).isEqualTo("99213");
        assertThat(first("j2405")).isEqualTo("J2405");
    }

    @Test
    void codePrefixListsTheFamilyInBookOrder() {
        assertThat(codes("E11.", null, 4)).containsExactly("E11", "E11.0", "E11.00", "E11.01");
        assertThat(codes("e11", CodeSystem.ICD10CM, 3)).containsExactly("E11", "E11.0", "E11.00");
        assertThat(codes("I50.2", null, 10)).first().isEqualTo("I50.2");
        assertThat(codes("I50.2", null, 10)).allMatch(c -> c.startsWith("I50.2"));
    }

    @Test
    void abbreviationsExpand() {
        assertThat(first("CHF")).isEqualTo("I50.9");
        assertThat(first("COPD")).isEqualTo("J44.9");
        assertThat(first("htn")).isEqualTo("I10");
        assertThat(first("DM2")).isEqualTo("E11.9");
        assertThat(first("UTI")).isEqualTo("N39.0");
        assertThat(first("GERD")).isEqualTo("K21.9");
        assertThat(first("afib")).isEqualTo("I48.91");
        // an abbreviation inside a longer query keeps matching the expansion's family
        assertThat(first("COPD exacerbation")).isEqualTo("J44.1");
        assertThat(codes("COPD", null, 10)).contains("J44.1", "J44.0");
    }

    @Test
    void misspellingsStillFind() {
        assertThat(first("pnuemonia")).isEqualTo("J18.9");
        assertThat(first("pnemonia")).isEqualTo("J18.9");
        assertThat(first("hypertention")).isEqualTo("I10");
        assertThat(codes("diabetis type 2 without complications", null, 3)).contains("E11.9");
    }

    @Test
    void stemmingMatchesOtherWordForms() {
        assertThat(codes("fractures of nasal bone", null, 5)).contains("S02.2XXA");
        assertThat(codes("sprained left ankle", null, 10)).contains("S93.402A");
    }

    @Test
    void phraseAndSpecificityRanking() {
        assertThat(first("right knee pain")).isEqualTo("M25.561");
        assertThat(first("left knee pain")).isEqualTo("M25.562");
        assertThat(first("type 2 diabetes with diabetic neuropathy")).isEqualTo("E11.40");
        assertThat(first("laceration left index finger without damage to nail initial encounter"))
                .isEqualTo("S61.211A");
        assertThat(first("lightweight wheelchair")).isEqualTo("K0003");
    }

    @Test
    void theEncounterRanksButTheInjuryDecidesWhatMatches() {
        // "initial encounter" is in thousands of titles: it picks the 7th character, not the injury
        assertThat(first("right ankle sprain initial encounter")).isEqualTo("S93.401A");
        assertThat(first("right ankle sprain subsequent encounter")).isEqualTo("S93.401D");
        assertThat(first("sprain of right ankle sequela")).isEqualTo("S93.401S");
        assertThat(codes("right ankle sprain initial encounter", CodeSystem.ICD10CM, 10))
                .allMatch(c -> c.startsWith("S93."));
        // with nothing but the encounter words, they are what must match
        assertThat(codes("initial encounter", CodeSystem.ICD10CM, 10))
                .isNotEmpty()
                .allMatch(c -> c.endsWith("A"));
    }

    @Test
    void abbreviationsAreFoundAnywhereInTheQuery() {
        // synonyms are looked up by their first word, then checked as whole words
        assertThat(codes("acute COPD exacerbation", null, 10)).contains("J44.1");
        assertThat(first("patient with htn")).isEqualTo("I10");
        assertThat(first("chronic afib")).startsWith("I48");
    }

    @Test
    void layWordsNumbersAndHeadNouns() {
        assertThat(first("cellulitis of left leg")).isEqualTo("L03.116"); // leg = lower limb
        assertThat(first("history of breast cancer")).isEqualTo("Z85.3"); // cancer = malignant neoplasm
        assertThat(first("ondansetron 4 mg")).isEqualTo("J2405"); // numbers rank but are not required
        assertThat(first("bmi 35")).isEqualTo("Z68.35"); // 35 finds 35.0-35.9
        assertThat(first("pregnant 20 weeks")).isEqualTo("Z3A.20");
        assertThat(first("ckd stage 3")).startsWith("N18.3");
        assertThat(first("ekg")).isEqualTo("93000");
        assertThat(index.search("walker", CodeSystem.HCPCS, false, 2))
                .allMatch(h -> h.title().startsWith("Walker")); // the item itself before its attachments
    }

    @Test
    void preferBillableCodesOverHeaders() {
        // the two billable codes come right after their header; other families come later
        assertThat(codes("type 2 diabetes mellitus with ketoacidosis", null, 3))
                .containsExactlyInAnyOrder("E11.1", "E11.10", "E11.11");
        assertThat(index.search("heart failure", null, false, 1).getFirst().billable())
                .isTrue();
        assertThat(index.search("diabetes", CodeSystem.ICD10CM, true, 50)).allMatch(CodeHit::billable);
    }

    @Test
    void systemFilter() {
        assertThat(index.search("injection", CodeSystem.HCPCS, false, 20))
                .allMatch(h -> h.system() == CodeSystem.HCPCS)
                .isNotEmpty();
        assertThat(index.search("office visit established", CodeSystem.CPT, false, 5))
                .allMatch(h -> h.system() == CodeSystem.CPT)
                .isNotEmpty();
        assertThat(index.search("E11.9", CodeSystem.HCPCS, false, 5)).isEmpty();
    }

    @Test
    void hostileInputNeverThrows() {
        String huge = "fracture ".repeat(1200);
        for (String q : new String[] {
            "\"",
            "*",
            "?",
            "AND OR",
            "NOT",
            "a:b",
            "(((",
            "[1 TO 5]",
            "\\",
            "~2",
            "\"unbalanced",
            "title:E11*",
            "💥 🩺",
            "Ωμέγα",
            "中文",
            "\u0000\u0007",
            "",
            "   ",
            huge,
            "e".repeat(10_000),
            "E11.9 OR 1=1; DROP TABLE codes",
            "paim fevr couh rahs nasea vomting dizy hedache brest lefft rigt knea ankel wrst elbw shoulder xyzzy",
            "%",
            "./..//",
            "-",
            "—",
            "\uD800"
        }) {
            assertThatCode(() -> index.search(q, null, false, 10))
                    .as(q.length() > 40 ? q.substring(0, 40) : q)
                    .doesNotThrowAnyException();
        }
        assertThat(index.search("", null, false, 10)).isEmpty();
        assertThat(index.search(null, null, false, 10)).isEmpty();
        assertThat(index.search(huge, null, false, 10)).isNotEmpty();
    }

    @Test
    void limitIsClamped() {
        assertThat(index.search("pain", null, false, 0)).hasSize(1);
        assertThat(index.search("pain", null, false, 10_000)).hasSizeLessThanOrEqualTo(CodeSearchIndex.MAX_LIMIT);
    }
}
