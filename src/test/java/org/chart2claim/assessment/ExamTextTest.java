package org.chart2claim.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExamTextTest {

    @Test
    void wrappedLinesOfAParagraphAreJoined() {
        assertThat(ExamText.reflow("A 77-year-old man is seen. Assessment: chronic diastolic\n"
                        + "heart failure, compensated; 0.5 mL\n"
                        + "45 minutes later. Which codes are reported?\n"))
                .isEqualTo("A 77-year-old man is seen. Assessment: chronic diastolic heart failure, compensated; 0.5 mL"
                        + " 45 minutes later. Which codes are reported?");
    }

    @Test
    void paragraphsAndListItemsKeepTheirLineBreaks() {
        assertThat(ExamText.reflow("Three lacerations were repaired:\n"
                        + "- right forearm, 3.0 cm, layered\n"
                        + "  closure\n"
                        + "- left hand, 2.0 cm\n"
                        + "1. first\n"
                        + "2) second\n"
                        + "\n"
                        + "Which codes are\n"
                        + "reported?"))
                .isEqualTo("Three lacerations were repaired:\n"
                        + "- right forearm, 3.0 cm, layered closure\n"
                        + "- left hand, 2.0 cm\n"
                        + "1. first\n"
                        + "2) second\n"
                        + "\n"
                        + "Which codes are reported?");
        assertThat(ExamText.reflow(null)).isNull();
    }
}
