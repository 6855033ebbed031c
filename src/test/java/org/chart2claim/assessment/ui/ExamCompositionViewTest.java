package org.chart2claim.assessment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.assessment.AssessmentException;
import org.chart2claim.assessment.AssessmentService;
import org.chart2claim.assessment.Composition;
import org.chart2claim.assessment.ExamFixtures;
import org.chart2claim.assessment.ExamRecords.AssessmentRow;
import org.chart2claim.assessment.ExamSessionService;
import org.chart2claim.assessment.ExamViews.SessionView;
import org.chart2claim.assessment.ItemType;
import org.chart2claim.assessment.QuestionDomain;
import org.chart2claim.assessment.ReleaseMode;
import org.chart2claim.support.IntegrationTest;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Composing an exam in the builder beyond domain counts: a draw by question tag and a draw of coding scenarios,
 * drawn per session; the same through the API's blueprint; and accommodations set in the proctor view (extra time,
 * the student's own window, an extra attempt) that the server applies to the deadline of the next session.
 */
class ExamCompositionViewTest extends KaribuTest {

    @Autowired
    AccountService accounts;

    @Autowired
    CohortService cohorts;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ExamSessionService sessions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    ExamFixtures fx;

    @BeforeEach
    void cohort() {
        fx = new ExamFixtures(accounts, cohorts, assessments, jdbc, 3);
    }

    private AssessmentRow created(AssessmentsView view, String title) {
        return view.grid
                .getListDataView()
                .getItems()
                .filter(a -> a.title().equals(title) && fx.cohortId == a.cohortId())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theBuilderDrawsByTagAndDrawsCodingScenarios() {
        String specialty = assessments.scenarioSpecialties().keySet().iterator().next();
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("assessments");
        AssessmentsView view = _get(AssessmentsView.class);
        view.title.setValue("Tags and cases");
        view.cohort.setValue(cohorts.get(fx.cohortId).getName());
        view.mode.setValue(AssessmentsView.BLUEPRINT);
        view.counts.get(QuestionDomain.HCPCS_LEVEL_II).setValue(1);
        view.drawKind.setValue(AssessmentsView.DRAW_QUESTION_TAG);
        assertThat(view.drawValue.getListDataView().getItems()).contains("combination-code");
        view.drawValue.setValue("combination-code");
        view.drawCount.setValue(1);
        view.addDraw.click();
        view.drawKind.setValue(AssessmentsView.DRAW_SCENARIO_SPECIALTY);
        view.drawValue.setValue(specialty);
        view.drawCount.setValue(1);
        view.addDraw.click();
        assertThat(view.draws.getListDataView().getItems().map(Composition.BlueprintEntry::describe))
                .containsExactly("1 question tagged combination-code", "1 scenario of specialty " + specialty);
        view.create.click();
        assertThat(view.errors.getText()).isEmpty();
        AssessmentRow exam = created(view, "Tags and cases");
        assertThat(exam.composition().blueprint())
                .extracting(Composition.BlueprintEntry::itemType)
                .containsExactly(ItemType.QUESTION, ItemType.QUESTION, ItemType.SCENARIO);

        SessionView session = sessions.start(exam.id(), fx.students.getFirst()).session();
        assertThat(session.items()).hasSize(3);
        assertThat(session.items())
                .filteredOn(i -> i.type() == ItemType.SCENARIO)
                .hasSize(1);
        List<String> refs = jdbc.queryForList(
                "SELECT item_ref FROM exam_session_item WHERE session_id = ? ORDER BY pos",
                String.class,
                session.sessionId());
        assertThat(refs).contains("icd-t01", "hc-t01"); // icd-t01 is the only question tagged combination-code

        // asking for more than there is: one message, nothing stored
        long before = view.grid.getListDataView().getItemCount();
        view.title.setValue("Too many cases");
        view.drawKind.setValue(AssessmentsView.DRAW_SCENARIO_TAG);
        view.drawValue.setValue(
                view.drawValue.getListDataView().getItems().findFirst().orElseThrow());
        view.drawCount.setValue(5000);
        view.addDraw.click();
        view.create.click();
        assertThat(view.errors.getText()).contains(": the library has ").contains("5000 asked.");
        assertThat(view.grid.getListDataView().getItemCount()).isEqualTo(before);
    }

    @Test
    void theApiBlueprintTakesTagsAndScenarioDraws() throws Exception {
        Instant now = Instant.now();
        String body = """
                {"title":"API draws","cohortId":%d,"timeLimitMinutes":30,"opensAt":"%s","closesAt":"%s",
                 "attemptsAllowed":1,"openBook":false,"shuffle":true,"release":"ON_SUBMIT",
                 "blueprint":[{"tag":"combination-code","count":1},{"domain":"HCPCS_LEVEL_II","count":1},
                              {"type":"SCENARIO","count":2}]}
                """.formatted(fx.cohortId, now.minusSeconds(60), now.plus(Duration.ofHours(2)));
        mvc.perform(post("/api/assessments")
                        .with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
        AssessmentRow exam = assessments.managedBy("instructor", ExamFixtures.INSTRUCTOR).stream()
                .filter(a -> a.title().equals("API draws") && fx.cohortId == a.cohortId())
                .findFirst()
                .orElseThrow();
        SessionView session = sessions.start(exam.id(), fx.students.get(1)).session();
        assertThat(session.items())
                .filteredOn(i -> i.type() == ItemType.SCENARIO)
                .hasSize(2);
        assertThat(session.items())
                .filteredOn(i -> i.type() == ItemType.QUESTION)
                .hasSize(2);

        String bad = body.replace("\"API draws\"", "\"Bad draws\"")
                .replace(
                        "{\"type\":\"SCENARIO\",\"count\":2}",
                        "{\"type\":\"SCENARIO\",\"tag\":\"x\",\"domain\":\"y\","
                                + "\"count\":1},{\"tag\":\"no-such-tag\",\"count\":1}");
        mvc.perform(post("/api/assessments")
                        .with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("names a specialty or a tag (or neither")))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString(
                                "tag no-such-tag has 0 questions in the bank; 1 asked.")));
        assertThat(assessments.managedBy("instructor", ExamFixtures.INSTRUCTOR))
                .noneMatch(a -> a.title().equals("Bad draws"));
        mvc.perform(post("/api/assessments")
                        .with(httpBasic(fx.students.getFirst(), ExamFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
    }

    @Test
    void accommodationsSetInTheProctorViewMoveTheServerDeadline() {
        long id = fx.exam(fx.spec(
                "Accommodated",
                Composition.fixed(List.of(new Composition.ItemRef(ItemType.QUESTION, "em-t01"))),
                ReleaseMode.ON_SUBMIT,
                false));
        String extra = fx.students.get(0);
        String window = fx.students.get(1);
        String later = fx.students.get(2);
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("assessments/" + id);
        ProctorView proctor = _get(ProctorView.class);

        proctor.student.setValue(extra);
        proctor.extraTime.setValue(50);
        proctor.extraAttempts.setValue(1);
        proctor.accommodate();

        LocalDateTime soon =
                LocalDateTime.now(ZoneId.systemDefault()).plusMinutes(20).truncatedTo(ChronoUnit.MINUTES);
        proctor.student.setValue(window);
        proctor.extraTime.setValue(0);
        proctor.extraAttempts.setValue(0);
        proctor.ownCloses.setValue(soon);
        proctor.accommodate();

        proctor.student.setValue(later);
        proctor.extraTime.setValue(0);
        proctor.ownOpens.setValue(LocalDateTime.now(ZoneId.systemDefault()).plusDays(1));
        proctor.ownCloses.setValue(LocalDateTime.now(ZoneId.systemDefault()).plusDays(2));
        proctor.accommodate();

        assertThat(proctor.accommodations.getListDataView().getItems().map(a -> a.username()))
                .containsExactlyInAnyOrder(extra, window, later);
        // picking a student shows their saved accommodation
        proctor.student.setValue(extra);
        assertThat(proctor.extraTime.getValue()).isEqualTo(50);
        assertThat(proctor.extraAttempts.getValue()).isEqualTo(1);

        // the time limit is 60 minutes: +50% is 90; the own window caps the deadline at its close
        Instant now = Instant.now();
        SessionView a = sessions.start(id, extra).session();
        assertThat(a.deadline()).isCloseTo(now.plus(Duration.ofMinutes(90)), within(10, ChronoUnit.SECONDS));
        SessionView b = sessions.start(id, window).session();
        assertThat(b.deadline()).isEqualTo(soon.atZone(ZoneId.systemDefault()).toInstant());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sessions.start(id, later))
                .isInstanceOf(AssessmentException.class)
                .hasMessageContaining("opens at");

        // the extra attempt: a second session after the first is submitted
        sessions.submit(a.sessionId(), extra);
        assertThat(sessions.start(id, extra).created()).isTrue();
        sessions.submit(b.sessionId(), window);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sessions.start(id, window))
                .isInstanceOf(AssessmentException.class)
                .hasMessageContaining("used all 1 attempt");

        // a bad window says why and changes nothing
        proctor.student.setValue(window);
        proctor.ownOpens.setValue(soon);
        proctor.ownCloses.setValue(soon.minusHours(1));
        proctor.accommodate();
        assertThat(assessments.accommodation(id, window).closesAt())
                .isEqualTo(soon.atZone(ZoneId.systemDefault()).toInstant());
    }

    @Test
    void anAccommodationSavedInTheProctorViewDuringTheSessionMovesItsDeadline() {
        long id = fx.exam(fx.spec("Accommodated mid-exam", ExamFixtures.sixQuestions(), ReleaseMode.ON_SUBMIT, false));
        String student = fx.students.get(0);

        // the student is 60 minutes into nothing yet: the page shows the hour
        String sid = sessions.start(id, student).session().sessionId();
        login(student, Role.STUDENT);
        UI.getCurrent().navigate("exams/session/" + sid);
        ExamView exam = _get(ExamView.class);
        assertThat(exam.session().remainingSeconds()).isBetween(55 * 60L, 60 * 60L);

        // the proctor gives +50% while the session runs
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("assessments/" + id);
        ProctorView proctor = _get(ProctorView.class);
        proctor.student.setValue(student);
        proctor.extraTime.setValue(50);
        proctor.extraAttempts.setValue(0);
        proctor.accommodate();
        var row = proctor.grid
                .getListDataView()
                .getItems()
                .filter(r -> r.sessionId().equals(sid))
                .findFirst()
                .orElseThrow();
        assertThat(row.remainingSeconds()).isBetween(85 * 60L, 90 * 60L);
        assertThat(row.extraTimePercent()).isEqualTo(50);

        // the deadline is the database's: the student's page (any server) reads 90 minutes from the start
        Instant started = jdbc.queryForObject(
                        "SELECT started_at FROM exam_session WHERE id = ?", java.time.OffsetDateTime.class, sid)
                .toInstant();
        Instant stored = jdbc.queryForObject(
                        "SELECT deadline FROM exam_session WHERE id = ?", java.time.OffsetDateTime.class, sid)
                .toInstant();
        assertThat(stored).isEqualTo(started.plus(Duration.ofMinutes(90)));
        login(student, Role.STUDENT);
        UI.getCurrent().navigate("exams");
        UI.getCurrent().navigate("exams/session/" + sid);
        exam = _get(ExamView.class);
        assertThat(exam.session().deadline()).isEqualTo(stored);
        assertThat(exam.session().remainingSeconds()).isBetween(85 * 60L, 90 * 60L);
        assertThat(exam.clock.getText())
                .isEqualTo("Time left " + ExamView.format(exam.session().remainingSeconds()));
    }
}
