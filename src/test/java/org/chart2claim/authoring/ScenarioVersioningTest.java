package org.chart2claim.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.scenario.ScenarioVersionRepository;
import org.chart2claim.scenario.ScenarioVisibility;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Versions (issue 12): publishing creates immutable versions, attempts keep the version they were made on, an
 * old grade changes only by an explicit regrade that keeps the old score in the history, retiring hides from
 * the catalogue and keeps attempts, visibility limits a scenario to the owner's cohorts.
 */
@IntegrationTest
class ScenarioVersioningTest {

    private static final Set<Role> INSTRUCTOR = Set.of(Role.INSTRUCTOR);

    @Autowired
    AuthoringService authoring;

    @Autowired
    ScenarioLibrary library;

    @Autowired
    AttemptService attempts;

    @Autowired
    ScenarioVersionRepository versions;

    @Autowired
    AccountService accounts;

    @Autowired
    CohortService cohorts;

    @Autowired
    org.chart2claim.billing.BillingService billing;

    /** The strep visit coded the right way (99213), whatever the key says. */
    private CodingAnswer rightCoding() {
        return CodingAnswer.fromKey(
                library.find(AuthoringFixtures.BASE).orElseThrow().key());
    }

    @Test
    void publishingMakesVersionsAndOldAttemptsKeepTheirGradeUntilAnExplicitRegrade() {
        String id = AuthoringFixtures.newId("ver");
        ScenarioLibrary.Published v1 = authoring.publish(
                AuthoringFixtures.strepWithWrongLevel(id), null, "instructor", INSTRUCTOR, null, null);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(library.find(id).orElseThrow().version()).isEqualTo(1);

        AttemptService.GradedAttempt first = attempts.submit("student", id, rightCoding());
        assertThat(first.scenarioVersion()).isEqualTo(1);
        assertThat(first.score()).isLessThan(100); // the key says 99214

        ScenarioLibrary.Published v2 =
                authoring.publish(AuthoringFixtures.strep(id), id, "instructor", INSTRUCTOR, null, "99213 is right");
        assertThat(v2.version()).isEqualTo(2);
        // The old attempt is unchanged: same score, same version, no history.
        AttemptService.GradedAttempt reread =
                attempts.attemptFor(first.id(), "student", Set.of(Role.STUDENT)).orElseThrow();
        assertThat(reread.score()).isEqualTo(first.score());
        assertThat(reread.scenarioVersion()).isEqualTo(1);
        assertThat(reread.regrades()).isEmpty();
        // Version 1 is still readable as it was.
        assertThat(library.version(id, 1)
                        .orElseThrow()
                        .key()
                        .procedures()
                        .getFirst()
                        .code())
                .isEqualTo("99214");
        assertThat(library.text(id, 1).orElseThrow()).contains("99214");

        AttemptService.GradedAttempt later = attempts.submit("student", id, rightCoding());
        assertThat(later.scenarioVersion()).isEqualTo(2);
        assertThat(later.score()).isEqualTo(100);

        int regraded = attempts.regrade(id, 1, "instructor", "key corrected");
        assertThat(regraded).isEqualTo(1);
        AttemptService.GradedAttempt after =
                attempts.attemptFor(first.id(), "student", Set.of(Role.STUDENT)).orElseThrow();
        assertThat(after.score()).isEqualTo(100);
        assertThat(after.scenarioVersion()).isEqualTo(2);
        assertThat(after.regrades()).singleElement().satisfies(r -> {
            assertThat(r.oldScore()).isEqualTo(first.score());
            assertThat(r.oldVersion()).isEqualTo(1);
            assertThat(r.newScore()).isEqualTo(100);
            assertThat(r.newVersion()).isEqualTo(2);
            assertThat(r.by()).isEqualTo("instructor");
        });
        // Regrading again finds nothing left on version 1.
        assertThat(attempts.regrade(id, 1, "instructor", "again")).isZero();
    }

    @Test
    void aClaimKeepsTheScenarioVersionItWasBuiltFrom() {
        String id = AuthoringFixtures.newId("claimver");
        authoring.publish(AuthoringFixtures.strep(id), null, "instructor", INSTRUCTOR, null, null);
        Scenario v1 = library.find(id).orElseThrow();
        var result = billing.submitScenario(
                "student", v1, rightCoding(), null, "version-test", org.chart2claim.payer.Disclosure.TEACHING);
        long recordId = billing.recordId(result).orElseThrow();
        authoring.publish(AuthoringFixtures.strepWithWrongLevel(id), id, "instructor", INSTRUCTOR, null, null);
        assertThat(library.find(id).orElseThrow().version()).isEqualTo(2);

        var correction = billing.correction(recordId, "student").orElseThrow();
        assertThat(correction.scenario().orElseThrow().version()).isEqualTo(1);
        assertThat(correction
                        .scenario()
                        .orElseThrow()
                        .key()
                        .procedures()
                        .getFirst()
                        .code())
                .isEqualTo("99213");
    }

    @Test
    void publishingTheSameTextAgainCreatesNoVersionAndInvalidTextChangesNothing() {
        String id = AuthoringFixtures.newId("same");
        authoring.publish(AuthoringFixtures.strep(id), null, "instructor", INSTRUCTOR, null, null);
        ScenarioLibrary.Published again =
                authoring.publish(AuthoringFixtures.strep(id), id, "instructor", INSTRUCTOR, null, null);
        assertThat(again.version()).isEqualTo(1);
        assertThat(again.created()).isFalse();
        assertThat(versions.findByScenarioIdOrderByVersionAsc(id)).hasSize(1);

        String broken = AuthoringFixtures.strep(id).replace("J02.0, rationale", "J02, rationale");
        assertThatThrownBy(() -> authoring.publish(broken, id, "instructor", INSTRUCTOR, null, null))
                .isInstanceOf(ScenarioLibrary.InvalidScenarioException.class);
        assertThat(versions.findByScenarioIdOrderByVersionAsc(id)).hasSize(1);
        assertThat(library.find(id).orElseThrow().key().diagnoses().getFirst().code())
                .isEqualTo("J02.0");
    }

    @Test
    void onlyTheOwnerOrAnAdminChangesAScenarioAndShippedOnesAreDuplicated() {
        String id = AuthoringFixtures.newId("own");
        authoring.publish(
                AuthoringFixtures.strep(id), null, "instructor", INSTRUCTOR, ScenarioVisibility.EVERYBODY, null);
        assertThatThrownBy(() -> authoring.publish(
                        AuthoringFixtures.strepWithWrongLevel(id), id, "other-instructor", INSTRUCTOR, null, null))
                .isInstanceOf(AuthoringService.NotEditableException.class)
                .hasMessageContaining("belongs to instructor");
        assertThatThrownBy(() -> authoring.publish(
                        AuthoringFixtures.strep(AuthoringFixtures.BASE),
                        AuthoringFixtures.BASE,
                        "instructor",
                        INSTRUCTOR,
                        null,
                        null))
                .isInstanceOf(AuthoringService.NotEditableException.class)
                .hasMessageContaining("duplicate it");
        // The shipped one stays as shipped; an admin may publish a new version of an instructor's scenario.
        assertThat(library.find(AuthoringFixtures.BASE).orElseThrow().version()).isEqualTo(1);
        assertThat(authoring
                        .publish(AuthoringFixtures.strepWithWrongLevel(id), id, "admin", Set.of(Role.ADMIN), null, null)
                        .version())
                .isEqualTo(2);
        String copy = authoring.duplicateText(AuthoringFixtures.BASE, id + "-copy", "instructor", INSTRUCTOR);
        assertThat(copy).contains("id: " + id + "-copy").doesNotContain("id: " + AuthoringFixtures.BASE);
    }

    @Test
    void retiringHidesFromTheCatalogueAndKeepsAttempts() {
        String id = AuthoringFixtures.newId("ret");
        authoring.publish(AuthoringFixtures.strep(id), null, "instructor", INSTRUCTOR, null, null);
        AttemptService.GradedAttempt attempt = attempts.submit("student", id, rightCoding());
        assertThat(library.catalogue("student")).extracting(Scenario::id).contains(id);

        authoring.setRetired(id, true, "instructor", INSTRUCTOR);
        assertThat(library.catalogue("student")).extracting(Scenario::id).doesNotContain(id);
        assertThat(attempts.attemptFor(attempt.id(), "student", Set.of(Role.STUDENT)))
                .isPresent();
        assertThat(attempts.history("student"))
                .extracting(AttemptService.AttemptSummary::id)
                .contains(attempt.id());
        assertThat(authoring.list("instructor", INSTRUCTOR))
                .filteredOn(r -> r.id().equals(id))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(AuthoringService.Status.RETIRED);
                    assertThat(r.attempts()).isEqualTo(1);
                });
    }

    @Test
    void aCohortOnlyScenarioIsSeenByTheOwnersStudentsOnly() {
        String id = AuthoringFixtures.newId("vis");
        String outsider = AuthoringFixtures.newId("outsider");
        accounts.create(outsider, "Out Sider", "outsider-pass-12", EnumSet.of(Role.STUDENT));
        authoring.publish(
                AuthoringFixtures.strep(id), null, "instructor", INSTRUCTOR, ScenarioVisibility.COHORTS, null);

        assertThat(library.catalogue("student")).extracting(Scenario::id).contains(id); // the demo cohort
        assertThat(library.catalogue(outsider)).extracting(Scenario::id).doesNotContain(id);
        assertThatThrownBy(() -> attempts.submit(outsider, id, rightCoding()))
                .isInstanceOf(AttemptService.UnknownScenarioException.class);

        authoring.setVisibility(id, ScenarioVisibility.EVERYBODY, "instructor", INSTRUCTOR);
        assertThat(library.catalogue(outsider)).extracting(Scenario::id).contains(id);
        assertThat(List.of(cohorts.teaches("instructor", "student"))).containsExactly(true);
    }
}
