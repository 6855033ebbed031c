package org.chart2claim.payer.edit;

import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.ppoVisit;
import static org.chart2claim.payer.edit.EditHarness.assertDenied;
import static org.chart2claim.payer.edit.EditHarness.assertUntouched;
import static org.chart2claim.payer.edit.EditHarness.run;

import java.util.List;
import org.chart2claim.payer.AdjudicationRequest;
import org.junit.jupiter.api.Test;

class TimelyFilingEditTest {
    final TimelyFilingEdit edit = new TimelyFilingEdit();

    @Test
    void withinTheLimitPasses() {
        var claim = ppoVisit().build();
        assertUntouched(run(edit, new AdjudicationRequest(claim, List.of(), DOS.plusDays(90), List.of(), null, "X")));
    }

    @Test
    void pastThePpoNinetyDaysIsCo29() {
        var claim = ppoVisit().build();
        assertDenied(
                run(edit, new AdjudicationRequest(claim, List.of(), DOS.plusDays(91), List.of(), null, "X")),
                1,
                "CO-29",
                edit);
    }
}
