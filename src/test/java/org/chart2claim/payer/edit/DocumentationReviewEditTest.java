package org.chart2claim.payer.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.medicareVisit;
import static org.chart2claim.payer.edit.EditHarness.assertDenied;
import static org.chart2claim.payer.edit.EditHarness.assertUntouched;
import static org.chart2claim.payer.edit.EditHarness.run;

import java.math.BigDecimal;
import java.util.List;
import org.chart2claim.payer.AdjudicationRequest;
import org.chart2claim.payer.DocumentedEncounter;
import org.chart2claim.payer.DocumentedEncounter.DocumentedService;
import org.junit.jupiter.api.Test;

class DocumentationReviewEditTest {
    final DocumentationReviewEdit edit = new DocumentationReviewEdit();
    final DocumentedEncounter key =
            new DocumentedEncounter(List.of("E11.40", "Z79.84"), List.of(new DocumentedService("99214", List.of(), 1)));

    AdjudicationRequest req(org.chart2claim.claim.Claim claim) {
        return new AdjudicationRequest(claim, List.of(), DOS.plusDays(5), List.of(), key, "X");
    }

    @Test
    void matchingTheKeyPasses() {
        assertUntouched(run(edit, req(medicareVisit().build())));
    }

    @Test
    void higherEmLevelIsMarkedForDowncode() {
        var claim = medicareVisit()
                .lines(List.of())
                .line(DOS, "99215", List.of(), 1, List.of(1, 2), new BigDecimal("400"))
                .build();
        var ctx = run(edit, req(claim));
        var line = ctx.lines().getFirst();
        assertThat(line.denied()).isFalse();
        assertThat(line.reduction().supportedCode()).isEqualTo("99214");
        assertThat(line.reduction().carc()).isEqualTo("150");
    }

    @Test
    void undocumentedServiceIsCo50() {
        var claim = medicareVisit()
                .lines(List.of())
                .line(DOS, "93000", List.of(), 1, List.of(1), new BigDecimal("40"))
                .build();
        assertDenied(run(edit, req(claim)), 1, "CO-50", edit);
    }

    @Test
    void undocumentedDiagnosisIsCo11() {
        var claim = medicareVisit().diagnoses("I10").build();
        assertDenied(run(edit, req(claim)), 1, "CO-11", edit);
    }

    @Test
    void noRecordNoReview() {
        var claim = medicareVisit()
                .lines(List.of())
                .line(DOS, "93000", List.of(), 1, List.of(1), new BigDecimal("40"))
                .build();
        assertUntouched(run(edit, claim));
    }
}
