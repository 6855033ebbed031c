package org.chart2claim.payer;

import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.TODAY;
import static org.chart2claim.payer.PayerFixtures.adjudicate;
import static org.chart2claim.payer.PayerFixtures.medicareVisit;
import static org.chart2claim.payer.PayerFixtures.ppoVisit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertEquals(
                    0,
                    l.billed().compareTo(l.paid().add(adjusted)),
                    "line " + l.line() + " billed = paid + adjustments");
            assertTrue(l.paid().signum() >= 0, "never a negative payment");
            paid = paid.add(l.paid());
        }
        assertEquals(0, r.paid().compareTo(paid));
    }

    @Test
    void cleanPpoVisitIsPaidWithWriteOffAndCopay() {
        ClaimResult r = adjudicate(ppoVisit().build());
        assertEquals(ClaimStatus.PAID, r.status());
        LineResult line = r.lines().getFirst();
        assertEquals(new BigDecimal("162.50"), line.allowed());
        assertEquals(
                List.of("CO-45", "PR-3"),
                line.adjustments().stream().map(Adjustment::label).toList());
        assertEquals(0, r.paid().compareTo(new BigDecimal("132.50")));
        assertEquals(0, r.patientResponsibility().compareTo(new BigDecimal("30.00")));
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
        assertEquals(ClaimStatus.PARTIAL, r.status());
        Adjustment a = r.lines().getFirst().adjustments().getFirst();
        assertEquals("NcciPtpEdit", a.edit());
        assertEquals(List.of("M15"), a.rarc());
        assertBalanced(r);
    }

    @Test
    void everyLineDeniedIsDenied() {
        ClaimResult r = adjudicate(medicareVisit().diagnoses("R05", "Z79.84").build());
        assertEquals(ClaimStatus.DENIED, r.status());
        assertEquals(0, r.paid().signum());
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
        assertEquals(ClaimStatus.REJECTED, r.status());
        assertTrue(r.lines().isEmpty());
        assertTrue(
                r.rejections().stream().anyMatch(x -> x.field().contains("33a")),
                r.rejections().toString());
    }

    @Test
    void unknownPayerIsRejectedUpFront() {
        ClaimResult r = adjudicate(medicareVisit().payer("acme-health", "Acme").build());
        assertEquals(ClaimStatus.REJECTED, r.status());
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
        assertEquals(ClaimStatus.PARTIAL, r.status());
        LineResult line = r.lines().getFirst();
        assertEquals(
                List.of("CO-45", "CO-150", "PR-3"),
                line.adjustments().stream().map(Adjustment::label).toList());
        assertEquals(new BigDecimal("162.50"), line.allowed(), "priced at the 99214 rate");
        assertBalanced(r);
    }

    @Test
    void examModeHidesHintsButKeepsExplanations() {
        ClaimResult r =
                adjudicate(medicareVisit().diagnoses("R05", "Z79.84").build()).withoutHints();
        Adjustment a = r.lines().getFirst().adjustments().getFirst();
        assertNull(a.hint());
        assertFalse(a.explanation().isBlank());
    }

    @Test
    void everyAdjustmentNamesARegisteredEdit() {
        var names = PayerFixtures.adjudicator().registry().names();
        for (Claim c : SampleClaims.all()) {
            ClaimResult r = adjudicate(c);
            assertBalanced(r);
            r.lines().forEach(l -> l.adjustments().forEach(a -> assertTrue(names.contains(a.edit()), a.edit())));
        }
    }

    @Test
    void registryHasOneClassPerEdit() {
        var names = PayerFixtures.adjudicator().registry().names();
        assertEquals(names.size(), names.stream().distinct().count());
        assertTrue(names.containsAll(
                List.of("EligibilityEdit", "NcciPtpEdit", "MueEdit", "CostSharingEdit", "DocumentationReviewEdit")));
    }
}
