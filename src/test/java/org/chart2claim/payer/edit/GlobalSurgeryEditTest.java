package org.chart2claim.payer.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.medicareVisit;
import static org.chart2claim.payer.edit.EditHarness.assertDenied;
import static org.chart2claim.payer.edit.EditHarness.assertUntouched;
import static org.chart2claim.payer.edit.EditHarness.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.payer.AdjudicationRequest;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.payer.PriorClaim;
import org.junit.jupiter.api.Test;

/** E/M services inside a procedure's global package (periods from the CPT book: 25605 = 090, 12031 = 010). */
class GlobalSurgeryEditTest {
    private final GlobalSurgeryEdit edit = new GlobalSurgeryEdit();

    private static Claim visitAndProcedure(LocalDate visitDate, List<String> visitModifiers, String procedure) {
        return medicareVisit()
                .diagnoses("S52.501A")
                .lines(List.of())
                .line(visitDate, "99204", visitModifiers, 1, List.of(1), new BigDecimal("300"))
                .line(DOS, procedure, List.of("RT"), 1, List.of(1), new BigDecimal("700"))
                .build();
    }

    @Test
    void emOnTheDayOfAMajorProcedureWithout57IsIncluded() {
        var a = assertDenied(run(edit, visitAndProcedure(DOS, List.of(), "25605")), 1, "CO-97", edit);
        assertThat(a.rarc()).containsExactly("N525");
        assertThat(a.explanation()).contains("25605").contains("57");
    }

    @Test
    void emOnTheDayBeforeAMajorProcedureWithout57IsIncluded() {
        assertDenied(run(edit, visitAndProcedure(DOS.minusDays(1), List.of(), "25605")), 1, "CO-97", edit);
    }

    @Test
    void decisionForSurgeryWith57IsPaid() {
        assertUntouched(run(edit, visitAndProcedure(DOS, List.of("57"), "25605")));
        assertUntouched(run(edit, visitAndProcedure(DOS.minusDays(1), List.of("57"), "25605")));
    }

    @Test
    void emOnTheDayOfAMinorProcedureNeeds25Not57() {
        assertDenied(run(edit, visitAndProcedure(DOS, List.of(), "12031")), 1, "CO-97", edit);
        assertUntouched(run(edit, visitAndProcedure(DOS, List.of("25"), "12031")));
    }

    @Test
    void postOperativeVisitFromAnEarlierClaimIsIncludedUnless24() {
        Claim surgery = visitAndProcedure(DOS, List.of("57"), "25605");
        PriorClaim prior = new PriorClaim(surgery, PayerFixtures.adjudicate(surgery));
        Claim followUp = medicareVisit()
                .diagnoses("S52.501D")
                .lines(List.of())
                .line(DOS.plusDays(30), "99213", List.of(), 1, List.of(1), new BigDecimal("150"))
                .build();
        var a = assertDenied(run(edit, withHistory(followUp, prior)), 1, "CO-97", edit);
        assertThat(a.explanation()).contains("on claim SIM0001").contains("30 day(s) after");

        Claim unrelated = medicareVisit()
                .lines(List.of())
                .line(DOS.plusDays(30), "99213", List.of("24"), 1, List.of(1), new BigDecimal("150"))
                .build();
        assertUntouched(run(edit, withHistory(unrelated, prior)));
    }

    @Test
    void visitAfterTheGlobalPeriodIsPaid() {
        Claim surgery = visitAndProcedure(DOS, List.of("57"), "25605");
        Claim later = medicareVisit()
                .lines(List.of())
                .line(DOS.plusDays(91), "99213", List.of(), 1, List.of(1), new BigDecimal("150"))
                .build();
        assertUntouched(run(edit, withHistory(later, new PriorClaim(surgery, PayerFixtures.adjudicate(surgery)))));
    }

    @Test
    void emWithoutAnyProcedureIsNotTouched() {
        assertUntouched(run(edit, medicareVisit().build()));
    }

    private static AdjudicationRequest withHistory(Claim claim, PriorClaim prior) {
        return new AdjudicationRequest(claim, List.of(), DOS.plusDays(100), List.of(prior), null, "SIM0200");
    }
}
