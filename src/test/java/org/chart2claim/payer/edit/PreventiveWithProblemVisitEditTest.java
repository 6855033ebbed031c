package org.chart2claim.payer.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.ppoVisit;
import static org.chart2claim.payer.edit.EditHarness.assertDenied;
import static org.chart2claim.payer.edit.EditHarness.assertUntouched;
import static org.chart2claim.payer.edit.EditHarness.run;

import java.math.BigDecimal;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.junit.jupiter.api.Test;

/** A problem E/M with a preventive visit the same day needs modifier 25. */
class PreventiveWithProblemVisitEditTest {
    private final PreventiveWithProblemVisitEdit edit = new PreventiveWithProblemVisitEdit();

    private static Claim preventiveAndProblem(List<String> problemModifiers, int problemDaysLater) {
        return ppoVisit()
                .diagnoses("Z00.00", "J02.0")
                .lines(List.of())
                .line(DOS, "99395", List.of(), 1, List.of(1), new BigDecimal("250"))
                .line(DOS.plusDays(problemDaysLater), "99213", problemModifiers, 1, List.of(2), new BigDecimal("150"))
                .build();
    }

    @Test
    void problemVisitWithoutModifier25IsBundledCo97() {
        var a = assertDenied(run(edit, preventiveAndProblem(List.of(), 0)), 2, "CO-97", edit);
        assertThat(a.rarc()).containsExactly("N20");
        assertThat(a.explanation()).contains("99395").contains("modifier 25");
    }

    @Test
    void problemVisitWithModifier25IsPaid() {
        assertUntouched(run(edit, preventiveAndProblem(List.of("25"), 0)));
    }

    @Test
    void problemVisitOnAnotherDayIsNotTouched() {
        assertUntouched(run(edit, preventiveAndProblem(List.of(), 1)));
    }
}
