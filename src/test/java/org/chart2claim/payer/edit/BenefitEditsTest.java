package org.chart2claim.payer.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chart2claim.payer.PayerFixtures.DOS;
import static org.chart2claim.payer.PayerFixtures.medicareVisit;
import static org.chart2claim.payer.PayerFixtures.ppoVisit;
import static org.chart2claim.payer.edit.EditHarness.assertDenied;
import static org.chart2claim.payer.edit.EditHarness.assertUntouched;
import static org.chart2claim.payer.edit.EditHarness.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.chart2claim.claim.Address;
import org.chart2claim.claim.Insured;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.Sex;
import org.junit.jupiter.api.Test;

/** PlaceOfServiceEdit, NotCoveredEdit, PriorAuthorizationEdit, CoveragePolicyEdit. */
class BenefitEditsTest {

    @Test
    void edVisitCodeInTheOfficeIsCo58() {
        var edit = new PlaceOfServiceEdit();
        var claim = medicareVisit()
                .lines(List.of())
                .line(DOS, "99284", List.of(), 1, List.of(1), new BigDecimal("300"))
                .build();
        assertDenied(run(edit, claim), 1, "CO-58", edit);
    }

    @Test
    void officeVisitInTheOfficePasses() {
        assertUntouched(run(new PlaceOfServiceEdit(), medicareVisit().build()));
    }

    @Test
    void routinePhysicalIsNotCoveredByMedicare() {
        var edit = new NotCoveredEdit();
        var claim = medicareVisit()
                .diagnoses("Z00.00")
                .lines(List.of())
                .line(DOS, "99397", List.of(), 1, List.of(1), new BigDecimal("300"))
                .build();
        assertDenied(run(edit, claim), 1, "CO-96", edit);
    }

    @Test
    void withGyThePatientOwesTheExcludedService() {
        var edit = new NotCoveredEdit();
        var claim = medicareVisit()
                .diagnoses("Z00.00")
                .lines(List.of())
                .line(DOS, "99397", List.of("GY"), 1, List.of(1), new BigDecimal("300"))
                .build();
        var a = assertDenied(run(edit, claim), 1, "PR-96", edit);
        assertThat(a.hint()).isNull();
    }

    @Test
    void coveredServicePasses() {
        assertUntouched(run(new NotCoveredEdit(), medicareVisit().build()));
    }

    static org.chart2claim.claim.ClaimBuilder mriKnee() {
        return ppoVisit()
                .insured(new Insured(
                        "W555000111",
                        PersonName.of("Natarajan", "Priya"),
                        LocalDate.of(1979, 2, 20),
                        Sex.F,
                        Address.empty(),
                        "",
                        ""))
                .diagnoses("M25.561")
                .lines(List.of())
                .line(DOS, "73721", List.of("RT"), 1, List.of(1), new BigDecimal("900"));
    }

    @Test
    void authListedServiceWithoutNumberIsCo197() {
        var edit = new PriorAuthorizationEdit();
        assertDenied(run(edit, mriKnee().build()), 1, "CO-197", edit);
    }

    @Test
    void wrongAuthNumberIsCo15() {
        var edit = new PriorAuthorizationEdit();
        assertDenied(run(edit, mriKnee().priorAuthorization("PA-00-0000000").build()), 1, "CO-15", edit);
    }

    @Test
    void authOnFilePasses() {
        assertUntouched(run(
                new PriorAuthorizationEdit(),
                mriKnee().priorAuthorization("PA-26-0777001").build()));
    }

    @Test
    void a1cForHypertensionOnlyIsCo50() {
        var edit = new CoveragePolicyEdit();
        var claim = medicareVisit()
                .diagnoses("I10")
                .lines(List.of())
                .line(DOS, "83036", List.of(), 1, List.of(1), new BigDecimal("30"))
                .build();
        var a = assertDenied(run(edit, claim), 1, "CO-50", edit);
        org.assertj.core.api.Assertions.assertThat(a.rarc()).isEqualTo(List.of("N115"));
    }

    @Test
    void a1cForDiabetesPasses() {
        var claim = medicareVisit()
                .lines(List.of())
                .line(DOS, "83036", List.of(), 1, List.of(1), new BigDecimal("30"))
                .build();
        assertUntouched(run(new CoveragePolicyEdit(), claim));
    }
}
