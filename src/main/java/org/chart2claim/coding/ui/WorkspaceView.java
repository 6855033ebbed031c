package org.chart2claim.coding.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeInfo;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.search.CodeSearchService;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.config.DisplayDates;
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
    private CodeCart cart;
    private CodeSearchSlot searchSlot;
    private NoteView noteView;
    private final Span saveState = new Span();
    private final Span cartSummary = new Span();
    private final Span lastAdded = new Span();
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
                    cart.setAnswer(a.answer());
                    attempts.saveDraft(currentUser.requireUsername(), scenario.id(), a.answer());
                    cartSummary.setText(cart.summary());
                    lastAdded.setText("Your answer from attempt " + a.id() + " is loaded; change it and submit again.");
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

        // Full-text search from the codebook feature, plus entry by code number for coders who know the code.
        CodeSearchSlot search = new CodebookSearchSlot(searchService, books);
        CodeSearchSlot byNumber = new CodeNumberEntry(lookup);
        cart = new CodeCart(
                attempts.encoderWarnings(),
                code -> titleOf(CodeSystem.ICD10CM, code),
                code -> titleOf(CodeFormat.procedureSystem(code), code));
        attempts.draft(user, scenario.id()).ifPresent(cart::setAnswer);
        cart.onChange(answer -> {
            attempts.saveDraft(user, scenario.id(), answer);
            saveState.setText("Draft saved");
            cartSummary.setText(cart.summary());
        });
        searchSlot = search;
        search.onPick(this::addToCart);
        byNumber.onPick(this::addToCart);

        NoteView note = new NoteView(scenario.noteMarkdown());
        note.onSelection(text -> {
            search.search(text);
            lastAdded.setText("Searching \u201c" + text + "\u201d");
        });
        noteView = note;

        Div noteSection = section("ws-note", "Note", encounterBox(), note);
        Div searchSection = section("ws-search", "Code search", search.component(), byNumber.component());
        Div cartSection = section("ws-cart", "My coding", cart);
        Div body = new Div(noteSection, searchSection, cartSection);
        body.addClassName("c2c-ws-body");

        // Below ~900 px the three sections stack; these jump between them (hidden on wide screens by CSS).
        Div jump = new Div(
                jumpButton("Note", noteSection), jumpButton("Search", searchSection), jumpButton("Cart", cartSection));
        jump.addClassName("c2c-ws-jump");

        Button submit = new Button("Submit for grading", e -> confirmAndSubmit(user));
        submit.setId("submit-attempt");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        saveState.addClassName("c2c-muted");
        saveState.setId("save-state");
        cartSummary.setId("cart-summary");
        cartSummary.setText(cart.summary());
        lastAdded.setId("last-added");
        lastAdded.addClassName("c2c-last-added");
        lastAdded.getElement().setAttribute("aria-live", "polite");
        Div status = new Div(cartSummary, saveState, lastAdded);
        status.addClassName("c2c-ws-status");
        // The cart summary and Submit stay on screen whatever scrolls (a sticky footer).
        Div footer = new Div(status, submit);
        footer.addClassName("c2c-ws-footer");

        Div header = new Div(new Div(title, meta), encoder);
        header.addClassName("c2c-ws-header");
        add(header, jump, body, footer);
    }

    private static Div section(String id, String heading, Component... content) {
        H3 h = new H3(heading);
        h.addClassName("c2c-ws-section-title");
        Div d = new Div(h);
        d.add(content);
        d.setId(id);
        d.addClassName("c2c-ws-section");
        return d;
    }

    private static Button jumpButton(String label, Div target) {
        Button b = new Button(label, e -> target.getElement().callJsFunction("scrollIntoView"));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        b.setId("jump-" + target.getId().orElse(""));
        return b;
    }

    private String titleOf(CodeSystem system, String code) {
        return lookup.find(system, code).map(CodeInfo::title).orElse("not in the active code books");
    }

    /** A picked code goes to the cart, and the learner is told what happened (screen readers too). */
    void addToCart(CodeSearchSlot.Pick pick) {
        String message =
                pick.system() == CodeSystem.ICD10CM ? cart.addDiagnosis(pick.code()) : cart.addLine(pick.code());
        // Said in the sticky footer (an aria-live region): a toast would cover Submit on a phone.
        lastAdded.setText(message);
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

    private Component encounterBox() {
        Div box = new Div();
        box.addClassName("c2c-encounter");
        Scenario.Patient p = scenario.patient();
        box.add(row(
                "Patient",
                p.name() + " · DOB " + DisplayDates.date(p.dateOfBirth()) + " · sex " + p.sex() + " · member "
                        + p.memberId()));
        box.add(row("Payer", scenario.payer().plan() + " (" + scenario.payer().id() + ")"));
        box.add(row(
                "Date of service",
                DisplayDates.date(scenario.dateOfService()) + " · " + scenario.setting() + " · POS "
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

    /** For tests: the confirmation an incomplete cart asked for (null when none). */
    ConfirmDialog submitConfirm() {
        return submitConfirm;
    }

    /** For tests: the cart on screen. */
    CodeCart cart() {
        return cart;
    }
}
