package org.chart2claim.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scoring (equal weights, half-up rounding, per domain) and the per-session draw (seeded, stored, split in parts). */
class ExamScoringAndDrawTest {

    @Test
    void aQuestionScoresOnlyItsKeyAndTheExamIsTheMeanRoundedHalfUp() {
        assertThat(ExamScoring.questionScore("B", "B")).isEqualTo(100);
        assertThat(ExamScoring.questionScore("A", "B")).isZero();
        assertThat(ExamScoring.questionScore(null, "B")).isZero();
        List<ExamScoring.ScoredItem> items = List.of(
                new ExamScoring.ScoredItem("ICD_10_CM", 100),
                new ExamScoring.ScoredItem("ICD_10_CM", 0),
                new ExamScoring.ScoredItem("SCENARIO", 75),
                new ExamScoring.ScoredItem("ANATOMY", 100));
        assertThat(ExamScoring.percent(items)).isEqualTo(69); // 275 / 4 = 68.75
        assertThat(ExamScoring.percent(
                        List.of(new ExamScoring.ScoredItem("X", 100), new ExamScoring.ScoredItem("X", 0))))
                .isEqualTo(50);
        assertThat(ExamScoring.percent(List.of(new ExamScoring.ScoredItem("X", 1), new ExamScoring.ScoredItem("X", 0))))
                .isEqualTo(1); // 0.5 rounds up
        assertThat(ExamScoring.percent(List.of())).isZero();
        assertThat(ExamScoring.byDomain(items))
                .containsExactly(Map.entry("ICD_10_CM", 50), Map.entry("SCENARIO", 75), Map.entry("ANATOMY", 100));
    }

    private static List<Question> questions(QuestionDomain domain, int n) {
        List<Question> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new Question(
                    domain.idPrefix() + i,
                    domain,
                    null,
                    null,
                    1,
                    List.of(),
                    "stem " + i,
                    Map.of("A", "a", "B", "b", "C", "c", "D", "d"),
                    "A",
                    "r",
                    domain.fileName()));
        }
        return out;
    }

    private static final ItemDraw.Bank BANK = ItemDraw.bank(
            e -> questions(QuestionDomain.valueOf(e.domain()), 10).stream()
                    .map(ItemDraw.Candidate::of)
                    .toList(),
            ref -> "SCENARIO");

    @Test
    void aBlueprintDrawsTheCountsWithoutRepeatsTheSameForTheSameSeed() {
        Composition c = Composition.drawn(List.of(
                new Composition.BlueprintEntry("ANATOMY", null, 3),
                new Composition.BlueprintEntry("ICD_10_CM", null, 5)));
        List<ItemDraw.DrawnItem> a = ItemDraw.draw(c, BANK, true, 1, 42);
        assertThat(a).hasSize(8);
        assertThat(a.stream().filter(i -> i.domain().equals("ANATOMY"))).hasSize(3);
        assertThat(a.stream().map(ItemDraw.DrawnItem::ref).distinct()).hasSize(8);
        assertThat(ItemDraw.draw(c, BANK, true, 1, 42)).isEqualTo(a);
        assertThat(ItemDraw.draw(c, BANK, true, 1, 43)).isNotEqualTo(a);
        assertThat(a).extracting(ItemDraw.DrawnItem::position).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(a).allSatisfy(i -> assertThat(i.optionOrder()).hasSize(4).contains("A", "B", "C", "D"));
    }

    @Test
    void fixedItemsKeepTheirOrderUnshuffledAndTwoPartsSplitInHalves() {
        Composition c = Composition.fixed(List.of(
                new Composition.ItemRef(ItemType.QUESTION, "q1"),
                new Composition.ItemRef(ItemType.SCENARIO, "s1"),
                new Composition.ItemRef(ItemType.QUESTION, "q2")));
        List<ItemDraw.DrawnItem> items = ItemDraw.draw(c, BANK, false, 2, 7);
        assertThat(items).extracting(ItemDraw.DrawnItem::ref).containsExactly("q1", "s1", "q2");
        assertThat(items).extracting(ItemDraw.DrawnItem::part).containsExactly(1, 1, 2);
        assertThat(items.get(0).optionOrder()).isEqualTo("ABCD");
        assertThat(items.get(1).optionOrder()).isNull();
    }

    @Test
    void displayedAndOriginalLettersMapBothWays() {
        assertThat(ItemDraw.original("CADB", "A")).isEqualTo("C");
        assertThat(ItemDraw.original("CADB", "B")).isEqualTo("A");
        assertThat(ItemDraw.displayed("CADB", "A")).isEqualTo("B");
        assertThat(ItemDraw.displayed("CADB", "C")).isEqualTo("A");
        assertThat(ItemDraw.original("CADB", "E")).isNull();
    }

    @Test
    void theCpcPresetIsOneHundredQuestionsOverEveryDomain() {
        Composition c = Composition.cpcPractice();
        assertThat(c.size()).isEqualTo(100);
        assertThat(c.blueprint()).hasSize(QuestionDomain.values().length);
        assertThat(AssessmentSpec.cpcPractice("CPC", null, null, null).timeLimitMinutes())
                .isEqualTo(240);
    }
}
