package org.chart2claim.payer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayerErrorTest {
    static LineResult line(int n, String billed, String paid, Adjustment... adjustments) {
        return new LineResult(
                n,
                "9921" + n,
                List.of(),
                1,
                LocalDate.of(2026, 3, 14),
                new BigDecimal(billed),
                new BigDecimal(paid),
                new BigDecimal(paid),
                List.of(adjustments));
    }

    static ClaimResult paid() {
        return new ClaimResult(
                "PCN",
                "SIM00000001",
                "ppo-sim",
                "PPO",
                "M1",
                "Doe",
                "Jane",
                "1",
                "Clinic",
                "1",
                ClaimStatus.PAID,
                new BigDecimal("300.00"),
                new BigDecimal("190.00"),
                new BigDecimal("30.00"),
                List.of(),
                List.of(
                        line(
                                1,
                                "200.00",
                                "120.00",
                                new Adjustment(
                                        GroupCode.CO,
                                        "45",
                                        List.of(),
                                        new BigDecimal("50.00"),
                                        "FeeScheduleEdit",
                                        "fee",
                                        null),
                                new Adjustment(
                                        GroupCode.PR,
                                        "3",
                                        List.of(),
                                        new BigDecimal("30.00"),
                                        "CostSharingEdit",
                                        "copay",
                                        null)),
                        line(
                                2,
                                "100.00",
                                "70.00",
                                new Adjustment(
                                        GroupCode.CO,
                                        "45",
                                        List.of(),
                                        new BigDecimal("30.00"),
                                        "FeeScheduleEdit",
                                        "fee",
                                        null))));
    }

    @Test
    void theHitLineIsDeniedForItsWholeChargeAndTheTotalsFollow() {
        PayerError error = new PayerError(2, GroupCode.CO, "97", List.of("M15"), "NcciPtpEdit", "Bundled into line 1.");
        ClaimResult remitted = error.apply(paid());
        LineResult hit = remitted.lines().get(1);
        assertThat(hit.paid()).isEqualByComparingTo("0");
        assertThat(hit.allowed()).isEqualByComparingTo("0");
        assertThat(hit.adjustments()).singleElement().satisfies(a -> {
            assertThat(a.label()).isEqualTo("CO-97");
            assertThat(a.amount()).isEqualByComparingTo("100.00");
            assertThat(a.edit()).isEqualTo("NcciPtpEdit");
            assertThat(a.hint()).isNull();
        });
        assertThat(remitted.paid()).isEqualByComparingTo("120.00");
        assertThat(remitted.patientResponsibility()).isEqualByComparingTo("30.00");
        assertThat(remitted.status()).isEqualTo(ClaimStatus.PARTIAL);
        // billed = paid + adjustments on every line, as on any remittance
        for (LineResult l : remitted.lines()) {
            BigDecimal adjusted =
                    l.adjustments().stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(l.paid().add(adjusted)).isEqualByComparingTo(l.billed());
        }
    }

    @Test
    void aOneLineClaimIsDeniedAndAMissingLineIsRefused() {
        ClaimResult both = new PayerError(1, GroupCode.CO, "22", List.of(), "EligibilityEdit", "Other payer primary.")
                .apply(new PayerError(2, GroupCode.CO, "22", List.of(), "EligibilityEdit", "x").apply(paid()));
        assertThat(both.status()).isEqualTo(ClaimStatus.DENIED);
        assertThat(both.paid()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> new PayerError(3, GroupCode.CO, "22", List.of(), "E", "x").apply(paid()))
                .hasMessageContaining("no service line 3");
    }
}
