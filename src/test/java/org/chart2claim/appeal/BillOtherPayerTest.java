package org.chart2claim.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.chart2claim.appeal.otherpayer.CobClaims;
import org.chart2claim.billing.BillingService;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.config.Json;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.LineResult;
import org.chart2claim.payer.PayerClaimRecord;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Bill another payer" adjudicates at the other payer. Coverage ended (CO-27): the plan in force is billed as primary
 * and nothing else. Another plan primary (CO-22): it is billed first, then the denying payer as secondary with the
 * primary's payment (a replacement carrying 2320/2430), paid "lesser of" with OA-23.
 */
@IntegrationTest
class BillOtherPayerTest {
    static final String USER = "cob-trainee";

    @Autowired
    AppealService appeals;

    @Autowired
    BillingService billing;

    @Autowired
    ScenarioLibrary scenarios;

    AppealService.WorkItem item(String ledger, String label) {
        return appeals.worklist(USER, ledger).stream()
                .filter(w -> w.row().label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " item"));
    }

    List<PayerClaimRecord> claims(String ledger) {
        return billing.myClaims(USER).stream()
                .filter(r -> r.getLedger().equals(ledger))
                .toList();
    }

    @Test
    void coverageEndedBillsThePlanInForceAsPrimary() {
        String ledger = "cob-" + UUID.randomUUID();
        Scenario s = scenarios.find("cov-005-mild-covid-office").orElseThrow();
        // the visit and a second line (a rapid strep test), both denied CO-27: one action bills the whole claim
        CodingAnswer key = CodingAnswer.fromKey(s.key());
        List<CodingAnswer.Line> lines = new java.util.ArrayList<>(key.procedures());
        lines.add(new CodingAnswer.Line("87880", List.of(), 1, List.of(1)));
        Claim toMedicaid = CobClaims.toOtherPayer(
                billing.claimFromScenario(s, new CodingAnswer(key.diagnoses(), lines)),
                new CobClaims.OtherPlan("medicaid-sim", "State Medicaid (simulated)", "MCD31004417", "GRPMED01"),
                false);
        billing.submitBuilt(USER, ledger, toMedicaid, s);
        AppealService.WorkItem denied = item(ledger, "CO-27");

        ActionAnswer billed =
                appeals.act(USER, denied.id(), new ActionRequest("BILL_OTHER_PAYER", null, null, null, null, null));

        assertThat(billed.status()).isEqualTo("BILLED_OTHER_PAYER");
        assertThat(billed.explanation())
                .contains("The plan in force then is Blue Horizon PPO (simulated) (policy WB20260031)")
                .doesNotContain("Secondary claim");
        PayerClaimRecord atPpo = claims(ledger).stream()
                .filter(r -> r.getPayerId().equals("ppo-sim"))
                .findFirst()
                .orElseThrow();
        Claim sent = Json.MAPPER.readValue(atPpo.getClaimJson(), Claim.class);
        assertThat(sent.insured().memberId()).isEqualTo("WB20260031");
        assertThat(sent.frequency()).isEqualTo(FrequencyCode.ORIGINAL);
        assertThat(sent.otherCoverage()).isNull(); // Medicaid had ended: it is nobody's secondary plan
        assertThat(atPpo.getPaid()).isPositive();
        ClaimResult ppo = Json.MAPPER.readValue(atPpo.getResultJson(), ClaimResult.class);
        LineResult visit = ppo.lines().getFirst();
        assertThat(billed.paid()).isEqualByComparingTo(visit.paid().add(visit.patientResponsibility()));
        assertThat(claims(ledger)).hasSize(2); // the Medicaid claim and the PPO claim: no secondary claim
        // both lines' items follow the claim billed to the PPO
        assertThat(appeals.worklist(USER, ledger).stream()
                        .filter(w -> w.row().payerClaimId() == denied.row().payerClaimId())
                        .toList())
                .hasSize(2)
                .allSatisfy(w -> {
                    assertThat(w.row().status()).isEqualTo(ItemStatus.BILLED_OTHER_PAYER);
                    assertThat(w.row().newClaimId()).isEqualTo(atPpo.getId());
                });
    }

    @Test
    void anotherPlanPrimaryIsBilledFirstThenThisPayerAsSecondaryWithItsPayment() {
        String ledger = "cob-" + UUID.randomUUID();
        // George Whitfield's visit sent to Medicare, though his employer's PPO pays first: CO-22
        // a recent visit: a claim without a scenario is received today, inside the PPO's 90-day filing limit
        Claim toMedicare =
                PayerFixtures.whitfieldAtMedicare(LocalDate.now().minusDays(20)).build();
        billing.submitBuilt(USER, ledger, toMedicare, null);
        AppealService.WorkItem denied = item(ledger, "CO-22");

        ActionAnswer billed =
                appeals.act(USER, denied.id(), new ActionRequest("BILL_OTHER_PAYER", null, null, null, null, null));

        assertThat(billed.status()).isEqualTo("BILLED_OTHER_PAYER");
        assertThat(billed.explanation())
                .contains("Blue Horizon PPO (simulated)")
                .contains("Secondary claim");
        PayerClaimRecord atPpo = claims(ledger).stream()
                .filter(r -> r.getPayerId().equals("ppo-sim"))
                .findFirst()
                .orElseThrow();
        Claim primaryClaim = Json.MAPPER.readValue(atPpo.getClaimJson(), Claim.class);
        assertThat(primaryClaim.insured().memberId()).isEqualTo("W700900117");
        assertThat(primaryClaim.otherCoverage().policyNumber()).isEqualTo("7AB1CD2EF34"); // box 11d: Medicare
        BigDecimal ppoPaid = atPpo.getPaid();
        assertThat(ppoPaid).isPositive();

        PayerClaimRecord secondary = claims(ledger).stream()
                .filter(r -> r.getPayerId().equals("medicare-sim") && r.getResultJson() != null)
                .filter(r ->
                        Json.MAPPER.readValue(r.getClaimJson(), Claim.class).frequency() == FrequencyCode.REPLACEMENT)
                .filter(r -> !r.getStatus().equals("REVERSED"))
                .findFirst()
                .orElseThrow();
        Claim secondaryClaim = Json.MAPPER.readValue(secondary.getClaimJson(), Claim.class);
        assertThat(secondaryClaim.originalClaimNumber()).isEqualTo(denied.row().claimNumber());
        assertThat(secondaryClaim.otherCoverage().priorPayment().paid()).isEqualByComparingTo(ppoPaid);
        assertThat(secondaryClaim.otherCoverage().priorPayment().payerId()).isEqualTo("ppo-sim");
        LineResult line = Json.MAPPER
                .readValue(secondary.getResultJson(), ClaimResult.class)
                .lines()
                .getFirst();
        // Medicare allows 130 and would pay nothing as primary (183 of his deductible is open): the PPO's payment
        // comes off the patient's share, as OA-23
        assertThat(line.adjustments())
                .extracting(Adjustment::label)
                .contains("OA-23")
                .doesNotContain("CO-22");
        assertThat(line.adjustments().stream()
                        .filter(a -> a.label().equals("OA-23"))
                        .map(Adjustment::amount)
                        .findFirst()
                        .orElseThrow())
                .isEqualByComparingTo(ppoPaid.min(line.allowed()));
        assertThat(line.patientResponsibility())
                .isEqualByComparingTo(line.allowed().subtract(ppoPaid).max(BigDecimal.ZERO));
        assertThat(appeals.item(USER, denied.id()).orElseThrow().row().newClaimId())
                .isEqualTo(secondary.getId());
        assertThat(billed.paid()).isEqualByComparingTo(ppoPaid.add(line.paid()).add(line.patientResponsibility()));
    }
}
