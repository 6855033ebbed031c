package org.chart2claim.codebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.chart2claim.codebook.CodeSystem;
import org.junit.jupiter.api.Test;

class GestationalAgeTest {

    @Test
    void weeksOfAPregnancyNameTheirTrimester() {
        assertThat(GestationalAge.trimesterWords("IUP 10 wks, routine prenatal visit"))
                .isEqualTo("first trimester");
        assertThat(GestationalAge.trimesterWords("G2P1 at 13 weeks")).isEqualTo("first trimester");
        assertThat(GestationalAge.trimesterWords("pregnant, 14 wk")).isEqualTo("second trimester");
        assertThat(GestationalAge.trimesterWords("GDM at 27w")).isEqualTo("second trimester");
        assertThat(GestationalAge.trimesterWords("mild preeclampsia, 34 weeks")).isEqualTo("third trimester");
    }

    @Test
    void weeksWithoutAPregnancyNameNone() {
        assertThat(GestationalAge.trimesterWords("s/p R TKA 6 wks ago, here for PT"))
                .isEmpty();
        assertThat(GestationalAge.trimesterWords("pregnant, 60 weeks")).isEmpty();
        assertThat(GestationalAge.trimesterWords("first pregnancy")).isEmpty();
    }

    @Test
    void theTrimesterRanksTheObstetricSiblingThatNamesIt() {
        // before, the weeks said nothing: the "unspecified trimester" sibling came before the first trimester
        assertThat(ShippedIndex.get()
                        .search("first pregnancy, 12 weeks, routine prenatal visit", CodeSystem.ICD10CM, false, 10)
                        .stream()
                        .map(CodeHit::code)
                        .toList())
                .containsSubsequence("Z34.01", "Z34.00");
    }
}
