package org.chart2claim.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chart2claim.coding.GradeResult.Verdict;
import org.chart2claim.scenario.AnswerKey;
import org.junit.jupiter.api.Test;

/** One test per rubric rule (see {@link GradingRubric}). */
class GraderTest {

    private static final Map<String, String> TITLES = Map.of(
            "H66.003", "Acute suppurative otitis media without spontaneous rupture of ear drum, bilateral",
            "H66.001", "Acute suppurative otitis media without spontaneous rupture of ear drum, right ear",
            "S52.531A", "Colles' fracture of right radius, initial encounter for closed fracture",
            "S52.532A", "Colles' fracture of left radius, initial encounter for closed fracture");

    private final Grader grader = new Grader(code -> Optional.ofNullable(TITLES.get(code)));

    /** Key: two diagnoses, an E/M with 25 and a drug line with units. */
    private static final AnswerKey KEY = new AnswerKey(
            List.of(new AnswerKey.Diagnosis("S52.531A", "fracture"), new AnswerKey.Diagnosis("W00.0XXA", "ice")),
            List.of(
                    new AnswerKey.ProcedureLine("99203", List.of("57"), 1, List.of(1), "E/M"),
                    new AnswerKey.ProcedureLine("25605", List.of("RT"), 1, List.of(1), "reduction"),
                    new AnswerKey.ProcedureLine("J3301", List.of(), 8, List.of(1, 2), "drug")),
            List.of(
                    new AnswerKey.CommonMistake("99203", "needs 57"),
                    new AnswerKey.CommonMistake("J3301 x4", "80 mg = 8 units")),
            Set.of("Y92.480"));

    private static CodingAnswer.Line line(String code, List<String> mods, int units, Integer... pointers) {
        return new CodingAnswer.Line(code, mods, units, List.of(pointers));
    }

    private static CodingAnswer perfect() {
        return CodingAnswer.fromKey(KEY);
    }

    private GradeResult grade(List<String> dx, List<CodingAnswer.Line> lines) {
        return grader.grade(KEY, new CodingAnswer(dx, lines));
    }

    private static final List<CodingAnswer.Line> KEY_LINES = List.of(
            line("99203", List.of("57"), 1, 1), line("25605", List.of("RT"), 1, 1), line("J3301", List.of(), 8, 1, 2));

    @Test
    void theKeyItselfScoresOneHundred() {
        GradeResult r = grader.grade(KEY, perfect());
        assertThat(r.score()).isEqualTo(100);
        assertThat(r.diagnoses()).allSatisfy(d -> assertThat(d.verdict()).isEqualTo(Verdict.CORRECT));
        assertThat(r.extras()).isEmpty();
        assertThat(r.feedback()).isEmpty();
    }

    @Test
    void anEmptyAnswerScoresZeroAndEveryElementIsMissing() {
        GradeResult r = grader.grade(KEY, CodingAnswer.empty());
        assertThat(r.score()).isZero();
        assertThat(r.procedures()).allSatisfy(p -> assertThat(p.code()).isEqualTo(Verdict.MISSING));
    }

    @Test
    void wrongSeventhCharacterEarnsTheSeventhCharacterShare() {
        GradeResult r = grade(List.of("S52.531D", "W00.0XXA"), KEY_LINES);
        assertThat(r.diagnoses().get(0).match())
                .isEqualTo(GradingRubric.DiagnosisMatch.WRONG_SEVENTH_CHARACTER.label());
        assertThat(r.diagnoses().get(0).points())
                .isEqualTo(GradingRubric.DIAGNOSIS_POINTS * GradingRubric.SEVENTH_CHARACTER_SHARE / 100.0);
    }

    @Test
    void wrongLateralityEarnsTheLateralityShare() {
        GradeResult r = grade(List.of("S52.532A", "W00.0XXA"), KEY_LINES);
        assertThat(r.diagnoses().get(0).match()).isEqualTo(GradingRubric.DiagnosisMatch.WRONG_LATERALITY.label());
        AnswerKey earKey = new AnswerKey(
                List.of(new AnswerKey.Diagnosis("H66.003", "bilateral")),
                List.of(new AnswerKey.ProcedureLine("99213", List.of(), 1, List.of(1), "E/M")),
                List.of(),
                Set.of());
        GradeResult ear =
                grader.grade(earKey, new CodingAnswer(List.of("H66.001"), List.of(line("99213", List.of(), 1, 1))));
        assertThat(ear.diagnoses().get(0).match()).isEqualTo(GradingRubric.DiagnosisMatch.WRONG_LATERALITY.label());
    }

    @Test
    void sameCategoryWrongSpecificityEarnsTheCategoryShare() {
        GradeResult r = grade(List.of("S52.501A", "W00.0XXA"), KEY_LINES);
        assertThat(r.diagnoses().get(0).match()).isEqualTo(GradingRubric.DiagnosisMatch.SAME_CATEGORY.label());
        assertThat(r.diagnoses().get(0).points())
                .isEqualTo(GradingRubric.DIAGNOSIS_POINTS * GradingRubric.CATEGORY_SHARE / 100.0);
    }

    @Test
    void firstListedCreditNeedsTheKeysFirstCodeFirst() {
        GradeResult swapped = grade(
                List.of("W00.0XXA", "S52.531A"),
                List.of(
                        line("99203", List.of("57"), 1, 2),
                        line("25605", List.of("RT"), 1, 2),
                        line("J3301", List.of(), 8, 2, 1)));
        assertThat(swapped.firstListed().verdict()).isEqualTo(Verdict.WRONG);
        assertThat(swapped.firstListed().points()).isZero();
        // Pointers follow the codes, not the positions: still correct after the swap.
        assertThat(swapped.procedures().get(0).pointers()).isEqualTo(Verdict.CORRECT);
        assertThat(swapped.procedures().get(2).pointers()).isEqualTo(Verdict.CORRECT);
        assertThat(swapped.score())
                .isEqualTo(GradingRubric.score(
                        swapped.available() - GradingRubric.FIRST_LISTED_POINTS, 0, swapped.available()));

        GradeResult partialFirst = grade(List.of("S52.531D", "W00.0XXA"), KEY_LINES);
        assertThat(partialFirst.firstListed().points()).isEqualTo(GradingRubric.FIRST_LISTED_PARTIAL_POINTS);
    }

    @Test
    void modifiersMustMatchAsASet() {
        GradeResult r = grade(
                List.of("S52.531A", "W00.0XXA"),
                List.of(
                        line("99203", List.of(), 1, 1),
                        line("25605", List.of("LT"), 1, 1),
                        line("J3301", List.of(), 8, 1, 2)));
        assertThat(r.procedures().get(0).modifiers()).isEqualTo(Verdict.WRONG);
        assertThat(r.procedures().get(1).modifiers()).isEqualTo(Verdict.WRONG);
        assertThat(r.procedures().get(2).modifiers()).isEqualTo(Verdict.CORRECT);
        assertThat(r.earned()).isEqualTo(r.available() - 2 * GradingRubric.MODIFIER_POINTS);
        assertThat(r.feedback()).extracting(GradeResult.MistakeFeedback::why).contains("needs 57");
    }

    @Test
    void unitsMustBeEqual() {
        GradeResult r = grade(
                List.of("S52.531A", "W00.0XXA"),
                List.of(
                        line("99203", List.of("57"), 1, 1),
                        line("25605", List.of("RT"), 1, 1),
                        line("J3301", List.of(), 4, 1, 2)));
        assertThat(r.procedures().get(2).units()).isEqualTo(Verdict.WRONG);
        assertThat(r.earned()).isEqualTo(r.available() - GradingRubric.UNITS_POINTS);
        assertThat(r.feedback()).extracting(GradeResult.MistakeFeedback::answer).containsExactly("J3301 x4");
    }

    @Test
    void pointersEarnFullHalfOrNothing() {
        GradeResult r = grade(
                List.of("S52.531A", "W00.0XXA"),
                List.of(
                        line("99203", List.of("57"), 1, 2),
                        line("25605", List.of("RT"), 1, 1),
                        line("J3301", List.of(), 8, 1)));
        assertThat(r.procedures().get(0).pointers()).isEqualTo(Verdict.WRONG);
        assertThat(r.procedures().get(2).pointers()).isEqualTo(Verdict.PARTIAL);
        assertThat(r.earned())
                .isEqualTo(r.available() - GradingRubric.POINTER_POINTS - GradingRubric.POINTER_POINTS / 2.0);
    }

    @Test
    void sameFamilyProcedureCodeEarnsTheFamilyShare() {
        GradeResult r = grade(
                List.of("S52.531A", "W00.0XXA"),
                List.of(
                        line("99204", List.of("57"), 1, 1),
                        line("25605", List.of("RT"), 1, 1),
                        line("J3301", List.of(), 8, 1, 2)));
        assertThat(r.procedures().get(0).code()).isEqualTo(Verdict.PARTIAL);
        assertThat(r.procedures().get(0).points())
                .isEqualTo(GradingRubric.PROCEDURE_CODE_POINTS * GradingRubric.PROCEDURE_FAMILY_SHARE / 100.0
                        + GradingRubric.MODIFIER_POINTS
                        + GradingRubric.UNITS_POINTS
                        + GradingRubric.POINTER_POINTS);
    }

    @Test
    void extraCodesAreNamedAndPenalisedButOptionalCodesAreNot() {
        List<CodingAnswer.Line> lines = new java.util.ArrayList<>(KEY_LINES);
        lines.add(line("29125", List.of(), 1, 1));
        GradeResult r = grade(List.of("S52.531A", "W00.0XXA", "Y92.480", "M25.531"), lines);
        assertThat(r.extras()).extracting(GradeResult.Extra::code).containsExactly("Y92.480", "M25.531", "29125");
        assertThat(r.penalties())
                .isEqualTo(GradingRubric.EXTRA_DIAGNOSIS_PENALTY + GradingRubric.EXTRA_PROCEDURE_PENALTY);
        assertThat(r.score()).isEqualTo(GradingRubric.score(r.available(), r.penalties(), r.available()));
    }

    @Test
    void scoreNeverGoesBelowZero() {
        List<CodingAnswer.Line> junk =
                List.of(line("11111", List.of(), 1, 1), line("22222", List.of(), 1, 1), line("33333", List.of(), 1, 1));
        GradeResult r = grade(List.of("A00.0", "B00.0", "C00.0"), junk);
        assertThat(r.score()).isZero();
    }

    @Test
    void duplicateCodesPairByBestDetails() {
        AnswerKey twoSpecimens = new AnswerKey(
                List.of(new AnswerKey.Diagnosis("D12.2", "adenoma"), new AnswerKey.Diagnosis("K63.5", "polyp")),
                List.of(
                        new AnswerKey.ProcedureLine("88305", List.of(), 1, List.of(1), "A"),
                        new AnswerKey.ProcedureLine("88305", List.of(), 1, List.of(2), "B")),
                List.of(),
                Set.of());
        GradeResult r = grader.grade(
                twoSpecimens,
                new CodingAnswer(
                        List.of("D12.2", "K63.5"),
                        List.of(line("88305", List.of(), 1, 2), line("88305", List.of(), 1, 1))));
        assertThat(r.score()).isEqualTo(100);
    }

    @Test
    void sloppyInputIsNormalisedNotRejected() {
        CodingAnswer a = new CodingAnswer(
                java.util.Arrays.asList(" s52.531a ", null, "", "w00.0xxa"),
                java.util.Arrays.asList(new CodingAnswer.Line("99203", List.of("57"), null, null), null));
        assertThat(a.diagnoses()).containsExactly("S52.531A", "W00.0XXA");
        assertThat(a.procedures().get(0).units()).isEqualTo(1);
        assertThat(a.procedures().get(0).pointers()).isEmpty();
    }

    @Test
    void anAcceptedAlternativeFormOfTheClaimLinesEarnsFullCredit() {
        AnswerKey.ProcedureLine em = new AnswerKey.ProcedureLine("99214", List.of("25"), 1, List.of(1), "E/M");
        AnswerKey nebulizer = new AnswerKey(
                List.of(new AnswerKey.Diagnosis("J45.41", "asthma")),
                List.of(
                        em,
                        new AnswerKey.ProcedureLine("94640", List.of(), 1, List.of(1), "first"),
                        new AnswerKey.ProcedureLine("94640", List.of("76"), 1, List.of(1), "second, CPT form")),
                List.of(),
                Set.of(),
                List.of(new AnswerKey.Alternative(
                        List.of(em, new AnswerKey.ProcedureLine("94640", List.of(), 2, List.of(1), "units form")),
                        "payers that count units")));
        CodingAnswer unitsForm = new CodingAnswer(
                List.of("J45.41"), List.of(line("99214", List.of("25"), 1, 1), line("94640", List.of(), 2, 1)));
        CodingAnswer cptForm = new CodingAnswer(
                List.of("J45.41"),
                List.of(
                        line("99214", List.of("25"), 1, 1),
                        line("94640", List.of(), 1, 1),
                        line("94640", List.of("76"), 1, 1)));
        CodingAnswer oneTreatment = new CodingAnswer(
                List.of("J45.41"), List.of(line("99214", List.of("25"), 1, 1), line("94640", List.of(), 1, 1)));
        assertThat(grader.grade(nebulizer, unitsForm).score()).isEqualTo(100);
        assertThat(grader.grade(nebulizer, cptForm).score()).isEqualTo(100);
        assertThat(grader.grade(nebulizer, oneTreatment).score()).isLessThan(100);
    }
}
