package org.chart2claim.assessment.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.assessment.AssessmentException;
import org.chart2claim.assessment.AssessmentService;
import org.chart2claim.assessment.ExamRecords.Accommodation;
import org.chart2claim.assessment.ExamRecords.AssessmentRow;
import org.chart2claim.assessment.ExamSessionService;
import org.chart2claim.assessment.ExamViews.ProctorRow;
import org.chart2claim.assessment.GradebookService;
import org.chart2claim.assessment.ItemAnalysis;
import org.chart2claim.assessment.SessionStatus;
import org.chart2claim.config.DisplayDates;

/**
 * One exam for its instructor: the proctor's table (who started, progress, time left, last activity), extend time
 * and close a session with a note, accommodations, release, the gradebook CSV and the item analysis. The table
 * refreshes itself every 10 seconds.
 */
@Route("assessments/:id")
@PageTitle("Proctor · Chart2Claim")
@RolesAllowed("INSTRUCTOR")
@StyleSheet("css/assessment.css")
public class ProctorView extends VerticalLayout implements BeforeEnterObserver {

    private final AssessmentService assessments;
    private final ExamSessionService sessions;
    private final GradebookService gradebook;
    private final CurrentUser currentUser;
    private AssessmentRow exam;
    private Registration poll;

    final Grid<ProctorRow> grid = new Grid<>();
    final IntegerField extendMinutes = new IntegerField("Minutes");
    final TextField closeNote = new TextField("Note");
    final ComboBox<String> student = new ComboBox<>("Student");
    final IntegerField extraTime = new IntegerField("Extra time %");
    final IntegerField extraAttempts = new IntegerField("Extra attempts");
    final DateTimeFields ownOpens = new DateTimeFields("Own window opens");
    final DateTimeFields ownCloses = new DateTimeFields("Own window closes");
    final Grid<Accommodation> accommodations = new Grid<>();
    final Grid<ItemAnalysis.QuestionStats> analysis = new Grid<>();
    final Grid<ItemAnalysis.KeyElementStats> missed = new Grid<>();

    public ProctorView(
            AssessmentService assessments,
            ExamSessionService sessions,
            GradebookService gradebook,
            CurrentUser currentUser) {
        this.assessments = assessments;
        this.sessions = sessions;
        this.gradebook = gradebook;
        this.currentUser = currentUser;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String raw = event.getRouteParameters().get("id").orElse("");
        try {
            exam = assessments.managed(Long.parseLong(raw), currentUser.requireUsername(), currentUser.roles());
        } catch (NumberFormatException | AssessmentException e) {
            exam = null;
            add(new H2("Exam not found"), new Paragraph("There is no exam of yours with this address."));
            return;
        }
        build();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(10_000);
        poll = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    private void build() {
        add(new H2(exam.title()));
        add(new Paragraph(exam.composition().size() + " items · " + exam.timeLimitMinutes() + " minutes"
                + (exam.parts() == 2 ? " in two parts with a " + exam.breakMinutes() + "-minute break" : "") + " · "
                + (exam.openBook() ? "open book" : "closed book") + " · window " + DisplayDates.dateTime(exam.opensAt())
                + " – " + DisplayDates.dateTime(exam.closesAt()) + " · results "
                + exam.release().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (exam.releasedAt() != null ? " (released)" : "")));

        add(new H3("Sessions"));
        grid.setId("proctor-sessions");
        grid.addColumn(ProctorRow::username).setHeader("Student").setAutoWidth(true);
        grid.addColumn(r -> r.attemptNo()).setHeader("Attempt").setAutoWidth(true);
        grid.addColumn(r -> status(r)).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.answered() + " / " + r.total())
                .setHeader("Progress")
                .setAutoWidth(true);
        grid.addColumn(r -> r.status() == SessionStatus.SUBMITTED ? "" : ExamView.format(r.remainingSeconds()))
                .setHeader("Time left")
                .setAutoWidth(true);
        grid.addColumn(r -> DisplayDates.dateTime(r.lastActivityAt()))
                .setHeader("Last activity")
                .setAutoWidth(true);
        grid.addColumn(r -> (r.extraTimePercent() > 0 ? "+" + r.extraTimePercent() + "% " : "")
                        + (r.extendedMinutes() > 0 ? "extended " + r.extendedMinutes() + " min " : "")
                        + (r.note() == null ? "" : r.note()))
                .setHeader("Notes")
                .setFlexGrow(1);
        grid.setAllRowsVisible(true);
        add(grid);

        extendMinutes.setValue(10);
        extendMinutes.setMin(1);
        Button extend = new Button("Extend selected", e -> extendSelected());
        extend.setId("extend-session");
        closeNote.setId("close-note");
        Button close = new Button("Close selected with note", e -> closeSelected());
        close.setId("close-session");
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(row(extendMinutes, extend, closeNote, close));

        add(new H3("Accommodations"));
        student.setItems(assessments.studentsOf(exam));
        student.setId("accommodation-student");
        student.addValueChangeListener(e -> fillAccommodation(e.getValue()));
        extraTime.setId("accommodation-extra-time");
        extraTime.setValue(50);
        extraTime.setMin(0);
        extraTime.setMax(300);
        extraAttempts.setId("accommodation-extra-attempts");
        extraAttempts.setValue(0);
        extraAttempts.setMin(0);
        ownOpens.setId("accommodation-opens");
        ownCloses.setId("accommodation-closes");
        ownOpens.setHelperText("Empty: the exam's window");
        ownCloses.setHelperText("Empty: the exam's window");
        Button accommodate = new Button("Save accommodation", e -> accommodate());
        accommodate.setId("save-accommodation");
        Paragraph accNote = new Paragraph("The server computes the deadline from the extra time and the"
                + " student's own window when a session starts; saved while the student's session runs, it moves"
                + " that session's deadline at once (time a proctor added stays on top).");
        accNote.addClassName("c2c-muted");
        add(accNote, row(student, extraTime, extraAttempts, ownOpens, ownCloses, accommodate));
        accommodations.setId("accommodations");
        accommodations.addColumn(Accommodation::username).setHeader("Student").setAutoWidth(true);
        accommodations
                .addColumn(a -> a.extraTimePercent() > 0 ? "+" + a.extraTimePercent() + "%" : "")
                .setHeader("Extra time")
                .setAutoWidth(true);
        accommodations
                .addColumn(a -> a.extraAttempts() > 0 ? "+" + a.extraAttempts() : "")
                .setHeader("Extra attempts")
                .setAutoWidth(true);
        accommodations
                .addColumn(a -> a.opensAt() == null && a.closesAt() == null
                        ? ""
                        : DisplayDates.dateTime(a.opensAt() != null ? a.opensAt() : exam.opensAt()) + " – "
                                + DisplayDates.dateTime(a.closesAt() != null ? a.closesAt() : exam.closesAt()))
                .setHeader("Own window")
                .setFlexGrow(1);
        accommodations.setAllRowsVisible(true);
        accommodations.addSelectionListener(
                e -> e.getFirstSelectedItem().ifPresent(a -> student.setValue(a.username())));
        add(accommodations);
        refreshAccommodations();

        add(new H3("Results"));
        Button release = new Button("Release results now", e -> {
            assessments.release(exam.id(), currentUser.requireUsername(), currentUser.roles());
            Notification.show("Results released.");
        });
        release.setId("release-results");
        Anchor csv = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = gradebook
                            .assessmentCsv(exam.id(), currentUser.requireUsername(), currentUser.roles())
                            .getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            "assessment-" + exam.id() + "-gradebook.csv",
                            "text/csv",
                            bytes.length);
                }),
                "Download gradebook (CSV)");
        csv.setId("gradebook-csv");
        csv.getElement().setAttribute("download", true);
        add(row(release, csv));

        add(new H3("Item analysis"));
        analysis.setId("item-analysis");
        analysis.addColumn(ItemAnalysis.QuestionStats::questionId)
                .setHeader("Question")
                .setAutoWidth(true);
        analysis.addColumn(s -> s.n()).setHeader("N").setAutoWidth(true);
        analysis.addColumn(s -> percent(s.difficulty())).setHeader("Correct").setAutoWidth(true);
        analysis.addColumn(s -> decimal(s.pointBiserial()))
                .setHeader("Point-biserial")
                .setAutoWidth(true);
        analysis.addColumn(s -> decimal(s.upperLower()))
                .setHeader("Upper–lower 27%")
                .setAutoWidth(true);
        analysis.addColumn(s -> s.key() + " key · " + s.choices().toString().replaceAll("[{}]", ""))
                .setHeader("Choices")
                .setFlexGrow(1);
        analysis.addComponentColumn(s -> {
                    Span flag = new Span(s.negativeDiscrimination() ? "Review: negative discrimination" : "");
                    flag.addClassName("c2c-flag-negative");
                    return flag;
                })
                .setAutoWidth(true);
        analysis.setAllRowsVisible(true);
        add(analysis);
        missed.setId("key-elements-missed");
        missed.addColumn(ItemAnalysis.KeyElementStats::scenarioId)
                .setHeader("Scenario")
                .setAutoWidth(true);
        missed.addColumn(k -> k.element() + " " + k.keyCode())
                .setHeader("Key element")
                .setAutoWidth(true);
        missed.addColumn(k -> k.missed() + " of " + k.attempts())
                .setHeader("Missed")
                .setAutoWidth(true);
        missed.setAllRowsVisible(true);
        add(missed);
        refresh();
    }

    /** Controls side by side, wrapping on a phone. */
    private static FlexLayout row(com.vaadin.flow.component.Component... parts) {
        FlexLayout row = new FlexLayout(parts);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        return row;
    }

    private static String status(ProctorRow r) {
        return switch (r.status()) {
            case IN_PROGRESS -> "In progress" + (r.part() == 2 ? " (part 2)" : "");
            case ON_BREAK -> "On break";
            case SUBMITTED ->
                "Submitted"
                        + (r.submittedBy() == null
                                ? ""
                                : switch (r.submittedBy()) {
                                    case ExamSessionService.BY_AUTO -> " at the deadline";
                                    case ExamSessionService.BY_PROCTOR -> " (closed by proctor)";
                                    default -> "";
                                })
                        + (r.score() == null ? "" : " · " + r.score() + "%");
        };
    }

    private static String percent(double p) {
        return Math.round(p * 100) + "%";
    }

    private static String decimal(Double d) {
        return d == null ? "–" : String.format(Locale.ROOT, "%.2f", d);
    }

    void refresh() {
        if (exam == null) {
            return;
        }
        ProctorRow selected = grid.asSingleSelect().getValue();
        var rows = sessions.proctor(exam.id(), currentUser.requireUsername(), currentUser.roles());
        grid.setItems(rows);
        if (selected != null) {
            rows.stream()
                    .filter(r -> r.sessionId().equals(selected.sessionId()))
                    .findFirst()
                    .ifPresent(grid::select);
        }
        ItemAnalysis.Report report =
                gradebook.itemAnalysis(exam.id(), currentUser.requireUsername(), currentUser.roles());
        analysis.setItems(report.questions());
        missed.setItems(report.keyElements());
    }

    void extendSelected() {
        ProctorRow row = grid.asSingleSelect().getValue();
        if (row == null) {
            Notification.show("Select a session first.");
            return;
        }
        try {
            int m = extendMinutes.getValue() == null ? 0 : extendMinutes.getValue();
            sessions.extend(row.sessionId(), m, currentUser.requireUsername(), currentUser.roles());
            Notification.show(row.username() + " has " + m + " more minutes.");
        } catch (AssessmentException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
        }
        refresh();
    }

    void closeSelected() {
        ProctorRow row = grid.asSingleSelect().getValue();
        if (row == null) {
            Notification.show("Select a session first.");
            return;
        }
        try {
            sessions.close(row.sessionId(), closeNote.getValue(), currentUser.requireUsername(), currentUser.roles());
            Notification.show(row.username() + "'s session is closed.");
            closeNote.clear();
        } catch (AssessmentException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
        }
        refresh();
    }

    void accommodate() {
        boolean opensIncomplete = ownOpens.refuseIfIncomplete();
        if (ownCloses.refuseIfIncomplete() || opensIncomplete) {
            return;
        }
        try {
            assessments.accommodate(
                    exam.id(),
                    currentUser.requireUsername(),
                    currentUser.roles(),
                    student.getValue(),
                    extraTime.getValue(),
                    ownOpens.instant(),
                    ownCloses.instant(),
                    extraAttempts.getValue());
            Notification.show("Accommodation saved for " + student.getValue() + ".");
            refreshAccommodations();
            refresh(); // a running session's time left follows it
        } catch (AssessmentException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
        }
    }

    /** Shows a student's saved accommodation in the fields (or the defaults when there is none). */
    private void fillAccommodation(String username) {
        if (username == null) {
            return;
        }
        Accommodation a = assessments.accommodation(exam.id(), username);
        extraTime.setValue(a.isAny() ? a.extraTimePercent() : 50);
        extraAttempts.setValue(a.extraAttempts());
        ownOpens.setInstant(a.opensAt());
        ownCloses.setInstant(a.closesAt());
    }

    void refreshAccommodations() {
        accommodations.setItems(
                assessments.accommodations(exam.id(), currentUser.requireUsername(), currentUser.roles()));
    }
}
