package org.chart2claim.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chart2claim.coding.GradeResult;
import org.junit.jupiter.api.Test;

/**
 * Item statistics on a data set small enough to compute by hand (the numbers are worked out in the comments).
 *
 * <pre>
 *            q1 (A)  q2 (C)  q3 (B)  q4 (D)   total
 *   S1        A 1     D 0     B 1     D 1       3
 *   S2        A 1     D 0     B 1     D 1       3
 *   S3        A 1     C 1     A 0     D 1       3
 *   S4        B 0     C 1     B 1     D 1       3
 *   S5        B 0     C 1     A 0     C 0       1
 *   S6        –  0    C 1     A 0     –  0      1
 * </pre>
 */
class ItemAnalysisTest {

    private static final String[][] CHOICES = {
        {"A", "D", "B", "D"}, {"A", "D", "B", "D"}, {"A", "C", "A", "D"},
        {"B", "C", "B", "D"}, {"B", "C", "A", "C"}, {null, "C", "A", null}
    };
    private static final String[] KEYS = {"A", "C", "B", "D"};

    private static List<ItemAnalysis.SessionResponses> dataSet() {
        List<ItemAnalysis.SessionResponses> sessions = new ArrayList<>();
        for (int s = 0; s < CHOICES.length; s++) {
            List<ItemAnalysis.Response> responses = new ArrayList<>();
            for (int q = 0; q < 4; q++) {
                String choice = CHOICES[s][q];
                responses.add(new ItemAnalysis.Response(
                        ItemType.QUESTION,
                        "q" + (q + 1),
                        "ICD_10_CM",
                        choice,
                        KEYS[q],
                        ExamScoring.questionScore(choice, KEYS[q]),
                        null));
            }
            sessions.add(new ItemAnalysis.SessionResponses("S" + (s + 1), responses));
        }
        return sessions;
    }

    private static ItemAnalysis.QuestionStats stats(String id) {
        return ItemAnalysis.analyse(dataSet()).questions().stream()
                .filter(q -> q.questionId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void difficultyIsTheShareCorrect() {
        assertThat(stats("q1").difficulty()).isEqualTo(0.5);
        assertThat(stats("q2").difficulty()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(stats("q4").difficulty()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(stats("q1").n()).isEqualTo(6);
    }

    @Test
    void pointBiserialAgainstTheRestScore() {
        // q1: x = 1 1 1 0 0 0, rest = 2 2 2 3 1 1; Sxy = 1/2, Sxx = 3/2, Syy = 17/6 → r = 1/√17
        assertThat(stats("q1").pointBiserial()).isCloseTo(1 / Math.sqrt(17), within(1e-12));
        // q2: x = 0 0 1 1 1 1, rest = 3 3 2 2 0 0; Sxy = −8/3, Sxx = 4/3, Syy = 28/3 → r = −8/√112
        assertThat(stats("q2").pointBiserial()).isCloseTo(-8 / Math.sqrt(112), within(1e-12));
    }

    @Test
    void upperLowerTwentySevenPercent() {
        // n = 6 → k = round(1.62) = 2. q1 by rest: S4(3), S1, S2, S3 (2), S5, S6 (1): upper {S4 0, S1 1} = 0.5,
        // lower {S5 0, S6 0} = 0 → D = 0.5. q2 by rest: S1, S2 (3) … S5, S6 (0): upper 0, lower 1 → D = −1.
        assertThat(stats("q1").upperLower()).isEqualTo(0.5);
        assertThat(stats("q2").upperLower()).isEqualTo(-1.0);
    }

    @Test
    void distractorCountsAndNegativeDiscriminationFlagged() {
        assertThat(stats("q1").choices())
                .containsExactly(
                        Map.entry("A", 3),
                        Map.entry("B", 2),
                        Map.entry("C", 0),
                        Map.entry("D", 0),
                        Map.entry("blank", 1));
        assertThat(stats("q2").choices()).containsEntry("C", 4).containsEntry("D", 2);
        assertThat(stats("q1").negativeDiscrimination()).isFalse();
        assertThat(stats("q2").negativeDiscrimination()).isTrue();
        assertThat(stats("q2").key()).isEqualTo("C");
    }

    @Test
    void undefinedWithoutVarianceAndWithOneSession() {
        assertThat(ItemAnalysis.pointBiserial(List.of(new double[] {1, 2}, new double[] {1, 3})))
                .isNull();
        assertThat(ItemAnalysis.pointBiserial(List.of(new double[] {1, 2}))).isNull();
        assertThat(ItemAnalysis.upperLower(List.of(new double[] {1, 2}))).isNull();
    }

    @Test
    void scenarioKeyElementsMostMissedFirst() {
        GradeResult bothRight = grade(GradeResult.Verdict.CORRECT, GradeResult.Verdict.CORRECT);
        GradeResult lineMissing = grade(GradeResult.Verdict.CORRECT, GradeResult.Verdict.MISSING);
        List<ItemAnalysis.SessionResponses> sessions = List.of(
                new ItemAnalysis.SessionResponses(
                        "A",
                        List.of(new ItemAnalysis.Response(
                                ItemType.SCENARIO, "pc-004", "SCENARIO", null, null, 100, bothRight))),
                new ItemAnalysis.SessionResponses(
                        "B",
                        List.of(new ItemAnalysis.Response(
                                ItemType.SCENARIO, "pc-004", "SCENARIO", null, null, 60, lineMissing))));
        List<ItemAnalysis.KeyElementStats> elements =
                ItemAnalysis.analyse(sessions).keyElements();
        assertThat(elements).extracting(ItemAnalysis.KeyElementStats::keyCode).containsExactly("99213", "J02.0");
        assertThat(elements.getFirst().missed()).isEqualTo(1);
        assertThat(elements.getFirst().attempts()).isEqualTo(2);
        assertThat(elements.getFirst().missRate()).isEqualTo(0.5);
        assertThat(elements.get(1).missed()).isZero();
    }

    private static GradeResult grade(GradeResult.Verdict dx, GradeResult.Verdict line) {
        return new GradeResult(
                0,
                0,
                0,
                0,
                List.of(new GradeResult.DiagnosisVerdict(1, "J02.0", "J02.0", 1, dx, "exact", 1, 1, "")),
                null,
                List.of(new GradeResult.ProcedureVerdict(
                        1, "99213", List.of(), 1, List.of(), null, null, List.of(), null, List.of(), line, "", line,
                        line, line, 0, 1, "")),
                List.of(),
                List.of());
    }
}
