package org.chart2claim.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void sameTextsHaveNoChanges() {
        assertThat(LineDiff.between("a\nb\nc", "a\nb\nc")).isEmpty();
    }

    @Test
    void aChangedLineIsRemovedAndAddedWithItsLineNumbers() {
        List<LineDiff.Change> changes =
                LineDiff.between("id: x\n  - {code: \"99214\"}\nnote", "id: x\n  - {code: \"99213\"}\nnote");
        assertThat(changes)
                .extracting(LineDiff.Change::toString)
                .containsExactly("- 2:   - {code: \"99214\"}", "+ 2:   - {code: \"99213\"}");
    }

    @Test
    void insertedAndDeletedLinesKeepTheRestInPlace() {
        List<LineDiff.Change> changes = LineDiff.between("a\nb\nc\nd\ne", "a\nc\nd\nx\ne\nf");
        assertThat(changes).extracting(LineDiff.Change::toString).containsExactly("- 2: b", "+ 4: x", "+ 6: f");
    }

    @Test
    void aHugeDifferenceIsListedWholeInsteadOfCompared() {
        String older = "x\n".repeat(LineDiff.MAX_LINES + 1);
        String newer = "y\n".repeat(LineDiff.MAX_LINES + 1);
        List<LineDiff.Change> changes = LineDiff.between(older, newer);
        assertThat(changes).hasSize(2 * (LineDiff.MAX_LINES + 1));
        assertThat(changes.getFirst().added()).isFalse();
        assertThat(changes.getLast().added()).isTrue();
    }
}
