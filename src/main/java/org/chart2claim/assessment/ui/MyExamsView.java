package org.chart2claim.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.assessment.AssessmentException;
import org.chart2claim.assessment.AssessmentService;
import org.chart2claim.assessment.AssessmentService.StudentAssessment;
import org.chart2claim.assessment.ExamRecords.SessionRow;
import org.chart2claim.assessment.ExamSessionService;
import org.chart2claim.assessment.SessionStatus;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.config.ui.NarrowScreen;

/** A student's exams: the assigned ones that are open (start or resume) and the ones sat (results when released). */
@Menu(title = "Exams", order = 14, icon = "vaadin:timer")
@Route("exams")
@PageTitle("Exams · Chart2Claim")
@RolesAllowed("STUDENT")
@StyleSheet("css/assessment.css")
public class MyExamsView extends VerticalLayout {

    private final AssessmentService assessments;
    private final ExamSessionService sessions;
    private final CurrentUser currentUser;
    final Grid<StudentAssessment> grid = new Grid<>();
    /** Phone width ({@link NarrowScreen}): one column with everything. */
    private boolean narrow;

    public MyExamsView(AssessmentService assessments, ExamSessionService sessions, CurrentUser currentUser) {
        this.assessments = assessments;
        this.sessions = sessions;
        this.currentUser = currentUser;
        addClassName("page");
        add(new H2("Exams"));
        add(new Paragraph("Timed exams assigned to you. The clock runs on the server: once started it keeps running"
                + " if you close the page, and the exam is submitted at the deadline with your saved answers."));
        grid.setId("my-exams");
        // At phone width the exam's cell carries its facts and its buttons, and the other columns hide: the Start
        // button must not sit in a column scrolled out of sight. Each renderer asks the width, so an id exists once.
        grid.addComponentColumn(this::examCell).setHeader("Exam").setFlexGrow(2);
        List<Grid.Column<StudentAssessment>> wide = List.of(
                grid.addColumn(s -> s.assessment().timeLimitMinutes() + " min")
                        .setHeader("Time")
                        .setAutoWidth(true),
                grid.addColumn(s -> DisplayDates.dateTime(s.closesAt()))
                        .setHeader("Closes")
                        .setAutoWidth(true),
                grid.addColumn(s -> s.attemptsUsed() + " of " + s.attemptsAllowed())
                        .setHeader("Attempts")
                        .setAutoWidth(true),
                grid.addComponentColumn(s -> narrow ? new Span() : actions(s))
                        .setHeader("")
                        .setAutoWidth(true));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        NarrowScreen.track(this, n -> {
            narrow = n;
            wide.forEach(c -> c.setVisible(!n));
            grid.getDataProvider().refreshAll();
        });
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    void refresh() {
        List<StudentAssessment> mine = assessments.forStudent(currentUser.requireUsername());
        grid.setItems(mine);
    }

    /** The exam's title; at phone width also its time, closing and attempts, and its buttons. */
    private Div examCell(StudentAssessment s) {
        Div cell = new Div(new Span(s.assessment().title()));
        if (narrow) {
            Div facts = new Div(new Span(s.assessment().timeLimitMinutes() + " min · closes "
                    + DisplayDates.dateTime(s.closesAt()) + " · attempts " + s.attemptsUsed() + " of "
                    + s.attemptsAllowed()));
            facts.addClassName("c2c-muted");
            cell.add(facts, actions(s));
        }
        return cell;
    }

    private HorizontalLayout actions(StudentAssessment s) {
        HorizontalLayout box = new HorizontalLayout();
        box.setWrap(true);
        if (s.runningSessionId() != null) {
            Button resume = new Button("Resume", e -> open(s.runningSessionId()));
            resume.setId("resume-" + s.assessment().id());
            resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(resume);
        } else if (s.open() && s.attemptsUsed() < s.attemptsAllowed()) {
            Button start = new Button(s.attemptsUsed() == 0 ? "Start" : "Start again", e -> start(s));
            start.setId("start-" + s.assessment().id());
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(start);
        }
        for (SessionRow row : s.sessions()) {
            if (row.status() == SessionStatus.SUBMITTED) {
                Button view = new Button("Attempt " + row.attemptNo(), e -> open(row.id()));
                view.setId("attempt-" + row.id());
                view.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                box.add(view);
            }
        }
        if (box.getComponentCount() == 0) {
            box.add(new Span(s.open() ? "No attempts left" : "Closed"));
        }
        return box;
    }

    void start(StudentAssessment s) {
        try {
            open(sessions.start(s.assessment().id(), currentUser.requireUsername())
                    .session()
                    .sessionId());
        } catch (AssessmentException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
            refresh();
        }
    }

    private void open(String sessionId) {
        getUI().ifPresent(ui -> ui.navigate("exams/session/" + sessionId));
    }
}
