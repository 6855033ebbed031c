package org.chart2claim.coding;

import static org.assertj.core.api.Assertions.assertThat;

import org.chart2claim.coding.GradeResult.Verdict;
import org.chart2claim.coding.GradingRubric.DiagnosisMatch;
import org.chart2claim.coding.GradingRubric.ProcedureMatch;
import org.junit.jupiter.api.Test;

/** The rubric's rules on their own, one test per rule (GraderTest shows them inside whole gradings). */
class GradingRubricTest {

    @Test
    void diagnosisMatchesFromClosestToUnrelated() {
        assertThat(GradingRubric.diagnosisMatch("S52.531A", "S52.531A", (k, y) -> false))
                .isEqualTo(DiagnosisMatch.EXACT);
        assertThat(GradingRubric.diagnosisMatch("S52.531A", "S52.531D", (k, y) -> false))
                .isEqualTo(DiagnosisMatch.WRONG_SEVENTH_CHARACTER);
        assertThat(GradingRubric.diagnosisMatch("H66.003", "H66.001", (k, y) -> true))
                .isEqualTo(DiagnosisMatch.WRONG_LATERALITY);
        assertThat(GradingRubric.diagnosisMatch("H66.003", "H66.001", (k, y) -> false))
                .isEqualTo(DiagnosisMatch.SAME_CATEGORY);
        assertThat(GradingRubric.diagnosisMatch("E11.40", "E11.9", (k, y) -> true))
                .as("laterality needs codes of one length")
                .isEqualTo(DiagnosisMatch.SAME_CATEGORY);
        assertThat(GradingRubric.diagnosisMatch("E11.40", "I10", (k, y) -> false))
                .isNull();
    }

    @Test
    void firstListedEarnsAllForExactPartForCloseNothingOtherwise() {
        assertThat(GradingRubric.firstListedPoints(DiagnosisMatch.EXACT)).isEqualTo(GradingRubric.FIRST_LISTED_POINTS);
        assertThat(GradingRubric.firstListedPoints(DiagnosisMatch.SAME_CATEGORY))
                .isEqualTo(GradingRubric.FIRST_LISTED_PARTIAL_POINTS);
        assertThat(GradingRubric.firstListedPoints(DiagnosisMatch.MISSING)).isZero();
    }

    @Test
    void procedureFamilyIsTheFirstFourOfFiveCharactersAndOnlyWhenWanted() {
        assertThat(GradingRubric.procedureMatch("99214", "99214", ProcedureMatch.SAME_FAMILY))
                .isEqualTo(ProcedureMatch.EXACT);
        assertThat(GradingRubric.procedureMatch("99214", "99213", ProcedureMatch.SAME_FAMILY))
                .isEqualTo(ProcedureMatch.SAME_FAMILY);
        assertThat(GradingRubric.procedureMatch("99214", "99213", ProcedureMatch.EXACT))
                .isNull();
        assertThat(GradingRubric.procedureMatch("99214", "99203", ProcedureMatch.SAME_FAMILY))
                .isNull();
    }

    @Test
    void lineDetailsAddUpAndPartlyRightPointersEarnTheirShare() {
        assertThat(GradingRubric.lineDetailPoints(true, true, Verdict.CORRECT))
                .isEqualTo(GradingRubric.LINE_POINTS - GradingRubric.PROCEDURE_CODE_POINTS);
        assertThat(GradingRubric.lineDetailPoints(false, true, Verdict.PARTIAL))
                .isEqualTo(GradingRubric.UNITS_POINTS
                        + GradingRubric.POINTER_POINTS * GradingRubric.POINTER_PARTIAL_SHARE / 100.0);
        assertThat(GradingRubric.lineDetailPoints(false, false, Verdict.WRONG)).isZero();
    }

    @Test
    void anOptionalExtraDiagnosisCostsNothing() {
        assertThat(GradingRubric.extraDiagnosisPenalty(true)).isZero();
        assertThat(GradingRubric.extraDiagnosisPenalty(false)).isEqualTo(GradingRubric.EXTRA_DIAGNOSIS_PENALTY);
    }
}
