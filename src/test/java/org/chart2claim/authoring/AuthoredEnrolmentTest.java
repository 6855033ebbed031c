package org.chart2claim.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.chart2claim.account.Role;
import org.chart2claim.billing.BillingService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.payer.PayerService;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.scenario.ScenarioValidator;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Publishing an authored scenario enrols its patient with the payer it names (issue 12): the payer gate passes
 * without an override, students' claims are paid instead of CO-31, and a member id already another person's (in
 * the payer's file or another authored scenario) is refused on {@code patient.memberId}.
 */
@IntegrationTest
class AuthoredEnrolmentTest {

    private static final Set<Role> INSTRUCTOR = Set.of(Role.INSTRUCTOR);
    /** The shipped strep scenario's patient, in codebooks/payers/members.tsv. */
    private static final String STREP_PATIENT =
            "name: Tyler Brandt, dateOfBirth: 1996-02-11, sex: M, address: {line1: 1120 Westgate Drive, city: Chatham,"
                    + " state: IL, zip: \"62629\"}, memberId: W550128874";

    @Autowired
    AuthoringService authoring;

    @Autowired
    ScenarioLibrary library;

    @Autowired
    BillingService billing;

    @Autowired
    PayerService payer;

    /** The strep scenario under {@code id} for another patient: {@code name}, born 1996-03-20, {@code memberId}. */
    private static String withPatient(String id, String name, String memberId) {
        String text = AuthoringFixtures.strep(id);
        assertThat(text).contains(STREP_PATIENT);
        return text.replace(
                STREP_PATIENT,
                "name: " + name + ", dateOfBirth: 1996-03-20, sex: M, address: {line1: 4 Elm Street, city: Chatham,"
                        + " state: IL, zip: \"62629\"}, memberId: " + memberId);
    }

    private static String newMemberId() {
        return "ZA"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
    }

    @Test
    void aNewPatientIsEnrolledSoTheKeyPassesTheGateAndAStudentsClaimIsPaid() {
        String id = AuthoringFixtures.newId("enrol");
        String memberId = newMemberId();
        assertThat(payer.member("ppo-sim", memberId)).isEmpty();

        // no payerOverride: before publishing enrolled the patient, the gate refused the key CO-31
        ScenarioLibrary.Published published = authoring.publish(
                withPatient(id, "Nadia Okafor", memberId), null, "instructor", INSTRUCTOR, null, null, null);
        assertThat(library.versions(id).getLast().payerCheck()).startsWith("Paid without denial");
        assertThat(library.versions(id).getLast().payerOverride()).isNull();

        assertThat(payer.member("ppo-sim", memberId.toLowerCase())).hasValueSatisfying(m -> {
            assertThat(m.lastName()).isEqualTo("Okafor");
            assertThat(m.firstName()).isEqualTo("Nadia");
            assertThat(m.birthDate()).hasToString("1996-03-20");
            assertThat(m.coverageEnd()).isNull();
        });
        assertThat(payer.member("medicare-sim", memberId))
                .as("enrolled with the payer the scenario names only")
                .isEmpty();

        Scenario scenario = library.version(id, published.version()).orElseThrow();
        ClaimResult result = billing.submitScenario(
                "student", scenario, CodingAnswer.fromKey(scenario.key()), null, "enrol-test", Disclosure.TEACHING);
        assertThat(result.status()).isEqualTo(ClaimStatus.PAID);
        assertThat(result.lines())
                .flatMap(l -> l.adjustments())
                .noneMatch(a -> a.carc().equals("31"));

        // retired scenarios' patients stay enrolled: claims already sent for them stay covered
        authoring.setRetired(id, true, "instructor", INSTRUCTOR);
        assertThat(payer.member("ppo-sim", memberId)).isPresent();
    }

    /** The errors publishing {@code text} as {@code user} is refused with (even with a payer override). */
    private java.util.List<ScenarioValidator.Error> refusal(String text, String user) {
        try {
            authoring.publish(text, null, user, INSTRUCTOR, null, null, "teaching");
        } catch (ScenarioLibrary.InvalidScenarioException e) {
            return e.errors();
        }
        throw new AssertionError("published: " + text.lines().findFirst().orElse(""));
    }

    @Test
    void aMemberIdAlreadyAnotherPersonsIsRefusedOnTheMemberId() {
        // the payer's file: W550128874 is Tyler Brandt
        String fileTakeover = AuthoringFixtures.newId("takeover");
        assertThat(refusal(withPatient(fileTakeover, "Mallory Stone", "W550128874"), "instructor"))
                .singleElement()
                .satisfies(err -> {
                    assertThat(err.field()).isEqualTo("patient.memberId");
                    assertThat(err.message()).contains("W550128874").contains("Tyler Brandt");
                });
        assertThat(library.find(fileTakeover)).isEmpty();
        assertThat(payer.member("ppo-sim", "W550128874").orElseThrow().lastName())
                .isEqualTo("Brandt");

        // another author's scenario: the first enrolment stands
        String memberId = newMemberId();
        String first = AuthoringFixtures.newId("enrol-first");
        authoring.publish(withPatient(first, "Nadia Okafor", memberId), null, "instructor", INSTRUCTOR, null, null);
        String second = AuthoringFixtures.newId("enrol-second");
        assertThat(refusal(withPatient(second, "Mallory Stone", memberId), "other-instructor"))
                .extracting(ScenarioValidator.Error::field)
                .containsExactly("patient.memberId");
        assertThat(payer.member("ppo-sim", memberId).orElseThrow().lastName()).isEqualTo("Okafor");

        // the same person in another scenario, and the own scenario correcting its patient's name, are fine
        authoring.publish(
                withPatient(first, "Nadia Okafor-Reyes", memberId), first, "instructor", INSTRUCTOR, null, null);
        assertThat(library.find(first).orElseThrow().version()).isEqualTo(2);
        authoring.publish(
                withPatient(second, "Nadia Okafor-Reyes", memberId), null, "other-instructor", INSTRUCTOR, null, null);
        assertThat(library.find(second)).isPresent();
    }
}
