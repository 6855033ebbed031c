package org.chart2claim.payer.edit;

import static org.chart2claim.payer.PayerFixtures.medicareVisit;
import static org.chart2claim.payer.edit.EditHarness.assertDenied;
import static org.chart2claim.payer.edit.EditHarness.assertUntouched;
import static org.chart2claim.payer.edit.EditHarness.run;

import org.junit.jupiter.api.Test;

class Excludes1EditTest {
    final Excludes1Edit edit = new Excludes1Edit();

    @Test
    void type1AndType2DiabetesTogetherFire() {
        assertDenied(run(edit, medicareVisit().diagnoses("E11.9", "E10.9").build()), 1, "CO-16", edit);
    }

    @Test
    void unrelatedDiagnosesPass() {
        assertUntouched(run(edit, medicareVisit().diagnoses("E11.9", "I10").build()));
    }
}
