package org.chart2claim.appeal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.account.Role;
import org.chart2claim.appeal.AppealException;
import org.chart2claim.appeal.AppealService;
import org.chart2claim.appeal.AppealService.ReviewCase;
import org.chart2claim.appeal.decision.Outcome;
import org.chart2claim.config.DisplayDates;

/**
 * The instructor as the payer's reviewer (role-play): switch a cohort so that its students' appeal letters come
 * here instead of the automatic rules, read each letter beside the record, and decide with a written reason; the
 * automatic decision is shown as a suggestion (hidden in exam mode). The trainee sees the decision like any other.
 */
@Menu(title = "Appeal reviews", order = 24, icon = "vaadin:gavel")
@Route("appeals/review")
@PageTitle("Appeal reviews · Chart2Claim")
@RolesAllowed("INSTRUCTOR")
@StyleSheet("css/appeal.css")
public class AppealReviewView extends VerticalLayout {
    public final List<Checkbox> cohortSwitches = new ArrayList<>();
    public final Checkbox examMode = new Checkbox("Exam mode (hide the automatic suggestion)", false);
    public final VerticalLayout queue = new VerticalLayout();
    public final List<CaseForm> cases = new ArrayList<>();

    private final AppealService appeals;
    private final String username;
    private final boolean admin;

    /** The decision form of one pending appeal. */
    public static final class CaseForm {
        public final ReviewCase reviewCase;
        public final RadioButtonGroup<Outcome> outcome = new RadioButtonGroup<>("Decision");
        public final TextArea reason = new TextArea("Reason (the trainee reads it in the decision letter)");
        public final Button decide = new Button("Send the decision");
        public final Paragraph suggestion = new Paragraph();

        CaseForm(ReviewCase c) {
            this.reviewCase = c;
            outcome.setItems(Outcome.values());
            reason.setWidthFull();
            decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
    }

    public AppealReviewView(AppealService appeals, CohortService cohorts, CurrentUser currentUser) {
        this.appeals = appeals;
        this.username = currentUser.requireUsername();
        this.admin = currentUser.hasRole(Role.ADMIN);
        addClassName("appeal-review-view");
        add(new H2("Appeal reviews"));
        add(new Paragraph("Switch a cohort to role-play and its students' appeals come to you instead of the payer's"
                + " automatic rules. Read the letter beside the record and decide as the payer's reviewer."));
        FlexLayout switches = new FlexLayout();
        switches.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        switches.getStyle().set("gap", "var(--lumo-space-m)");
        for (var cohort : cohorts.findForInstructor(username)) {
            Checkbox on = new Checkbox("Role-play for " + cohort.getName(), appeals.rolePlay(cohort.getId()));
            on.setId("role-play-" + cohort.getId());
            on.addValueChangeListener(e -> {
                appeals.setRolePlay(username, admin, cohort.getId(), e.getValue());
                Notification.show(cohort.getName()
                        + (e.getValue()
                                ? ": appeals now come to your review queue."
                                : ": appeals are decided by the automatic rules again."));
            });
            cohortSwitches.add(on);
            switches.add(on);
        }
        if (cohortSwitches.isEmpty()) {
            switches.add(new Paragraph("You teach no cohort yet."));
        }
        examMode.addValueChangeListener(e -> cases.forEach(c -> c.suggestion.setVisible(!e.getValue())));
        queue.setPadding(false);
        add(switches, examMode, new H3("Waiting for your decision"), queue);
        refresh();
    }

    void refresh() {
        queue.removeAll();
        cases.clear();
        List<ReviewCase> pending = appeals.reviewQueue(username, admin);
        if (pending.isEmpty()) {
            queue.add(new Paragraph("No appeal is waiting for you."));
        }
        for (ReviewCase c : pending) {
            CaseForm form = new CaseForm(c);
            cases.add(form);
            queue.add(card(form));
        }
    }

    private Component card(CaseForm form) {
        ReviewCase c = form.reviewCase;
        var f = c.filing();
        var r = c.item();
        Div letter = new Div(new Paragraph("From " + r.username() + " · level " + f.level() + " · filed "
                + DisplayDates.date(f.filedOn()) + " (deadline " + DisplayDates.date(f.deadline())
                + ") · claim "
                + r.claimNumber() + " line " + r.line() + " " + r.code() + " · " + r.label() + " · $"
                + r.amount()));
        letter.add(LetterText.body(f.letter()));
        letter.addClassName("appeal-letter");
        Div record = new Div(
                new Paragraph("What the payer said: " + r.explanation()),
                new Paragraph("The record "
                        + switch (c.denial().support()) {
                            case AS_BILLED -> "documents the line as billed.";
                            case CODED_DIFFERENTLY -> "documents the service, coded differently than billed.";
                            case NOT_DOCUMENTED -> "does not document the line as billed.";
                            case NO_RECORD -> "did not come with the claim.";
                        }));
        c.scenario().ifPresent(s -> {
            Pre note = new Pre(s.noteMarkdown());
            note.getStyle().set("white-space", "pre-wrap");
            record.add(new Details("The clinical note (" + s.title() + ")", note));
            s.priorAuth().ifPresent(a -> record.add(new Paragraph("Authorization on file: " + a)));
        });
        record.addClassName("denial-card");
        form.suggestion.setText("Automatic rules suggest: " + f.suggestion().outcome() + " ("
                + f.suggestion().rule() + "). " + f.suggestion().explanation());
        form.suggestion.addClassName("denial-hint");
        form.suggestion.setVisible(!examMode.getValue());
        Paragraph error = new Paragraph();
        error.addClassName("denial-error");
        form.decide.addClickListener(e -> {
            try {
                var answer = appeals.review(username, admin, f.id(), form.outcome.getValue(), form.reason.getValue());
                Notification.show("Decision sent: " + answer.decision() + ".");
                refresh();
            } catch (AppealException ex) {
                error.setText(ex.getMessage());
            }
        });
        VerticalLayout card =
                new VerticalLayout(letter, record, form.suggestion, form.outcome, form.reason, error, form.decide);
        card.addClassName("denial-card");
        card.setId("review-" + f.id());
        return card;
    }
}
