package org.chart2claim.coding.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.search.CodeSearchService;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.scenario.EncounterView;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;

/**
 * The coding workspace: the note with its encounter data, code search with the highlighted result's
 * instructional notes, and the code cart in three columns on wide screens, stacked sections (with jump buttons)
 * below ~900 px; the cart summary and Submit sit in a sticky footer. Work is autosaved as a draft on every change; submitting grades it and opens the feedback page.
 * The answer key never leaves the server here.
 */
@Route("practice/:scenarioId")
@RolesAllowed("STUDENT")
@StyleSheet("css/coding.css")
public class WorkspaceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ScenarioLibrary library;
    private final AttemptService attempts;
    private final CurrentUser currentUser;
    private final CodeLookup lookup;
    private final CodeSearchService searchService;
    private final CodeBookService books;
    private Scenario scenario;
    private CodingWorkspace workspace;
    private CodeCart cart;
    private ConfirmDialog submitConfirm;

    public WorkspaceView(
            ScenarioLibrary library,
            AttemptService attempts,
            CurrentUser currentUser,
            CodeLookup lookup,
            CodeSearchService searchService,
            CodeBookService books) {
        this.searchService = searchService;
        this.books = books;
        this.library = library;
        this.attempts = attempts;
        this.currentUser = currentUser;
        this.lookup = lookup;
        addClassName("c2c-workspace");
        setSizeFull();
        setPadding(false);
        setSpacing(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("scenarioId").orElse("");
        scenario = library.findVisible(id, currentUser.requireUsername()).orElse(null);
        removeAll();
        if (scenario == null) {
            add(new H2("Scenario not found"), new Span("There is no scenario \u201c" + id + "\u201d."));
            return;
        }
        build();
        var params = event.getLocation().getQueryParameters();
        // "Code it again from my answer" on the feedback page: the attempt's codes become the draft.
        params.getSingleParameter("from")
                .filter(v -> v.matches("\\d{1,18}"))
                .flatMap(
                        v -> attempts.attemptFor(Long.parseLong(v), currentUser.requireUsername(), currentUser.roles()))
                .filter(a -> a.scenarioId().equals(scenario.id()))
                .ifPresent(a -> {
                    workspace.setAnswer(a.answer());
                    attempts.saveDraft(currentUser.requireUsername(), scenario.id(), a.answer());
                    workspace.say("Your answer from attempt " + a.id() + " is loaded; change it and submit again.");
                });
        // "Add to my coding" on the Code search page comes back here with ?add=SYSTEM:CODE.
        params.getSingleParameter("add").flatMap(WorkspaceView::parsePick).ifPresent(this::addToCart);
    }

    /** {@code ICD10CM:J02.0} → a pick; anything else → empty. */
    static Optional<CodeSearchSlot.Pick> parsePick(String value) {
        int colon = value.indexOf(':');
        if (colon < 1 || !value.substring(colon + 1).matches("[A-Za-z0-9.]{3,8}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new CodeSearchSlot.Pick(CodeSystem.valueOf(value.substring(0, colon)), value.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
        Button encoder = new Button(
                "Open in Code search",
                VaadinIcon.EXTERNAL_LINK.create(),
                e -> getUI().ifPresent(
                                ui -> ui.navigate("search", QueryParameters.of("addTo", "practice/" + scenario.id()))));
        encoder.setId("open-code-search");
        encoder.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        encoder.setTooltipText(
                "The full encoder (Tabular detail, Alphabetic Index); its Add to my coding comes back here");

        // Note, full-text search plus entry by code number, and the cart: the same component an exam's coding case
        // uses.
        workspace = new CodingWorkspace(
                EncounterView.of(scenario), attempts.encoderWarnings(), lookup, searchService, books);
        cart = workspace.cart();
        attempts.draft(user, scenario.id()).ifPresent(workspace::setAnswer);
        workspace.onChange(answer -> {
            attempts.saveDraft(user, scenario.id(), answer);
            workspace.setSaveState("Draft saved");
        });

        Button submit = new Button("Submit for grading", e -> confirmAndSubmit(user));
        submit.setId("submit-attempt");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        // The cart summary and Submit stay on screen whatever scrolls (a sticky footer).
        Div footer = new Div(workspace.status(), submit);
        footer.addClassName("c2c-ws-footer");

        Div header = new Div(new Div(title, meta), encoder);
        header.addClassName("c2c-ws-header");
        add(header, workspace, footer);
    }

    /** A picked code goes to the cart, and the learner is told what happened (screen readers too). */
    void addToCart(CodeSearchSlot.Pick pick) {
        workspace.addToCart(pick);
    }

    /** An empty or half-empty cart asks first; a complete one is graded at once. */
    private void confirmAndSubmit(String user) {
        List<String> gaps = cart.gaps();
        if (gaps.isEmpty()) {
            submit(user);
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-submit");
        confirm.setHeader("Submit anyway?");
        confirm.setText("Your coding has " + String.join(", ", gaps)
                + ". Submitting grades it as it is; missing codes score no points.");
        confirm.setCancelable(true);
        confirm.setCancelText("Keep coding");
        confirm.setConfirmText("Submit for grading");
        confirm.addConfirmListener(e -> submit(user));
        confirm.open();
        submitConfirm = confirm;
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

    /** For tests: the search slot and the note. */
    CodeSearchSlot searchSlot() {
        return workspace.searchSlot();
    }

    NoteView noteView() {
        return workspace.noteView();
    }

    /** For tests: the confirmation an incomplete cart asked for (null when none). */
    ConfirmDialog submitConfirm() {
        return submitConfirm;
    }

    /** For tests: the cart on screen. */
    CodeCart cart() {
        return cart;
    }
}
