package org.chart2claim.payer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.TODAY;
import static org.chart2claim.payer.PayerFixtures.adjudicate;
import static org.chart2claim.payer.PayerFixtures.medicareVisit;
import static org.chart2claim.payer.PayerFixtures.ppoVisit;

import java.math.BigDecimal;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.x12.SampleClaims;
import org.chart2claim.payer.DocumentedEncounter.DocumentedService;
import org.junit.jupiter.api.Test;

class AdjudicatorTest {

    static void assertBalanced(ClaimResult r) {
        BigDecimal paid = BigDecimal.ZERO;
        for (LineResult l : r.lines()) {
            BigDecimal adjusted =
                    l.adjustments().stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(l.billed().compareTo(l.paid().add(adjusted)))
                    .as("line " + l.line() + " billed = paid + adjustments")
                    .isEqualTo(0);
            assertThat(l.paid().signum() >= 0).as("never a negative payment").isTrue();
            paid = paid.add(l.paid());
        }
        assertThat(r.paid().compareTo(paid)).isEqualTo(0);
    }

    @Test
    void cleanPpoVisitIsPaidWithWriteOffAndCopay() {
        ClaimResult r = adjudicate(ppoVisit().build());
        assertThat(r.status()).isEqualTo(ClaimStatus.PAID);
        LineResult line = r.lines().getFirst();
        assertThat(line.allowed()).isEqualTo(new BigDecimal("162.50"));
        assertThat(line.adjustments().stream().map(Adjustment::label).toList()).isEqualTo(List.of("CO-45", "PR-3"));
        assertThat(r.paid().compareTo(new BigDecimal("132.50"))).isEqualTo(0);
        assertThat(r.patientResponsibility().compareTo(new BigDecimal("30.00"))).isEqualTo(0);
        assertBalanced(r);
    }

    @Test
    void bundledEmMakesThePartialStatus() {
        Claim claim = medicareVisit()
                .diagnoses("M17.11")
                .lines(List.of())
                .line(DOS, "99214", List.of(), 1, List.of(1), new BigDecimal("286"))
                .line(DOS, "20610", List.of("RT"), 1, List.of(1), new BigDecimal("140"))
                .build();
        ClaimResult r = adjudicate(claim);
        assertThat(r.status()).isEqualTo(ClaimStatus.PARTIAL);
        Adjustment a = r.lines().getFirst().adjustments().getFirst();
        assertThat(a.edit()).isEqualTo("NcciPtpEdit");
        assertThat(a.rarc()).isEqualTo(List.of("M15"));
        assertBalanced(r);
    }

    @Test
    void everyLineDeniedIsDenied() {
        ClaimResult r = adjudicate(medicareVisit().diagnoses("R05", "Z79.84").build());
        assertThat(r.status()).isEqualTo(ClaimStatus.DENIED);
        assertThat(r.paid().signum()).isEqualTo(0);
        assertBalanced(r);
    }

    @Test
    void frontEndRejectsAnInvalidNpiWithoutAdjudicating() {
        var claim = medicareVisit()
                .billing(new org.chart2claim.claim.BillingProvider(
                        "Maple Grove",
                        "1401010108",
                        "47-1234501",
                        new org.chart2claim.claim.Address("1 Main", "", "Springfield", "IL", "62704"),
                        ""))
                .build();
        ClaimResult r = adjudicate(claim);
        assertThat(r.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(r.lines().isEmpty()).isTrue();
        assertThat(r.rejections().stream().anyMatch(x -> x.field().contains("33a")))
                .as(r.rejections().toString())
                .isTrue();
    }

    @Test
    void unknownPayerIsRejectedUpFront() {
        ClaimResult r = adjudicate(medicareVisit().payer("acme-health", "Acme").build());
        assertThat(r.status()).isEqualTo(ClaimStatus.REJECTED);
    }

    @Test
    void documentationReviewDowncodesTheEmLevel() {
        Claim claim = ppoVisit()
                .lines(List.of())
                .line(DOS, "99215", List.of(), 1, List.of(1, 2), new BigDecimal("405"))
                .build();
        var key = new DocumentedEncounter(
                List.of("E11.40", "Z79.84"), List.of(new DocumentedService("99214", List.of(), 1)));
        ClaimResult r = PayerFixtures.adjudicator()
                .adjudicate(new AdjudicationRequest(claim, List.of(), DOS.plusDays(3), List.of(), key, "S1"), TODAY);
        assertThat(r.status()).isEqualTo(ClaimStatus.PARTIAL);
        LineResult line = r.lines().getFirst();
        assertThat(line.adjustments().stream().map(Adjustment::label).toList())
                .isEqualTo(List.of("CO-45", "CO-150", "PR-3"));
        assertThat(line.allowed()).as("priced at the 99214 rate").isEqualTo(new BigDecimal("162.50"));
        assertBalanced(r);
    }

    @Test
    void examModeHidesHintsButKeepsExplanations() {
        ClaimResult r =
                adjudicate(medicareVisit().diagnoses("R05", "Z79.84").build()).withoutHints();
        Adjustment a = r.lines().getFirst().adjustments().getFirst();
        assertThat(a.hint()).isNull();
        assertThat(a.explanation().isBlank()).isFalse();
    }

    @Test
    void everyAdjustmentNamesARegisteredEdit() {
        var names = PayerFixtures.adjudicator().registry().names();
        for (Claim c : SampleClaims.all()) {
            ClaimResult r = adjudicate(c);
            assertBalanced(r);
            r.lines()
                    .forEach(l -> l.adjustments()
                            .forEach(a -> assertThat(names.contains(a.edit()))
                                    .as(a.edit())
                                    .isTrue()));
        }
    }

    @Test
    void registryHasOneClassPerEdit() {
        var names = PayerFixtures.adjudicator().registry().names();
        assertThat(names.stream().distinct().count()).isEqualTo(names.size());
        assertThat(names.containsAll(List.of(
                        "EligibilityEdit", "NcciPtpEdit", "MueEdit", "CostSharingEdit", "DocumentationReviewEdit")))
                .isTrue();
    }
}
