package org.chart2claim.assessment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.assessment.AssessmentService;
import org.chart2claim.assessment.ExamFixtures;
import org.chart2claim.assessment.ExamRecords.AssessmentRow;
import org.chart2claim.assessment.ExamSessionService;
import org.chart2claim.assessment.ExamTiming;
import org.chart2claim.assessment.Gradebook;
import org.chart2claim.assessment.QuestionBank;
import org.chart2claim.assessment.ReleaseMode;
import org.chart2claim.assessment.SessionStatus;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exam story of issue 13, browserless: an instructor builds and assigns an exam; a student takes it, flags an
 * item and returns to it, is warned at 30 and 5 minutes and is submitted by the server at the deadline; the
 * gradebook and the proctor show it; another student cannot open the session and no key shows before release.
 */
class ExamUiTest extends KaribuTest {

    @Autowired
    AccountService accounts;

    @Autowired
    CohortService cohorts;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ExamSessionService sessions;

    @Autowired
    QuestionBank bank;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    ExamFixtures fx;

    @BeforeEach
    void cohort() {
        fx = new ExamFixtures(accounts, cohorts, assessments, jdbc, 2);
    }

    private void moveDeadline(String sid, long secondsFromNow) {
        jdbc.update(
                "UPDATE exam_session SET deadline = ? WHERE id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(secondsFromNow),
                sid);
    }

    @Test
    void anInstructorBuildsAndAssignsAnExamTheStudentSeesIt() {
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("assessments");
        AssessmentsView view = _get(AssessmentsView.class);
        String cohortName = cohorts.get(fx.cohortId).getName();
        view.title.setValue("Week 3 quiz");
        view.cohort.setValue(cohortName);
        view.minutes.setValue(30);
        view.mode.setValue(AssessmentsView.BLUEPRINT);
        view.counts.get(org.chart2claim.assessment.QuestionDomain.ICD_10_CM).setValue(2);
        view.counts
                .get(org.chart2claim.assessment.QuestionDomain.EVALUATION_MANAGEMENT)
                .setValue(1);
        view.create.click();
        assertThat(view.errors.getText()).isEmpty();
        AssessmentRow created = view.grid
                .getListDataView()
                .getItems()
                .filter(a -> a.title().equals("Week 3 quiz") && fx.cohortId == a.cohortId())
                .findFirst()
                .orElseThrow();
        assertThat(created.composition().size()).isEqualTo(3);
        assertThat(created.timeLimitMinutes()).isEqualTo(30);

        // A bad request says why and stores nothing.
        long before = view.grid.getListDataView().getItemCount();
        view.title.setValue("Too many");
        view.counts.get(org.chart2claim.assessment.QuestionDomain.ICD_10_CM).setValue(9);
        view.create.click();
        assertThat(view.errors.getText()).contains("domain ICD_10_CM has 2 questions in the bank; 9 asked.");
        assertThat(view.grid.getListDataView().getItemCount()).isEqualTo(before);

        logout();
        login(fx.students.get(0), Role.STUDENT);
        UI.getCurrent().navigate("exams");
        MyExamsView mine = _get(MyExamsView.class);
        assertThat(mine.grid
                        .getListDataView()
                        .getItems()
                        .map(s -> s.assessment().title()))
                .contains("Week 3 quiz");
        mine.start(mine.grid
                .getListDataView()
                .getItems()
                .filter(s -> s.assessment().id() == created.id())
                .findFirst()
                .orElseThrow());
        ExamView exam = _get(ExamView.class);
        assertThat(exam.session().items()).hasSize(3);
    }

    @Test
    void aStudentTakesTheExamFlagsAndReturnsIsWarnedAndIsSubmittedAtTheDeadline() {
        long id = fx.exam(fx.spec("Timed", ExamFixtures.sixQuestions(), ReleaseMode.ON_SUBMIT, false));
        String student = fx.students.get(0);
        login(student, Role.STUDENT);
        UI.getCurrent().navigate("exams");
        MyExamsView list = _get(MyExamsView.class);
        list.start(list.grid
                .getListDataView()
                .getItems()
                .filter(s -> s.assessment().id() == id)
                .findFirst()
                .orElseThrow());
        ExamView exam = _get(ExamView.class);
        String sid = exam.session().sessionId();
        assertThat(exam.clock.getText()).startsWith("Time left 59:").doesNotContain("30 minutes");
        assertThat(exam.warned()).isEqualTo(ExamTiming.Warning.NONE);

        // Item 1 answered (autosave, no button), item 2 flagged and skipped.
        assertThat(_get(Button.class, spec -> spec.withId("next-item")).getText())
                .isEqualTo("Skip");
        exam.choices.setValue("B"); // icd-t01, key B
        assertThat(exam.saveState.getText()).isEqualTo("Saved");
        // answered: the way on is Next, no longer Skip
        assertThat(_get(Button.class, spec -> spec.withId("next-item")).getText())
                .isEqualTo("Next");
        _get(Button.class, spec -> spec.withId("next-item")).click();
        _get(Button.class, spec -> spec.withId("flag-item")).click();
        _get(Button.class, spec -> spec.withId("next-item")).click();
        assertThat(_get(Button.class, spec -> spec.withId("nav-1")).getClassNames())
                .contains("c2c-nav-answered");
        assertThat(_get(Button.class, spec -> spec.withId("nav-2")).getClassNames())
                .contains("c2c-nav-flagged");
        assertThat(_get(Button.class, spec -> spec.withId("nav-3")).getClassNames())
                .contains("c2c-nav-unanswered");
        assertThat(exam.progress.getText()).isEqualTo("1 of 6 answered · 1 flagged");

        // Back to the flagged item through the navigator; answer it and unflag.
        _get(Button.class, spec -> spec.withId("nav-2")).click();
        assertThat(_get(com.vaadin.flow.component.html.H3.class, spec -> spec.withId("item-heading"))
                        .getText())
                .isEqualTo("Item 2 of 6");
        exam.choices.setValue("A"); // icd-t02, key A
        _get(Button.class, spec -> spec.withId("flag-item")).click();
        assertThat(_get(Button.class, spec -> spec.withId("nav-2")).getClassNames())
                .contains("c2c-nav-answered");

        // No key, rationale or correct option anywhere on the page before release.
        String page = exam.getElement().getOuterHTML();
        // (the rationales of icd-t01 and icd-t02, and the results page's key marker)
        assertThat(page)
                .doesNotContain("Index leads")
                .doesNotContain("need heart or kidney")
                .doesNotContain("← key");

        // A reload resumes with the answers and the remaining time.
        UI.getCurrent().navigate("exams");
        UI.getCurrent().navigate("exams/session/" + sid);
        exam = _get(ExamView.class);
        assertThat(exam.session().answers().get(0).choice()).isEqualTo("B");
        assertThat(exam.choices.getValue()).isEqualTo("B");

        // Warnings at 30 and at 5 minutes.
        moveDeadline(sid, 29 * 60);
        exam.tick();
        assertThat(exam.warned()).isEqualTo(ExamTiming.Warning.THIRTY_MINUTES);
        assertThat(exam.clock.getClassNames()).contains("c2c-clock-warn");
        moveDeadline(sid, 4 * 60);
        exam.tick();
        assertThat(exam.warned()).isEqualTo(ExamTiming.Warning.FIVE_MINUTES);
        assertThat(exam.clock.getClassNames()).contains("c2c-clock-urgent");

        // The deadline passes with the page open: the server submits, the page shows it.
        moveDeadline(sid, -1);
        sessions.advanceDue(sessions.now(), tx);
        exam.tick();
        assertThat(exam.session().status()).isEqualTo(SessionStatus.SUBMITTED);
        assertThat(_find(Div.class, spec -> spec.withId("exam-submitted"))).hasSize(1);
        assertThat(fx.events(sid, "AUTO_SUBMITTED")).isEqualTo(1);
        assertThat(exam.session().score()).isEqualTo(33); // 2 of 6

        // The gradebook shows it to the instructor, marked as submitted at the deadline.
        logout();
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("gradebook");
        GradebookView gradebook = _get(GradebookView.class);
        gradebook.cohort.setValue(cohorts.findForInstructor("instructor").stream()
                .filter(c -> c.getId() == fx.cohortId)
                .findFirst()
                .orElseThrow());
        Gradebook.Row row = gradebook.table().rows().stream()
                .filter(r -> r.username().equals(student))
                .findFirst()
                .orElseThrow();
        assertThat(row.exams().get(String.valueOf(id)).text()).isEqualTo("33 [auto]");
        gradebook.grid.select(row);
        assertThat(gradebook.report.getElement().getTextRecursively()).contains("ICD-10-CM: 100%");

        // And the proctor sees the session submitted at the deadline.
        UI.getCurrent().navigate("assessments/" + id);
        ProctorView proctor = _get(ProctorView.class);
        assertThat(proctor.grid.getListDataView().getItems().toList())
                .singleElement()
                .satisfies(r -> assertThat(r.submittedBy()).isEqualTo("AUTO"));
    }

    @Test
    void anotherStudentCannotOpenTheSessionAndResultsWaitForRelease() {
        long id = fx.exam(fx.spec("Private", ExamFixtures.sixQuestions(), ReleaseMode.MANUAL, true));
        String sid = sessions.start(id, fx.students.get(0)).session().sessionId();
        sessions.submit(sid, fx.students.get(0));

        login(fx.students.get(1), Role.STUDENT);
        UI.getCurrent().navigate("exams/session/" + sid);
        assertThat(_get(ExamView.class).getElement().getTextRecursively()).contains("Exam not found");
        UI.getCurrent().navigate("exams/session/" + sid + "/results");
        assertThat(_get(ExamResultView.class).getElement().getTextRecursively()).contains("No such session.");

        logout();
        login(fx.students.get(0), Role.STUDENT);
        UI.getCurrent().navigate("exams/session/" + sid + "/results");
        String before = _get(ExamResultView.class).getElement().getTextRecursively();
        assertThat(before).contains("not released yet").doesNotContain("← key");
        UI.getCurrent().navigate("exams/session/" + sid);
        assertThat(_find(Button.class, spec -> spec.withId("see-results"))).isEmpty();

        assessments.release(id, "instructor", ExamFixtures.INSTRUCTOR);
        UI.getCurrent().navigate("exams/session/" + sid + "/results");
        assertThat(_get(ExamResultView.class).getElement().getTextRecursively()).contains("← key");
    }

    @Test
    void theProctorExtendsAndClosesASessionWithANote() {
        long id = fx.exam(fx.spec("Proctored", ExamFixtures.sixQuestions(), ReleaseMode.ON_CLOSE, false));
        String sid = sessions.start(id, fx.students.get(0)).session().sessionId();
        sessions.start(id, fx.students.get(1));
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("assessments/" + id);
        ProctorView proctor = _get(ProctorView.class);
        List<org.chart2claim.assessment.ExamViews.ProctorRow> rows =
                proctor.grid.getListDataView().getItems().toList();
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(SessionStatus.IN_PROGRESS));
        long leftBefore = sessions.session(sid, fx.students.get(0)).remainingSeconds();
        proctor.grid.select(
                rows.stream().filter(r -> r.sessionId().equals(sid)).findFirst().orElseThrow());
        proctor.extendMinutes.setValue(15);
        proctor.extendSelected();
        assertThat(sessions.session(sid, fx.students.get(0)).remainingSeconds())
                .isGreaterThanOrEqualTo(leftBefore + 15 * 60 - 5);
        proctor.closeNote.setValue("Left the room");
        proctor.closeSelected();
        assertThat(sessions.session(sid, fx.students.get(0)).status()).isEqualTo(SessionStatus.SUBMITTED);
        assertThat(proctor.grid
                        .getListDataView()
                        .getItems()
                        .filter(r -> r.sessionId().equals(sid))
                        .findFirst()
                        .orElseThrow()
                        .note())
                .isEqualTo("Left the room");
        assertThat(fx.events(sid, "EXTENDED")).isEqualTo(1);
        assertThat(fx.events(sid, "CLOSED")).isEqualTo(1);
    }
}
