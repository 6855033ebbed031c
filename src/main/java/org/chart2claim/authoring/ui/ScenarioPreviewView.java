package org.chart2claim.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.authoring.AuthoringService;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.GradeResult;
import org.chart2claim.coding.ui.CodeCart;
import org.chart2claim.coding.ui.CodeSearchSlot;
import org.chart2claim.coding.ui.NoteView;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.scenario.ScenarioValidator;

/**
 * "Preview as a student": the workspace on a draft — the note and encounter data, the code search panel and the
 * cart — and "Grade my preview" scores the cart against the draft's key in memory. Nothing is saved: no attempt,
 * no draft of a learner.
 */
@Route("scenarios/preview")
@PageTitle("Preview as a student · Chart2Claim")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
@StyleSheet("css/coding.css")
@StyleSheet("css/authoring.css")
public class ScenarioPreviewView extends VerticalLayout implements BeforeEnterObserver {

    private final AuthoringService authoring;
    private final ScenarioLibrary library;
    private final AttemptService attempts;
    private final CurrentUser currentUser;
    private final CodeTools tools;
    private CodeCart cart;
    private Scenario scenario;
    final Div result = new Div();

    public ScenarioPreviewView(
            AuthoringService authoring,
            ScenarioLibrary library,
            AttemptService attempts,
            CurrentUser currentUser,
            CodeTools tools) {
        this.authoring = authoring;
        this.library = library;
        this.attempts = attempts;
        this.currentUser = currentUser;
        this.tools = tools;
        addClassName("c2c-workspace");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String draft = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("draft")
                .orElse("");
        long draftId;
        String text;
        try {
            draftId = Long.parseLong(draft);
            text = authoring.draft(draftId, currentUser.requireUsername()).getFileText();
        } catch (NumberFormatException | AuthoringService.NotFoundException e) {
            add(new H2("Draft not found"), new Paragraph("There is no draft with that number that you can open."));
            return;
        }
        ScenarioValidator.Outcome outcome = library.validator().validate(null, text);
        Button back = new Button(
                "Back to the editor",
                e -> getUI().ifPresent(ui ->
                        ui.navigate(ScenarioEditorView.class, QueryParameters.of("draft", String.valueOf(draftId)))));
        back.setId("back-to-editor");
        if (!outcome.valid()) {
            UnorderedList problems = new UnorderedList();
            outcome.errors().forEach(err -> problems.add(new ListItem(err.toString())));
            add(new H2("The draft is not valid yet"), problems, back);
            return;
        }
        scenario = outcome.scenario();
        Span banner = new Span("Preview as a student: nothing you do here is saved.");
        banner.setId("preview-banner");
        banner.getElement().getThemeList().add("badge contrast");
        Span meta = new Span(
                scenario.specialty() + " · difficulty " + scenario.difficulty() + " · " + scenario.codeSetYear());
        meta.addClassName("c2c-muted");
        Scenario.Patient p = scenario.patient();
        Paragraph encounter = new Paragraph(p.name() + " · DOB " + DisplayDates.date(p.dateOfBirth()) + " · sex "
                + p.sex() + " · " + scenario.payer().plan() + " · DOS " + DisplayDates.date(scenario.dateOfService())
                + " · POS " + scenario.placeOfService() + " · "
                + scenario.renderingProvider().name());
        encounter.addClassName("c2c-encounter");
        NoteView note = new NoteView(scenario.noteMarkdown());
        CodeSearchSlot search = tools.searchSlot();
        cart = tools.cart();
        search.onPick(pick -> CodeTools.add(cart, pick));
        note.onSelection(search::search);
        Button grade = new Button("Grade my preview", e -> grade());
        grade.setId("grade-preview");
        grade.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("preview-result");
        Div body = new Div(
                section("Note", encounter, note),
                section("Code search", search.component()),
                section("My coding", cart));
        body.addClassName("c2c-ws-body");
        add(new H2(scenario.title()), banner, meta, back, body, grade, result);
    }

    private static Div section(String heading, com.vaadin.flow.component.Component... content) {
        Div d = new Div(new H3(heading));
        d.add(content);
        d.addClassName("c2c-ws-section");
        return d;
    }

    /** Scores the cart against the draft's key, in memory only. */
    void grade() {
        result.removeAll();
        GradeResult r = attempts.grader().grade(scenario.key(), cart.answer());
        Span score = new Span(r.score() + " / 100");
        score.setId("preview-score");
        score.addClassName("c2c-score");
        UnorderedList verdicts = new UnorderedList();
        r.diagnoses().forEach(v -> verdicts.add(new ListItem("Diagnosis " + v.keyCode() + ": " + v.verdict())));
        r.procedures()
                .forEach(v -> verdicts.add(new ListItem("Line " + v.keyCode() + ": code " + v.code() + ", modifiers "
                        + v.modifiers() + ", units " + v.units() + ", pointers " + v.pointers())));
        result.add(score, verdicts);
    }

    /** For tests. */
    CodeCart cart() {
        return cart;
    }
}
