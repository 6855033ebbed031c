package org.chart2claim.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.scenario.ScenarioValidator;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The editor's live age/sex check of the key's codes, read from the payer's MCE-style table. */
@IntegrationTest
class DemographicConflictsTest {

    @Autowired
    AuthoringService authoring;

    @Autowired
    ScenarioLibrary library;

    @Test
    void noShippedScenarioHasAKeyCodeThatConflictsWithItsPatient() {
        assertThat(library.all().stream()
                        .filter(s -> library.catalogueEntry(s.id())
                                .map(ScenarioLibrary.Catalogue::shipped)
                                .orElse(false))
                        .toList())
                .hasSizeGreaterThan(100)
                .allSatisfy(s ->
                        assertThat(authoring.demographicConflicts(s)).as(s.id()).isEmpty());
    }

    @Test
    void aPregnancyCodeForAMalePatientIsAnErrorOnThatCode() {
        Scenario ob = library.find("ob-001-vaginal-delivery-global").orElseThrow();
        List<ScenarioValidator.Error> errors = authoring.demographicConflicts(withPatient(ob, "M", null));

        assertThat(errors).isNotEmpty();
        assertThat(errors.getFirst().field()).matches("key\\.diagnoses\\[\\d+]\\.code");
        assertThat(errors.getFirst().message())
                .startsWith("O")
                .contains("sex (M)")
                .contains("patient.sex");
    }

    @Test
    void aPregnancyCodeForAPatientAgedSeventyIsAnErrorNamingTheAgeRange() {
        Scenario ob = library.find("ob-001-vaginal-delivery-global").orElseThrow();
        LocalDate seventyYearsBefore = ob.dateOfService().minusYears(70);
        List<ScenarioValidator.Error> errors =
                authoring.demographicConflicts(withPatient(ob, ob.patient().sex(), seventyYearsBefore));

        assertThat(errors).isNotEmpty();
        assertThat(errors.getFirst().message()).contains("aged 70").contains("ages 12–55");
    }

    private static Scenario withPatient(Scenario s, String sex, LocalDate dateOfBirth) {
        Scenario.Patient p = s.patient();
        Scenario.Patient changed = new Scenario.Patient(
                p.name(), dateOfBirth == null ? p.dateOfBirth() : dateOfBirth, sex, p.address(), p.memberId());
        return new Scenario(
                s.id(),
                s.title(),
                s.specialty(),
                s.difficulty(),
                s.tags(),
                s.codeSetYear(),
                s.setting(),
                s.placeOfService(),
                s.dateOfService(),
                changed,
                s.payer(),
                s.renderingProvider(),
                s.billingProvider(),
                s.referringProvider(),
                s.priorAuthorization(),
                s.key(),
                s.noteMarkdown(),
                s.sourceFile(),
                s.contentHash(),
                s.author(),
                s.review(),
                s.version());
    }
}
