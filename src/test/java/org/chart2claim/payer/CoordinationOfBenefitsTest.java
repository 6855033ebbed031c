package org.chart2claim.payer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.adjudicate;
import static org.chart2claim.payer.PayerFixtures.ppoVisit;

import java.math.BigDecimal;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.OtherCoverage;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.x12.Claim837Writer;
import org.chart2claim.standard.x12.X12Envelope;
import org.junit.jupiter.api.Test;

/**
 * Coordination of benefits at the payer: another plan on the member's file that pays first denies a claim without
 * its payment (CO-22, MA04); a secondary claim carrying the primary's payment is paid "lesser of" with the rest as
 * OA-23, and the 837P carries that payment in loops 2320/2430.
 */
class CoordinationOfBenefitsTest {

    /** George Whitfield: Medicare, but his employer's PPO pays first (member-coverage.tsv). */
    static ClaimBuilder whitfieldAtMedicare() {
        return PayerFixtures.whitfieldAtMedicare(DOS);
    }

    static OtherCoverage ppoPaid(String paid) {
        return new OtherCoverage(
                PersonName.of("Whitfield", "George"),
                "W700900117",
                "Blue Horizon PPO (simulated)",
                new OtherCoverage.PriorPayment(
                        "ppo-sim",
                        DOS.plusDays(7),
                        new BigDecimal(paid),
                        List.of(new OtherCoverage.LinePayment(
                                1,
                                "99214",
                                new BigDecimal(paid),
                                List.of(new OtherCoverage.PriorAdjustment("CO", "45", new BigDecimal("150.00")))))));
    }

    @Test
    void withoutThePrimarysPaymentTheSecondaryDeniesCo22() {
        ClaimResult r = adjudicate(whitfieldAtMedicare().build());
        assertThat(r.status()).isEqualTo(ClaimStatus.DENIED);
        assertThat(r.lines().getFirst().adjustments()).singleElement().satisfies(a -> {
            assertThat(a.label()).isEqualTo("CO-22");
            assertThat(a.rarc()).containsExactly("MA04");
            assertThat(a.explanation()).contains("Blue Horizon PPO (simulated)").contains("W700900117");
        });
    }

    @Test
    void withThePrimarysPaymentTheSecondaryPaysWhatIsLeftOfItsAllowedAmount() {
        // Medicare allows 130 for 99214; 183 of Whitfield's deductible is open, so as primary it would pay 0 and
        // the patient would owe all 130. The PPO paid 80: 50 of Medicare's allowed is left, the patient owes it.
        ClaimResult r =
                adjudicate(whitfieldAtMedicare().otherCoverage(ppoPaid("80.00")).build());
        LineResult line = r.lines().getFirst();
        assertThat(line.allowed()).isEqualByComparingTo("130.00");
        assertThat(line.paid()).isZero();
        assertThat(line.patientResponsibility()).isEqualByComparingTo("50.00");
        assertThat(amount(line, "OA-23")).isEqualByComparingTo("80.00");
        assertBalanced(line);
    }

    @Test
    void theSecondaryPaysNoMoreThanItWouldAsPrimaryNorMoreThanIsLeft() {
        Claim plain = ppoVisit().build();
        LineResult asPrimary = adjudicate(plain).lines().getFirst();
        assertThat(asPrimary.paid()).isPositive();
        BigDecimal allowed = asPrimary.allowed();
        // a small primary payment: the secondary pays what it would have paid as primary
        BigDecimal small = new BigDecimal("5.00");
        LineResult afterSmall = adjudicate(secondary(plain, small)).lines().getFirst();
        BigDecimal left = allowed.subtract(small);
        assertThat(afterSmall.paid()).isEqualByComparingTo(asPrimary.paid().min(left));
        assertThat(afterSmall.patientResponsibility())
                .isEqualByComparingTo(left.subtract(afterSmall.paid()).min(asPrimary.patientResponsibility()));
        assertBalanced(afterSmall);
        // a primary that paid the whole allowed amount leaves nothing: paid 0, the patient owes 0, all OA-23
        LineResult afterAll = adjudicate(secondary(plain, allowed)).lines().getFirst();
        assertThat(afterAll.paid()).isZero();
        assertThat(afterAll.patientResponsibility()).isZero();
        assertThat(amount(afterAll, "OA-23")).isEqualByComparingTo(allowed);
        assertBalanced(afterAll);
    }

    @Test
    void the837PCarriesThePrimarysPaymentInLoops2320And2430() throws Exception {
        Claim secondary = whitfieldAtMedicare().otherCoverage(ppoPaid("80.00")).build();
        String x12 = new Claim837Writer()
                .write(
                        List.of(secondary),
                        new X12Envelope(
                                "CHART2CLAIM", "MEDICARESIM", 1, java.time.LocalDateTime.of(2026, 3, 30, 9, 0), 'T'));
        assertThat(x12).contains("SBR*S*18").contains("SBR*P*18*W700900117");
        assertThat(x12).contains("AMT*D*80");
        assertThat(x12).contains("NM1*PR*2*BLUE HORIZON PPO (SIMULATED)*****PI*ppo-sim");
        assertThat(x12).contains("SVD*ppo-sim*80*HC:99214**1");
        assertThat(x12).contains("CAS*CO*45*150");
        assertThat(x12).contains("DTP*573*D8*20260321");
        // the independent 5010 parser reads it without errors and finds the line's 2430 loop
        com.imsweb.x12.reader.X12Reader oracle = new com.imsweb.x12.reader.X12Reader(
                com.imsweb.x12.reader.X12Reader.FileType.ANSI837_5010_X222,
                new java.io.ByteArrayInputStream(x12.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(oracle.getFatalErrors()).isEmpty();
        assertThat(oracle.getErrors()).isEmpty();
        assertThat(oracle.getLoops().getFirst().findLoop("2430"))
                .singleElement()
                .satisfies(l ->
                        assertThat(l.getSegment("SVD").getElementValue("SVD02")).isEqualTo("80"));
        assertThat(oracle.getLoops().getFirst().findLoop("2320"))
                .singleElement()
                .satisfies(l ->
                        assertThat(l.getSegment("AMT").getElementValue("AMT02")).isEqualTo("80"));
    }

    static Claim secondary(Claim primaryShape, BigDecimal primaryPaid) {
        return ClaimBuilder.from(primaryShape)
                .otherCoverage(new OtherCoverage(
                        PersonName.of("Fairbanks", "Olivia"),
                        "MCD0000",
                        "State Medicaid (simulated)",
                        new OtherCoverage.PriorPayment(
                                "medicaid-sim",
                                DOS.plusDays(7),
                                primaryPaid,
                                List.of(new OtherCoverage.LinePayment(1, "99214", primaryPaid, List.of())))))
                .build();
    }

    static BigDecimal amount(LineResult line, String label) {
        return line.adjustments().stream()
                .filter(a -> a.label().equals(label))
                .map(Adjustment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static void assertBalanced(LineResult line) {
        BigDecimal adjusted =
                line.adjustments().stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(line.billed()).isEqualByComparingTo(line.paid().add(adjusted));
    }
}
