package org.chart2claim.payer.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.medicareVisit;
import static org.chart2claim.payer.edit.EditHarness.assertDenied;
import static org.chart2claim.payer.edit.EditHarness.assertUntouched;
import static org.chart2claim.payer.edit.EditHarness.run;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** InvalidProcedureCodeEdit, InvalidDiagnosisCodeEdit, MissingSeventhCharacterEdit, NonBillableDiagnosisEdit. */
class CodeValidityEditsTest {

    @Test
    void invalidProcedureCodeFiresOnUnknownCode() {
        var edit = new InvalidProcedureCodeEdit();
        var claim = medicareVisit()
                .lines(List.of())
                .line(DOS, "99201", List.of(), 1, List.of(1), new BigDecimal("100"))
                .build();
        assertDenied(run(edit, claim), 1, "CO-181", edit);
    }

    @Test
    void invalidProcedureCodeQuietOnKnownCode() {
        assertUntouched(run(new InvalidProcedureCodeEdit(), medicareVisit().build()));
    }

    @Test
    void invalidDiagnosisFiresOnUnknownCode() {
        var edit = new InvalidDiagnosisCodeEdit();
        assertDenied(run(edit, medicareVisit().diagnoses("E11.99X", "Z79.84").build()), 1, "CO-146", edit);
    }

    @Test
    void invalidDiagnosisQuietOnValidCodes() {
        assertUntouched(run(new InvalidDiagnosisCodeEdit(), medicareVisit().build()));
    }

    @Test
    void missingSeventhCharacterFires() {
        var edit = new MissingSeventhCharacterEdit();
        var a = assertDenied(run(edit, medicareVisit().diagnoses("S93.401").build()), 1, "CO-16", edit);
        assertThat(a.explanation().contains("S93.401A")).as(a.explanation()).isTrue();
    }

    @Test
    void aHeaderTwoLevelsUpIsNotASeventhCharacterProblem() {
        // S52.5 lacks more than the 7th character: the header edit, not this one, answers it
        assertUntouched(run(
                new MissingSeventhCharacterEdit(),
                medicareVisit().diagnoses("S52.5").build()));
    }

    @Test
    void missingSeventhCharacterQuietWhenComplete() {
        assertUntouched(run(
                new MissingSeventhCharacterEdit(),
                medicareVisit().diagnoses("S93.401A").build()));
    }

    @Test
    void nonBillableHeaderFires() {
        var edit = new NonBillableDiagnosisEdit();
        assertDenied(run(edit, medicareVisit().diagnoses("R05").build()), 1, "CO-16", edit);
    }

    @Test
    void nonBillableLeavesSeventhCharacterCasesToTheirEdit() {
        assertUntouched(run(
                new NonBillableDiagnosisEdit(),
                medicareVisit().diagnoses("S93.401").build()));
    }

    @Test
    void nonBillableQuietOnLeafCodes() {
        assertUntouched(run(
                new NonBillableDiagnosisEdit(),
                medicareVisit().diagnoses("R05.1").build()));
    }
}
