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

/** SexConflictEdit and AgeConflictEdit; the fixture patient is a 67-year-old woman. */
class AgeSexEditsTest {

    @Test
    void prostateDiagnosisOnAWomanIsCo10() {
        var edit = new SexConflictEdit();
        assertDenied(run(edit, medicareVisit().diagnoses("N40.0").build()), 1, "CO-10", edit);
    }

    @Test
    void psaOnAWomanIsCo7() {
        var edit = new SexConflictEdit();
        var claim = medicareVisit()
                .lines(List.of())
                .line(DOS, "84153", List.of(), 1, List.of(1), new BigDecimal("40"))
                .build();
        assertDenied(run(edit, claim), 1, "CO-7", edit);
    }

    @Test
    void sexNeutralCodesPass() {
        assertUntouched(run(new SexConflictEdit(), medicareVisit().build()));
    }

    @Test
    void pregnancyCodeAt67IsCo9() {
        var edit = new AgeConflictEdit();
        assertDenied(run(edit, medicareVisit().diagnoses("Z34.00").build()), 1, "CO-9", edit);
    }

    @Test
    void wrongPreventiveAgeBandIsCo6() {
        var edit = new AgeConflictEdit();
        var claim = medicareVisit()
                .diagnoses("Z00.00")
                .lines(List.of())
                .line(DOS, "99396", List.of(), 1, List.of(1), new BigDecimal("250"))
                .build();
        assertDenied(run(edit, claim), 1, "CO-6", edit);
    }

    @Test
    void rightPreventiveAgeBandPasses() {
        var claim = medicareVisit()
                .diagnoses("Z00.00")
                .lines(List.of())
                .line(DOS, "99397", List.of(), 1, List.of(1), new BigDecimal("250"))
                .build();
        assertUntouched(run(new AgeConflictEdit(), claim));
    }

    @Test
    void conflictingDiagnosisTheLineDoesNotPointToStillDeniesTheLine() {
        // the HI segment lists N40.0 (male only) as the third diagnosis; the visit points to 1 and 2 only
        var edit = new SexConflictEdit();
        var ctx =
                run(edit, medicareVisit().diagnoses("E11.40", "Z79.84", "N40.0").build());
        assertThat(assertDenied(ctx, 1, "CO-10", edit).explanation())
                .contains("N40.0")
                .contains("does not point to it");
    }

    @Test
    void ageConflictOnADiagnosisTheLineDoesNotPointToDeniesTheLine() {
        var edit = new AgeConflictEdit();
        var ctx = run(
                edit, medicareVisit().diagnoses("E11.40", "Z79.84", "Z34.00").build());
        assertThat(assertDenied(ctx, 1, "CO-9", edit).explanation()).contains("Z34.00");
    }

    @Test
    void everyDiagnosisOnTheClaimConsistentPasses() {
        var claim = medicareVisit().diagnoses("E11.40", "Z79.84", "I10").build();
        assertUntouched(run(new SexConflictEdit(), claim));
        assertUntouched(run(new AgeConflictEdit(), claim));
    }
}
