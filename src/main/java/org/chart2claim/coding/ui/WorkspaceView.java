package org.chart2claim.coding.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The coding workspace: the note with its encounter data on the left, code search and the code cart on the
 * right. Work is autosaved as a draft on every change; submitting grades it and opens the feedback page.
 * The answer key never leaves the server here.
 */
@Route("practice/:scenarioId")
@RolesAllowed("STUDENT")
@StyleSheet("css/coding.css")
public class WorkspaceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private final ScenarioLibrary library;
    private final AttemptService attempts;
    private final CurrentUser currentUser;
    private final CodeLookup lookup;
    private final org.chart2claim.codebook.search.CodeSearchService searchService;
    private Scenario scenario;
    private CodeCart cart;
    private CodeSearchSlot searchSlot;
    private NoteView noteView;
    private final Span saveState = new Span();

    public WorkspaceView(
            ScenarioLibrary library,
            AttemptService attempts,
            CurrentUser currentUser,
            ObjectProvider<CodeLookup> lookup,
            ObjectProvider<org.chart2claim.codebook.search.CodeSearchService> searchService) {
        this.searchService = searchService.getIfAvailable();
        this.library = library;
        this.attempts = attempts;
        this.currentUser = currentUser;
        this.lookup = lookup.getIfAvailable();
        addClassName("c2c-workspace");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("scenarioId").orElse("");
        scenario = library.find(id).orElse(null);
        removeAll();
        if (scenario == null) {
            add(new H2("Scenario not found"), new Span("There is no scenario \u201c" + id + "\u201d."));
            return;
        }
        build();
    }

    @Override
    public String getPageTitle() {
        return (scenario == null ? "Workspace" : scenario.title()) + " · Chart2Claim";
    }

    private void build() {
        String user = currentUser.requireUsername();
        H2 title = new H2(scenario.title());
        title.addClassName("c2c-title");
        Span meta = new Span(
                scenario.specialty() + " · difficulty " + scenario.difficulty() + " · " + scenario.codeSetYear());
        meta.addClassName("c2c-muted");

        // Full-text search from the codebook feature, plus entry by code number for coders who know the code.
        CodeSearchSlot search =
                searchService == null ? new CodeNumberEntry(lookup) : new CodebookSearchSlot(searchService);
        CodeSearchSlot byNumber = searchService == null ? null : new CodeNumberEntry(lookup);
        cart = new CodeCart(attempts.encoderWarnings());
        attempts.draft(user, scenario.id()).ifPresent(cart::setAnswer);
        cart.onChange(answer -> {
            attempts.saveDraft(user, scenario.id(), answer);
            saveState.setText("Draft saved");
        });
        searchSlot = search;
        java.util.function.Consumer<CodeSearchSlot.Pick> toCart = pick -> {
            if (pick.system() == CodeSystem.ICD10CM) {
                cart.addDiagnosis(pick.code());
            } else {
                cart.addLine(pick.code());
            }
        };
        search.onPick(toCart);
        if (byNumber != null) {
            byNumber.onPick(toCart);
        }

        NoteView note = new NoteView(scenario.noteMarkdown());
        note.onSelection(search::search);
        noteView = note;
        VerticalLayout left = new VerticalLayout(encounterBox(), note);
        left.addClassName("c2c-left");

        Button submit = new Button("Submit for grading", e -> submit(user));
        submit.setId("submit-attempt");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        saveState.addClassName("c2c-muted");
        saveState.setId("save-state");
        VerticalLayout right = new VerticalLayout(search.component());
        if (byNumber != null) {
            right.add(byNumber.component());
        }
        right.add(cart, new HorizontalLayout(submit, saveState));
        right.addClassName("c2c-right");

        SplitLayout split = new SplitLayout(left, right);
        split.setSplitterPosition(55);
        split.setSizeFull();
        add(new VerticalLayout(title, meta), split);
        setFlexGrow(1, split);
    }

    private void submit(String user) {
        CodingAnswer answer = cart.answer();
        if (!answer.problems().isEmpty()) {
            Notification.show(String.join(" ", answer.problems()), 5000, Notification.Position.MIDDLE);
            return;
        }
        AttemptService.GradedAttempt graded = attempts.submit(user, scenario.id(), answer);
        getUI().ifPresent(ui -> ui.navigate("results/attempt/" + graded.id()));
    }

    private Component encounterBox() {
        Div box = new Div();
        box.addClassName("c2c-encounter");
        Scenario.Patient p = scenario.patient();
        box.add(row(
                "Patient",
                p.name() + " · DOB " + US_DATE.format(p.dateOfBirth()) + " · sex " + p.sex() + " · member "
                        + p.memberId()));
        box.add(row("Payer", scenario.payer().plan() + " (" + scenario.payer().id() + ")"));
        box.add(row(
                "Date of service",
                US_DATE.format(scenario.dateOfService()) + " · " + scenario.setting() + " · POS "
                        + scenario.placeOfService()));
        box.add(row(
                "Rendering",
                scenario.renderingProvider().name() + " · NPI "
                        + scenario.renderingProvider().npi()));
        box.add(row(
                "Billing",
                scenario.billingProvider().name() + " · NPI "
                        + scenario.billingProvider().npi() + " · TIN "
                        + scenario.billingProvider().taxId()));
        scenario.referring().ifPresent(r -> box.add(row("Referring", r.name() + " · NPI " + r.npi())));
        scenario.priorAuth().ifPresent(a -> box.add(row("Prior auth", a)));
        return box;
    }

    private static Div row(String label, String value) {
        Span l = new Span(label);
        l.addClassName("c2c-label");
        Div d = new Div(l, new Span(value));
        d.addClassName("c2c-encounter-row");
        return d;
    }

    /** For tests: the search slot and the note. */
    CodeSearchSlot searchSlot() {
        return searchSlot;
    }

    NoteView noteView() {
        return noteView;
    }

    /** For tests: the cart on screen. */
    CodeCart cart() {
        return cart;
    }
}
