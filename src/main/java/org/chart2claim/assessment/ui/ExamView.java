package org.chart2claim.assessment.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.assessment.AssessmentException;
import org.chart2claim.assessment.ExamSessionService;
import org.chart2claim.assessment.ExamText;
import org.chart2claim.assessment.ExamTiming;
import org.chart2claim.assessment.ExamViews.AnswerState;
import org.chart2claim.assessment.ExamViews.SessionView;
import org.chart2claim.assessment.ExamViews.StudentItem;
import org.chart2claim.assessment.ItemType;
import org.chart2claim.assessment.SessionStatus;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.codebook.search.CodeSearchService;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.coding.ui.CodingWorkspace;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Taking an exam: a navigator of every item (answered, flagged, unanswered), one item at a time with flag and
 * skip, a clock that warns at 30 and at 5 minutes, and autosave on every change (there is no save button). The
 * deadline is the server's: the page only shows it, re-reads the session every few seconds, and shows the
 * submission the server made at the deadline. A reload or another device resumes from the stored answers. Coding
 * cases are the coding workspace ({@link CodingWorkspace}: note, code search in open-book exams, code list) with
 * the clock and the navigator still on screen, and without any feedback until release.
 */
@Route("exams/session/:sessionId")
@PageTitle("Exam · Chart2Claim")
@RolesAllowed("STUDENT")
@StyleSheet("css/coding.css")
@StyleSheet("css/assessment.css")
public class ExamView extends VerticalLayout implements BeforeEnterObserver {

    /** How often the page re-reads the session from the server (the clock itself ticks in the browser). */
    static final int POLL_MILLIS = 5_000;

    private final ExamSessionService sessions;
    private final CurrentUser currentUser;
    private final AttemptService attempts;
    private final CodeLookup lookup;
    private final CodeSearchService search;
    private final CodeBookService books;

    private String sessionId;
    private SessionView session;
    private int current = 1;
    private ExamTiming.Warning warned = ExamTiming.Warning.NONE;
    private Registration poll;

    final Span clock = new Span();
    final Span saveState = new Span();
    final Div navigator = new Div();
    final Div itemPanel = new Div();
    final Span progress = new Span();
    RadioButtonGroup<String> choices;
    Button flag;
    Button next;
    CodingWorkspace workspace;

    public ExamView(
            ExamSessionService sessions,
            CurrentUser currentUser,
            AttemptService attempts,
            ObjectProvider<CodeLookup> lookup,
            ObjectProvider<CodeSearchService> search,
            ObjectProvider<CodeBookService> books) {
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.attempts = attempts;
        this.lookup = lookup.getIfAvailable();
        this.search = search.getIfAvailable();
        this.books = books.getIfAvailable();
        addClassName("page");
        addClassName("c2c-exam");
        clock.setId("exam-clock");
        clock.addClassName("c2c-exam-clock");
        clock.getElement().setAttribute("aria-live", "polite");
        saveState.setId("exam-save-state");
        saveState.addClassName("c2c-muted");
        navigator.setId("exam-navigator");
        navigator.addClassName("c2c-exam-nav");
        itemPanel.setId("exam-item");
        itemPanel.addClassName("c2c-exam-item");
        progress.setId("exam-progress");
        progress.addClassName("c2c-muted");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = event.getRouteParameters().get("sessionId").orElse("");
        try {
            session = sessions.session(sessionId, currentUser.requireUsername());
        } catch (AssessmentException e) {
            removeAll();
            add(new H2("Exam not found"), new Paragraph("There is no exam session of yours with this address."));
            session = null;
            return;
        }
        render();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(POLL_MILLIS);
        poll = ui.addPollListener(e -> tick());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    /** Re-reads the session (the server may have submitted it at the deadline) and refreshes the clock. */
    void tick() {
        if (session == null) {
            return;
        }
        SessionStatus before = session.status();
        int partBefore = session.part();
        session = sessions.session(sessionId, currentUser.requireUsername());
        if (session.status() != before || session.part() != partBefore) {
            if (session.status() == SessionStatus.SUBMITTED && before != SessionStatus.SUBMITTED) {
                Notification n = Notification.show("The time is up: your exam was submitted with your saved answers.");
                n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
            }
            render();
            return;
        }
        updateClock();
    }

    private void render() {
        removeAll();
        // Nothing of the previous item stays live (a submitted session has no item to save into).
        workspace = null;
        choices = null;
        H2 title = new H2(session.title());
        title.addClassName("c2c-title");
        Div header = new Div(title, clock);
        header.addClassName("c2c-exam-header");
        add(header);
        updateClock();
        switch (session.status()) {
            case SUBMITTED -> renderSubmitted();
            case ON_BREAK -> renderBreak();
            case IN_PROGRESS -> renderRunning();
        }
    }

    private void renderSubmitted() {
        Div done = new Div();
        done.setId("exam-submitted");
        done.add(new H3("Submitted"));
        done.add(new Paragraph("Your exam is submitted. "
                + (session.released()
                        ? "Your score: " + session.score() + "%."
                        : "Results are shown when your instructor releases them.")));
        if (session.released()) {
            Button results = new Button(
                    "See results",
                    e -> getUI().ifPresent(ui -> ui.navigate("exams/session/" + sessionId + "/results")));
            results.setId("see-results");
            done.add(results);
        }
        add(done);
    }

    private void renderBreak() {
        Div pause = new Div();
        pause.setId("exam-break");
        pause.add(new H3("Break"));
        pause.add(new Paragraph("Part 1 is done. Part 2 starts when you continue or when the break ends (the clock"
                + " shows the time left of the break)."));
        Button go = new Button("Continue to part 2", e -> {
            session = sessions.continueAfterBreak(sessionId, currentUser.requireUsername());
            render();
        });
        go.setId("continue-part-2");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pause.add(go);
        add(pause);
    }

    private void renderRunning() {
        List<StudentItem> mine = partItems();
        if (mine.stream().noneMatch(i -> i.position() == current)) {
            current = mine.getFirst().position();
        }
        Button submit = new Button(
                session.parts() == 2 && session.part() == 1 ? "Finish part 1" : "Submit exam", e -> confirmSubmit());
        submit.setId("submit-exam");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div status = new Div(progress, saveState);
        status.addClassName("c2c-exam-status");
        Div side = new Div(
                new H3(session.parts() == 2 ? "Part " + session.part() + " of 2" : "Questions"),
                navigator,
                legend(),
                status,
                submit);
        side.addClassName("c2c-exam-side");
        Div body = new Div(itemPanel, side);
        body.addClassName("c2c-exam-body");
        add(body);
        renderNavigator();
        renderItem();
    }

    private List<StudentItem> partItems() {
        return session.items().stream().filter(i -> i.part() == session.part()).toList();
    }

    private AnswerState answer(int position) {
        return session.answers().stream()
                .filter(a -> a.position() == position)
                .findFirst()
                .orElseThrow();
    }

    private static Div legend() {
        Div legend = new Div();
        legend.addClassName("c2c-exam-legend");
        for (String[] kind :
                new String[][] {{"answered", "Answered"}, {"flagged", "Flagged"}, {"unanswered", "Unanswered"}}) {
            Span s = new Span(kind[1]);
            s.addClassNames("c2c-exam-key", "c2c-nav-" + kind[0]);
            legend.add(s);
        }
        return legend;
    }

    void renderNavigator() {
        navigator.removeAll();
        int answered = 0;
        List<StudentItem> mine = partItems();
        for (StudentItem item : mine) {
            AnswerState a = answer(item.position());
            Button b = new Button(String.valueOf(item.position()), e -> go(item.position()));
            b.setId("nav-" + item.position());
            b.addClassName("c2c-nav-item");
            b.addClassName(a.flagged() ? "c2c-nav-flagged" : a.answered() ? "c2c-nav-answered" : "c2c-nav-unanswered");
            if (item.position() == current) {
                b.addClassName("c2c-nav-current");
            }
            b.getElement()
                    .setAttribute(
                            "aria-label",
                            "Item " + item.position() + ": " + (a.answered() ? "answered" : "unanswered")
                                    + (a.flagged() ? ", flagged for review" : ""));
            navigator.add(b);
            if (a.answered()) {
                answered++;
            }
        }
        progress.setText(answered + " of " + mine.size() + " answered · "
                + mine.stream().filter(i -> answer(i.position()).flagged()).count() + " flagged");
    }

    void go(int position) {
        current = position;
        renderNavigator();
        renderItem();
    }

    private void renderItem() {
        itemPanel.removeAll();
        StudentItem item = partItems().stream()
                .filter(i -> i.position() == current)
                .findFirst()
                .orElseThrow();
        AnswerState a = answer(item.position());
        H3 heading = new H3("Item " + item.position() + " of " + session.items().size());
        heading.setId("item-heading");
        itemPanel.add(heading);
        Paragraph stem = new Paragraph(ExamText.reflow(item.stem()));
        stem.setId("item-stem");
        stem.addClassName("c2c-exam-stem");
        itemPanel.add(stem);
        choices = null;
        workspace = null;
        itemPanel.setClassName("c2c-exam-item-case", item.type() == ItemType.SCENARIO);
        if (item.type() == ItemType.QUESTION) {
            choices = new RadioButtonGroup<>();
            choices.setId("item-choices");
            choices.addClassName("c2c-exam-choices");
            choices.addThemeName("vertical"); // one option per line, as on a printed exam
            Map<String, String> options = item.options();
            choices.setItems(options.keySet());
            choices.setItemLabelGenerator(letter -> letter + ". " + options.get(letter));
            choices.setValue(a.choice());
            choices.addValueChangeListener(e -> {
                if (e.isFromClient() || e.getValue() != null) {
                    save(
                            item.position(),
                            ExamSessionService.AnswerInput.choice(e.getValue() == null ? "" : e.getValue()));
                }
            });
            itemPanel.add(choices);
        } else {
            workspace = codingCase(item, a);
            if (workspace != null) {
                itemPanel.add(workspace);
            }
        }
        flag = new Button(
                a.flagged() ? "Unflag" : "Flag for review",
                e -> save(
                        item.position(),
                        ExamSessionService.AnswerInput.flag(
                                !answer(item.position()).flagged())));
        flag.setId("flag-item");
        flag.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        List<StudentItem> mine = partItems();
        int index = mine.indexOf(item);
        Button previous = new Button("Previous", e -> go(mine.get(index - 1).position()));
        previous.setId("previous-item");
        previous.setEnabled(index > 0);
        next = new Button(
                a.answered() ? "Next" : "Skip", e -> go(mine.get(index + 1).position()));
        next.setId("next-item");
        next.setEnabled(index < mine.size() - 1);
        Div actions = new Div(previous, flag, next);
        actions.addClassName("c2c-exam-actions");
        if (workspace != null) {
            // As in the practice workspace: the cart summary and the way on stay in view (a sticky footer).
            Div footer = new Div(workspace.status(), actions);
            footer.addClassNames("c2c-ws-footer", "c2c-exam-case-footer");
            itemPanel.add(footer);
        } else {
            itemPanel.add(actions);
        }
    }

    /**
     * A coding case is the coding workspace itself (note, code search as the exam's book rule says, code list with
     * modifiers and units), saving every change into the session. No grade, key or rubric feedback exists on this
     * page: the session is graded on the server at submission and shown only after release.
     */
    private CodingWorkspace codingCase(StudentItem item, AnswerState a) {
        if (item.scenario() == null) {
            return null;
        }
        CodingWorkspace ws = new CodingWorkspace(
                item.scenario(),
                attempts.encoderWarnings(),
                lookup,
                // Open book: the full code search; closed book: entry by code number only.
                session.openBook() ? search : null,
                books);
        if (a.coding() != null) {
            ws.setAnswer(a.coding());
        }
        ws.onChange(answer -> save(item.position(), ExamSessionService.AnswerInput.coding(answer)));
        return ws;
    }

    /** Autosave: every change goes to the server at once; a refusal (time up) re-reads the session. */
    void save(int position, ExamSessionService.AnswerInput input) {
        try {
            AnswerState saved = sessions.answer(sessionId, currentUser.requireUsername(), position, input);
            session = replace(session, saved);
            saveState.setText("Saved");
            if (workspace != null && position == current) {
                workspace.setSaveState("Saved");
            }
            renderNavigator();
            if (flag != null && position == current) {
                flag.setText(saved.flagged() ? "Unflag" : "Flag for review");
            }
            if (next != null && position == current) {
                next.setText(saved.answered() ? "Next" : "Skip"); // an answer given or cleared changes the way on
            }
        } catch (AssessmentException e) {
            saveState.setText("Not saved");
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
            session = sessions.session(sessionId, currentUser.requireUsername());
            render();
        }
    }

    private static SessionView replace(SessionView s, AnswerState saved) {
        List<AnswerState> answers = s.answers().stream()
                .map(a -> a.position() == saved.position() ? saved : a)
                .toList();
        return new SessionView(
                s.sessionId(),
                s.assessmentId(),
                s.title(),
                s.status(),
                s.part(),
                s.parts(),
                s.deadline(),
                s.remainingSeconds(),
                s.openBook(),
                s.released(),
                s.score(),
                s.items(),
                answers);
    }

    private void confirmSubmit() {
        long open = partItems().stream()
                .filter(i -> !answer(i.position()).answered())
                .count();
        long flagged =
                partItems().stream().filter(i -> answer(i.position()).flagged()).count();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-submit-exam");
        confirm.setHeader(session.parts() == 2 && session.part() == 1 ? "Finish part 1?" : "Submit your exam?");
        confirm.setText((open == 0 ? "Every item is answered." : open + " item(s) are unanswered.")
                + (flagged > 0 ? " " + flagged + " flagged for review." : "")
                + " You cannot change answers afterwards.");
        confirm.setCancelable(true);
        confirm.setCancelText("Keep working");
        confirm.setConfirmText("Submit");
        confirm.addConfirmListener(e -> submitNow());
        confirm.open();
    }

    void submitNow() {
        try {
            session = sessions.submit(sessionId, currentUser.requireUsername());
        } catch (AssessmentException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
            session = sessions.session(sessionId, currentUser.requireUsername());
        }
        render();
    }

    /** The clock: the server's remaining time, ticked down in the browser between polls; warnings at 30 and 5. */
    private void updateClock() {
        long left = session.remainingSeconds();
        if (session.status() == SessionStatus.SUBMITTED) {
            clock.setText("Submitted");
            clock.removeClassNames("c2c-clock-warn", "c2c-clock-urgent");
            return;
        }
        String label = session.status() == SessionStatus.ON_BREAK ? "Break ends in " : "Time left ";
        clock.setText(label + format(left));
        ExamTiming.Warning w =
                session.status() == SessionStatus.IN_PROGRESS ? ExamTiming.warning(left) : ExamTiming.Warning.NONE;
        clock.setClassName("c2c-clock-warn", w == ExamTiming.Warning.THIRTY_MINUTES);
        clock.setClassName("c2c-clock-urgent", w == ExamTiming.Warning.FIVE_MINUTES);
        if (w.compareTo(warned) > 0) {
            warned = w;
            Notification n = Notification.show(
                    w == ExamTiming.Warning.FIVE_MINUTES ? "5 minutes left." : "30 minutes left.",
                    8000,
                    Notification.Position.TOP_CENTER);
            n.addThemeVariants(
                    w == ExamTiming.Warning.FIVE_MINUTES
                            ? NotificationVariant.LUMO_ERROR
                            : NotificationVariant.LUMO_WARNING);
        }
        clock.getElement()
                .executeJs(
                        "const el=this, end=Date.now()+$0*1000, label=$1; clearInterval(el._c2cTimer);"
                                + "el._c2cTimer=setInterval(()=>{const s=Math.max(0,Math.round((end-Date.now())/1000));"
                                + "const h=Math.floor(s/3600),m=Math.floor(s%3600/60),x=s%60;"
                                + "el.textContent=label+(h>0?h+':'+String(m).padStart(2,'0'):m)+':'+String(x).padStart(2,'0');},1000);",
                        left, label);
    }

    static String format(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return (h > 0 ? h + ":" + String.format("%02d", m) : String.valueOf(m)) + ":" + String.format("%02d", s);
    }

    /** For tests: the warning the page has shown. */
    ExamTiming.Warning warned() {
        return warned;
    }

    /** For tests: the session as the page holds it. */
    SessionView session() {
        return session;
    }

    /** For tests: the coded answer of the current item. */
    CodingAnswer cartAnswer() {
        return workspace == null ? null : workspace.answer();
    }

    /** For tests: the coding workspace of the current item (null on a question). */
    CodingWorkspace workspace() {
        return workspace;
    }
}
