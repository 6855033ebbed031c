package org.chart2claim.codebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberRangesTest {

    @Test
    void aRangeInCentimetresHoldsItsWholeNumbersAndTenths() {
        var tokens = NumberRanges.tokens("Simple repair of a wound, total length 2.6 cm to 7.5 cm");
        assertThat(tokens).contains("i3", "i4", "i7", "t26", "t40", "t75").doesNotContain("i2", "i8", "t25", "t76");
    }

    @Test
    void smallerAndLargerEndsAreOpen() {
        assertThat(NumberRanges.tokens("lesion 0.5 cm or smaller"))
                .contains("t0", "t5")
                .doesNotContain("t6");
        assertThat(NumberRanges.tokens("Remove skin tags, up to 15 tags"))
                .contains("i1", "i8", "i15")
                .doesNotContain("i16");
        assertThat(NumberRanges.tokens("Debride 6 or more nails"))
                .contains("i6", "i10")
                .doesNotContain("i5");
        assertThat(NumberRanges.tokens("decision making or 45+ minutes"))
                .contains("i45", "i60")
                .doesNotContain("i44");
        assertThat(NumberRanges.tokens("Tobacco-cessation counseling, over 3 up to 10 minutes"))
                .contains("i4", "i10")
                .doesNotContain("i3", "i11");
    }

    @Test
    void agesAndIndexValues() {
        assertThat(NumberRanges.tokens("established patient, age 1 through 4 years"))
                .contains("i1", "i2", "i4");
        assertThat(NumberRanges.tokens("Body mass index [BMI] 40.0-44.9, adult"))
                .contains("i40", "i42", "i44")
                .doesNotContain("i45", "i39");
        assertThat(NumberRanges.tokens("Type 2 diabetes mellitus without complications"))
                .isEmpty();
    }

    @Test
    void anAgeAndOlderIsOpen() {
        // the preventive visits state the oldest band "65 years and older": a note's "68 y/o" falls in it
        assertThat(NumberRanges.tokens(
                        "Periodic preventive checkup (well visit), established patient, age 65 years and" + " older"))
                .contains("i65", "i68", "i90")
                .doesNotContain("i64");
    }

    @Test
    void aQueryNumberMatchesAsWholeNumberAndInTenths() {
        assertThat(NumberRanges.queryTokens("4")).containsExactly("i4", "t40");
        assertThat(NumberRanges.queryTokens("1.5")).containsExactly("t15");
        assertThat(NumberRanges.queryTokens("42")).containsExactly("i42");
        assertThat(NumberRanges.queryTokens("abc")).isEmpty();
    }

    @Test
    void aDecimalAboveTheTenthsCountsAsItsWholePart() {
        // "BMI 31.5": the range "31.0-31.9" holds i31 only (no tenths above 30)
        assertThat(NumberRanges.queryTokens("31.5")).containsExactly("i31");
        assertThat(NumberRanges.tokens("Body mass index [BMI] 31.0-31.9, adult"))
                .contains("i31");
        assertThat(NumberRanges.queryTokens("29.5")).containsExactly("t295");
    }
}
