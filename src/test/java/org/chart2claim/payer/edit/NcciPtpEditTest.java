package org.chart2claim.payer.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.medicareVisit;
import static org.chart2claim.payer.edit.EditHarness.assertDenied;
import static org.chart2claim.payer.edit.EditHarness.assertUntouched;
import static org.chart2claim.payer.edit.EditHarness.run;

import java.math.BigDecimal;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.junit.jupiter.api.Test;

class NcciPtpEditTest {
    final NcciPtpEdit edit = new NcciPtpEdit();

    static Claim visitWithInjection(List<String> emModifiers) {
        return medicareVisit()
                .diagnoses("M17.11", "E11.40")
                .lines(List.of())
                .line(DOS, "99214", emModifiers, 1, List.of(1, 2), new BigDecimal("286"))
                .line(DOS, "20610", List.of("RT"), 1, List.of(1), new BigDecimal("140"))
                .build();
    }

    @Test
    void emWithMinorProcedureWithout25IsBundled() {
        var ctx = run(edit, visitWithInjection(List.of()));
        var a = assertDenied(ctx, 1, "CO-97", edit);
        assertThat(a.rarc()).isEqualTo(List.of("M15"));
        assertThat(ctx.lines().get(1).denied())
                .as("the column-1 procedure is paid")
                .isFalse();
    }

    @Test
    void modifier25OnTheEmBypassesIndicator1() {
        assertUntouched(run(edit, visitWithInjection(List.of("25"))));
    }

    @Test
    void modifier59DoesNotBypassForAnEm() {
        assertDenied(run(edit, visitWithInjection(List.of("59"))), 1, "CO-97", edit);
    }

    @Test
    void indicator0CannotBeBypassedEvenWith59() {
        var claim = medicareVisit()
                .diagnoses("R07.9")
                .lines(List.of())
                .line(DOS, "93000", List.of(), 1, List.of(1), new BigDecimal("40"))
                .line(DOS, "93010", List.of("59"), 1, List.of(1), new BigDecimal("20"))
                .build();
        assertDenied(run(edit, claim), 2, "CO-97", edit);
    }

    @Test
    void indicator1BypassedByXsOnColumn2() {
        var claim = medicareVisit()
                .diagnoses("K80.20")
                .lines(List.of())
                .line(DOS, "45385", List.of(), 1, List.of(1), new BigDecimal("600"))
                .line(DOS, "45380", List.of("XS"), 1, List.of(1), new BigDecimal("500"))
                .build();
        assertUntouched(run(edit, claim));
    }

    @Test
    void differentDatesAreNotBundled() {
        var claim = medicareVisit()
                .diagnoses("R07.9")
                .lines(List.of())
                .line(DOS, "93000", List.of(), 1, List.of(1), new BigDecimal("40"))
                .line(DOS.plusDays(1), "93010", List.of(), 1, List.of(1), new BigDecimal("20"))
                .build();
        assertUntouched(run(edit, claim));
    }

    @Test
    void deletedPairNoLongerApplies() {
        var claim = medicareVisit()
                .diagnoses("R07.9")
                .lines(List.of())
                .line(DOS, "93000", List.of(), 1, List.of(1), new BigDecimal("40"))
                .line(DOS, "93040", List.of(), 1, List.of(1), new BigDecimal("20"))
                .build();
        assertUntouched(run(edit, claim));
    }
}
