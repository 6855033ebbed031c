package org.chart2claim.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.LineResult;
import org.chart2claim.payer.Rejection;
import org.junit.jupiter.api.Test;

class DeniedLinesTest {
    static Adjustment adj(GroupCode g, String carc, String amount) {
        return new Adjustment(g, carc, List.of(), new BigDecimal(amount), "E", "why " + carc, null);
    }

    static LineResult line(int n, String paid, Adjustment... a) {
        return new LineResult(
                n,
                "99213",
                List.of(),
                1,
                null,
                new BigDecimal("100.00"),
                new BigDecimal(paid),
                new BigDecimal(paid),
                List.of(a));
    }

    static ClaimResult result(ClaimStatus status, List<Rejection> rejections, LineResult... lines) {
        return new ClaimResult(
                "P",
                "SIM00000009",
                "ppo-sim",
                "PPO",
                "M",
                "Doe",
                "Jane",
                "1",
                "C",
                "1",
                status,
                new BigDecimal("300.00"),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                rejections,
                List.of(lines));
    }

    @Test
    void deniedAndPatientLinesNeedWorkAndContractualOnlyLinesDoNot() {
        List<DeniedLines.Candidate> items = DeniedLines.of(result(
                ClaimStatus.PARTIAL,
                List.of(),
                line(1, "70.00", adj(GroupCode.CO, "45", "30.00")),
                line(2, "0.00", adj(GroupCode.CO, "97", "100.00")),
                line(3, "50.00", adj(GroupCode.CO, "45", "30.00"), adj(GroupCode.PR, "2", "20.00"))));
        assertThat(items).extracting(DeniedLines.Candidate::line).containsExactly(2, 3);
        assertThat(items.get(0).group() + "-" + items.get(0).carc()).isEqualTo("CO-97");
        assertThat(items.get(1).group() + "-" + items.get(1).carc()).isEqualTo("PR-2");
        assertThat(items.get(1).amount()).isEqualByComparingTo("20.00");
    }

    @Test
    void aRejectionIsOneItemForTheClaimAndAReversalNone() {
        List<DeniedLines.Candidate> rejected = DeniedLines.of(
                result(ClaimStatus.REJECTED, List.of(new Rejection("2010BA NM109", "Member id missing"))));
        assertThat(rejected).singleElement().satisfies(c -> {
            assertThat(c.group()).isEqualTo(Denial.REJECTED);
            assertThat(c.line()).isZero();
            assertThat(c.explanation()).contains("Member id missing");
        });
        assertThat(DeniedLines.of(
                        result(ClaimStatus.REVERSED, List.of(), line(1, "0.00", adj(GroupCode.CO, "97", "100")))))
                .isEmpty();
    }
}
