package org.chart2claim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A common mistake's answer is parsed once, when the scenario is loaded. */
class AnswerKeyTest {

    @Test
    void commonMistakeAnswersAreParsedIntoCodeModifiersAndUnits() {
        var plain = new AnswerKey.CommonMistake("E11.9", "why");
        assertThat(plain.code()).isEqualTo("E11.9");
        assertThat(plain.modifiers()).isEmpty();
        assertThat(plain.units()).isNull();

        var modified = new AnswerKey.CommonMistake("99203-25-59", "why");
        assertThat(modified.code()).isEqualTo("99203");
        assertThat(modified.modifiers()).containsExactly("25", "59");

        var units = new AnswerKey.CommonMistake("J3301 x4", "why");
        assertThat(units.code()).isEqualTo("J3301");
        assertThat(units.units()).isEqualTo(4);
        assertThat(units.answer()).isEqualTo("J3301 x4");
        assertThat(units.why()).isEqualTo("why");
    }
}
