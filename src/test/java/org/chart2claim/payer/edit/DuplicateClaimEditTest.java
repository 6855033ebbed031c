package org.chart2claim.payer.edit;

import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.medicareVisit;
import static org.chart2claim.payer.edit.EditHarness.assertDenied;
import static org.chart2claim.payer.edit.EditHarness.assertUntouched;
import static org.chart2claim.payer.edit.EditHarness.run;

import java.util.List;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.payer.AdjudicationRequest;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.payer.PriorClaim;
import org.junit.jupiter.api.Test;

class DuplicateClaimEditTest {
    final DuplicateClaimEdit edit = new DuplicateClaimEdit();
    final ClaimResult firstResult = PayerFixtures.adjudicate(medicareVisit().build());
    final PriorClaim first = new PriorClaim(medicareVisit().build(), firstResult);

    @Test
    void sameServiceAgainIsCo18() {
        var again = medicareVisit().patientControlNumber("PCN1002").build();
        assertDenied(
                run(edit, new AdjudicationRequest(again, List.of(), DOS.plusDays(20), List.of(first), null, "X")),
                1,
                "CO-18",
                edit);
    }

    @Test
    void noHistoryNoDuplicate() {
        assertUntouched(run(edit, medicareVisit().build()));
    }

    @Test
    void replacementIsNotADuplicate() {
        var replacement = medicareVisit()
                .frequency(FrequencyCode.REPLACEMENT, firstResult.payerClaimNumber())
                .build();
        assertUntouched(run(
                edit, new AdjudicationRequest(replacement, List.of(), DOS.plusDays(20), List.of(first), null, "X")));
    }
}
