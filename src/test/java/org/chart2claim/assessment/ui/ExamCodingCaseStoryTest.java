package org.chart2claim.assessment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.assessment.AssessmentException;
import org.chart2claim.assessment.AssessmentService;
import org.chart2claim.assessment.AssessmentSpec;
import org.chart2claim.assessment.Composition;
import org.chart2claim.assessment.ExamFixtures;
import org.chart2claim.assessment.ExamSessionService;
import org.chart2claim.assessment.ExamViews.ItemResult;
import org.chart2claim.assessment.ItemType;
import org.chart2claim.assessment.ReleaseMode;
import org.chart2claim.assessment.SessionStatus;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.ui.CodeSearchPanel;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.coding.ui.CodeSearchSlot.Pick;
import org.chart2claim.coding.ui.CodebookSearchSlot;
import org.chart2claim.coding.ui.CodingWorkspace;
import org.chart2claim.coding.ui.NoteView;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A coding case inside an exam is the coding workspace (issue 13): a student codes the encounter in the workspace
 * with the exam's clock and navigator on screen, every change is saved into the exam session, nothing of the key or
 * the rubric shows, the deadline passes and the late change is refused, and the saved answer is graded and shown
 * when the results are released. A closed-book exam has no code search in the workspace.
 */
class ExamCodingCaseStoryTest extends KaribuTest {

    static final String SCENARIO = "pc-004-strep-pharyngitis";

    @Autowired
    AccountService accounts;

    @Autowired
    CohortService cohorts;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ExamSessionService sessions;

    @Autowired
    ScenarioLibrary library;

    @Autowired
    JdbcTemplate jdbc;

    ExamFixtures fx;

    @BeforeEach
    void cohort() {
        fx = new ExamFixtures(accounts, cohorts, assessments, jdbc, 1);
    }

    private long exam(String title, boolean openBook) {
        Instant now = Instant.now();
        return fx.exam(new AssessmentSpec(
                title,
                fx.cohortId,
                60,
                now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(8)),
                1,
                openBook,
                false,
                ReleaseMode.MANUAL,
                1,
                0,
                Composition.fixed(List.of(
                        new Composition.ItemRef(ItemType.SCENARIO, SCENARIO),
                        new Composition.ItemRef(ItemType.QUESTION, "icd-t01")))));
    }

    /** The student logs in and opens a new session of the exam. */
    private ExamView open(long examId, String student) {
        login(student, Role.STUDENT);
        String sid = sessions.start(examId, student).session().sessionId();
        UI.getCurrent().navigate("exams/session/" + sid);
        return _get(ExamView.class);
    }

    private CodingAnswer stored(String sid, String student) {
        return sessions.session(sid, student).answers().getFirst().coding();
    }

    @Test
    void aStudentCodesAnExamCaseInTheWorkspaceTheDeadlinePassesAndTheAnswerIsGradedAtRelease() {
        long examId = exam("Coding case", true);
        String student = fx.students.getFirst();
        ExamView exam = open(examId, student);
        String sid = exam.session().sessionId();

        // Item 1 is the workspace: the note, the code search (open book), the cart; the clock and navigator stay.
        CodingWorkspace ws = exam.workspace();
        assertThat(ws).isNotNull();
        assertThat(_find(CodingWorkspace.class)).hasSize(1);
        assertThat(ws.searchSlot()).isInstanceOf(CodebookSearchSlot.class);
        assertThat(_find(CodeSearchPanel.class)).hasSize(1);
        assertThat(_get(NoteView.class).getElement().getOuterHTML()).contains("Rapid strep A antigen test");
        assertThat(exam.clock.getText()).startsWith("Time left 59:");
        assertThat(_get(Button.class, b -> b.withId("nav-1")).getClassNames()).contains("c2c-nav-current");
        assertThat(_find(Button.class, b -> b.withId("open-code-search"))).isEmpty(); // no way out of the exam
        ws.noteView().selected("sore throat");
        assertThat(_get(Span.class, s -> s.withId("last-added")).getText())
                .isEqualTo("Searching \u201csore throat\u201d");

        // Codes, then a modifier and units on a line: every change is in the session at once (no save button).
        ws.addToCart(new Pick(CodeSystem.ICD10CM, "J02.0"));
        assertThat(stored(sid, student).diagnoses()).containsExactly("J02.0");
        assertThat(_get(Button.class, b -> b.withId("nav-1")).getClassNames()).contains("c2c-nav-answered");
        ws.addToCart(new Pick(CodeSystem.CPT, "99213"));
        ws.addToCart(new Pick(CodeSystem.CPT, "87880"));
        ws.cart().updateLine(1, List.of("QW"), 2, List.of(1));
        assertThat(stored(sid, student).procedures().get(1))
                .isEqualTo(new CodingAnswer.Line("87880", List.of("QW"), 2, List.of(1)));
        ws.cart().updateLine(1, List.of(), 1, List.of(1));
        assertThat(exam.saveState.getText()).isEqualTo("Saved");
        assertThat(_get(Span.class, s -> s.withId("cart-summary")).getText()).isEqualTo("1 diagnosis · 2 claim lines");
        CodingAnswer coded = ws.answer();
        assertThat(stored(sid, student)).isEqualTo(coded);

        // Nothing of the key, its rationales or the rubric's verdicts is on the page.
        String page = UI.getCurrent().getElement().getOuterHTML();
        assertThat(page)
                .doesNotContain("combination code (J02.0)")
                .doesNotContain("duplicates the organism")
                .doesNotContain("Your score")
                .doesNotContain("← key");

        // On to the next question and back: the question is a question again, the case comes back as saved.
        _get(Button.class, b -> b.withId("next-item")).click();
        assertThat(exam.workspace()).isNull();
        assertThat(exam.choices).isNotNull();
        assertThat(_find(CodingWorkspace.class)).isEmpty();
        _get(Button.class, b -> b.withId("nav-1")).click();
        assertThat(exam.cartAnswer()).isEqualTo(coded);

        // A reload (another device) resumes the case from the session.
        UI.getCurrent().navigate("exams");
        UI.getCurrent().navigate("exams/session/" + sid);
        exam = _get(ExamView.class);
        assertThat(exam.cartAnswer()).isEqualTo(coded);

        // The deadline passes with the page open: the late change is refused and not stored.
        fx.expire(sid);
        exam.workspace().addToCart(new Pick(CodeSystem.ICD10CM, "R07.0"));
        assertThat(exam.saveState.getText()).isEqualTo("Not saved");
        assertThat(exam.session().status()).isEqualTo(SessionStatus.SUBMITTED);
        assertThat(_find(Div.class, d -> d.withId("exam-submitted"))).hasSize(1);
        assertThat(exam.workspace()).isNull();
        assertThat(stored(sid, student)).isEqualTo(coded);
        assertThat(fx.events(sid, "AUTO_SUBMITTED")).isEqualTo(1);

        // Graded on the server, shown only at release: the rubric's verdicts for exactly the saved answer.
        assertThatThrownBy(() -> sessions.results(sid, student)).isInstanceOf(AssessmentException.class);
        assertThat(exam.session().score()).isNull();
        assessments.release(examId, "instructor", ExamFixtures.INSTRUCTOR);
        ItemResult caseResult = sessions.results(sid, student).items().getFirst();
        assertThat(caseResult.type()).isEqualTo(ItemType.SCENARIO);
        assertThat(caseResult.grade()).isNotNull();
        assertThat(caseResult.score()).isEqualTo(100); // the key's codes, modifiers, units and pointers
        assertThat(caseResult.grade().score()).isEqualTo(100);
        assertThat(coded)
                .isEqualTo(CodingAnswer.fromKey(
                        library.find(SCENARIO).orElseThrow().key()));
    }

    @Test
    void aClosedBookExamCaseHasNoCodeSearchOnlyEntryByNumber() {
        long examId = exam("Closed-book case", false);
        String student = fx.students.getFirst();
        ExamView exam = open(examId, student);

        assertThat(exam.workspace()).isNotNull();
        assertThat(exam.workspace().searchSlot()).isNull();
        assertThat(_find(CodeSearchPanel.class)).isEmpty();
        assertThat(_get(Span.class, s -> s.withId("closed-book")).getText()).contains("Closed book");
        exam.workspace().noteView().selected("sore throat"); // highlighting searches nothing
        assertThat(_get(Span.class, s -> s.withId("last-added")).getText()).isEmpty();
        exam.workspace().addToCart(new Pick(CodeSystem.ICD10CM, "J02.0"));
        assertThat(stored(exam.session().sessionId(), student).diagnoses()).containsExactly("J02.0");
    }
}
