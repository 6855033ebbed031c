package org.chart2claim.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.LineResult;
import org.junit.jupiter.api.Test;

class PayerCheckTest {

    private static ClaimResult result(ClaimStatus status, LineResult... lines) {
        return new ClaimResult(
                "PCN",
                "CHECK",
                "ppo-sim",
                "PPO",
                "M1",
                "Doe",
                "Jo",
                "1234567893",
                "Clinic",
                "123456789",
                status,
                new BigDecimal("200.00"),
                new BigDecimal("80.00"),
                new BigDecimal("20.00"),
                List.of(),
                List.of(lines));
    }

    private static LineResult line(int n, String code, BigDecimal paid, Adjustment... adjustments) {
        return new LineResult(
                n,
                code,
                List.of(),
                1,
                LocalDate.of(2025, 3, 4),
                new BigDecimal("100.00"),
                paid,
                paid,
                List.of(adjustments));
    }

    private static Adjustment adj(GroupCode group, String carc, String amount, String edit, String why) {
        return new Adjustment(group, carc, List.of(), new BigDecimal(amount), edit, why, null);
    }

    @Test
    void aPaidKeyIsCleanWithContractualAndPatientAmountsOnly() {
        PayerCheck check = PayerCheck.of(result(
                ClaimStatus.PAID,
                line(
                        1,
                        "99213",
                        new BigDecimal("80.00"),
                        adj(GroupCode.CO, "45", "0.00", "FeeScheduleEdit", "contractual"),
                        adj(GroupCode.PR, "2", "20.00", "CostSharingEdit", "coinsurance"))));
        assertThat(check.clean()).isTrue();
        assertThat(check.summary()).startsWith("Paid without denial · billed 200.00 · paid 80.00");
        assertThat(check.fieldErrors()).isEmpty();
        assertThat(check.remittance()).singleElement().asString().contains("PR-2 20.00 (coinsurance)");
    }

    @Test
    void aDeniedLineIsNamedAndASexConflictPointsBackToThePatientsSex() {
        PayerCheck check = PayerCheck.of(result(
                ClaimStatus.PARTIAL,
                line(1, "99213", new BigDecimal("80.00")),
                line(
                        2,
                        "76805",
                        BigDecimal.ZERO,
                        adj(
                                GroupCode.CO,
                                "10",
                                "100.00",
                                "SexConflictEdit",
                                "Diagnosis Z34.01 is inconsistent with the patient's sex (M)."))));
        assertThat(check.clean()).isFalse();
        assertThat(check.summary()).startsWith("Not paid cleanly (PARTIAL): line 2 76805 CO-10");
        assertThat(check.fieldErrors())
                .containsOnlyKeys("patient.sex")
                .extractingByKey("patient.sex")
                .asString()
                .contains("CO-10")
                .contains("inconsistent with the patient's sex");
    }
}
