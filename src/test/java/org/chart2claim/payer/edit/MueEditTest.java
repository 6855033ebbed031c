package org.chart2claim.payer.edit;

import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.medicareVisit;
import static org.chart2claim.payer.edit.EditHarness.assertDenied;
import static org.chart2claim.payer.edit.EditHarness.assertUntouched;
import static org.chart2claim.payer.edit.EditHarness.run;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MueEditTest {
    final MueEdit edit = new MueEdit();

    @Test
    void lineEditMai1FiresAboveTheValue() {
        var claim = medicareVisit()
                .diagnoses("M17.11")
                .lines(List.of())
                .line(DOS, "20610", List.of("RT"), 3, List.of(1), new BigDecimal("420"))
                .build();
        assertDenied(run(edit, claim), 1, "CO-151", edit);
    }

    @Test
    void dateOfServiceEditMai3SumsLines() {
        var claim = medicareVisit()
                .lines(List.of())
                .line(DOS, "36415", List.of(), 2, List.of(1), new BigDecimal("20"))
                .line(DOS, "36415", List.of(), 1, List.of(1), new BigDecimal("10"))
                .build();
        assertDenied(run(edit, claim), 1, "CO-151", edit);
    }

    @Test
    void unitsWithinTheLimitPass() {
        var claim = medicareVisit()
                .lines(List.of())
                .line(DOS, "36415", List.of(), 2, List.of(1), new BigDecimal("20"))
                .build();
        assertUntouched(run(edit, claim));
    }
}
