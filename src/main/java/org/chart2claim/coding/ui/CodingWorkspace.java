package org.chart2claim.coding.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.function.Consumer;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeInfo;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.search.CodeSearchService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.coding.EncoderWarnings;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.scenario.EncounterView;
import org.chart2claim.scenario.Scenario;

/**
 * The body of the coding workspace, for any page that lets a learner code an encounter: the note with its encounter
 * data, the code search (highlighted note text becomes its query) and entry by code number, and the code cart
 * (codes, modifiers, units, pointers) in three columns on wide screens, stacked sections with jump buttons below
 * ~900 px; {@link #status()} is the cart summary and the latest message, for the page's sticky footer.
 *
 * <p>The practice page ({@link WorkspaceView}) saves every change as a draft and adds Submit; an exam page saves
 * every change into its session and adds its own navigation. The component grades nothing and knows no key: what
 * happens to the answer is the page's business ({@link #onChange}). Without a search service (a closed-book exam)
 * codes are entered by number only, and highlighting note text searches nothing.
 */
public class CodingWorkspace extends Div {

    private final CodeLookup lookup;
    private final CodeCart cart;
    private final CodeSearchSlot search;
    private final NoteView note;
    private final Span cartSummary = new Span();
    private final Span lastAdded = new Span();
    private final Span saveState = new Span();
    private final Div status;
    private Consumer<CodingAnswer> changeListener = a -> {};

    /**
     * @param searchService the full-text code search, or {@code null} for entry by code number only (closed book)
     */
    public CodingWorkspace(
            EncounterView encounter,
            EncoderWarnings warnings,
            CodeLookup lookup,
            CodeSearchService searchService,
            CodeBookService books) {
        this.lookup = lookup;
        addClassName("c2c-ws-main");
        CodeSearchSlot byNumber = new CodeNumberEntry(lookup);
        search = searchService == null ? null : new CodebookSearchSlot(searchService, books);
        cart = new CodeCart(
                warnings,
                code -> titleOf(CodeSystem.ICD10CM, code),
                code -> titleOf(CodeFormat.procedureSystem(code), code));
        cart.onChange(answer -> {
            cartSummary.setText(cart.summary());
            changeListener.accept(answer);
        });
        byNumber.onPick(this::addToCart);
        note = new NoteView(encounter.note());
        Div searchSection;
        if (search != null) {
            search.onPick(this::addToCart);
            note.onSelection(text -> {
                search.search(text);
                lastAdded.setText("Searching \u201c" + text + "\u201d");
            });
            searchSection = section("ws-search", "Code search", search.component(), byNumber.component());
        } else {
            Span closed = new Span("Closed book: enter codes by number.");
            closed.addClassName("c2c-muted");
            closed.setId("closed-book");
            searchSection = section("ws-search", "Codes", closed, byNumber.component());
        }
        Div noteSection = section("ws-note", "Note", encounterBox(encounter), note);
        Div cartSection = section("ws-cart", "My coding", cart);
        Div body = new Div(noteSection, searchSection, cartSection);
        body.addClassName("c2c-ws-body");

        // Below ~900 px the three sections stack; these jump between them (hidden on wide screens by CSS).
        Div jump = new Div(
                jumpButton("Note", noteSection),
                jumpButton(search != null ? "Search" : "Codes", searchSection),
                jumpButton("Cart", cartSection));
        jump.addClassName("c2c-ws-jump");
        add(jump, body);

        saveState.addClassName("c2c-muted");
        saveState.setId("save-state");
        cartSummary.setId("cart-summary");
        cartSummary.setText(cart.summary());
        lastAdded.setId("last-added");
        lastAdded.addClassName("c2c-last-added");
        lastAdded.getElement().setAttribute("aria-live", "polite");
        status = new Div(cartSummary, saveState, lastAdded);
        status.addClassName("c2c-ws-status");
    }

    /** Where every change of the cart goes (not called by {@link #setAnswer}). */
    public void onChange(Consumer<CodingAnswer> listener) {
        this.changeListener = listener;
    }

    /** Restores saved work without reporting it as a change. */
    public void setAnswer(CodingAnswer answer) {
        cart.setAnswer(answer);
        cartSummary.setText(cart.summary());
    }

    public CodingAnswer answer() {
        return cart.answer();
    }

    /** The cart summary, the save state and the latest message: for the page's sticky footer. */
    public Div status() {
        return status;
    }

    /** "Draft saved", "Saved", "Not saved": what the page did with the last change. */
    public void setSaveState(String text) {
        saveState.setText(text);
    }

    public void say(String message) {
        lastAdded.setText(message);
    }

    /** A picked code goes to the cart, and the learner is told what happened (screen readers too). */
    public void addToCart(CodeSearchSlot.Pick pick) {
        // Said in the sticky footer (an aria-live region): a toast would cover the page's buttons on a phone.
        say(pick.system() == CodeSystem.ICD10CM ? cart.addDiagnosis(pick.code()) : cart.addLine(pick.code()));
    }

    public CodeCart cart() {
        return cart;
    }

    /** The full-text search, or {@code null} in a closed-book exam. */
    public CodeSearchSlot searchSlot() {
        return search;
    }

    public NoteView noteView() {
        return note;
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
        return lookup == null
                ? ""
                : lookup.find(system, code).map(CodeInfo::title).orElse("not in the active code books");
    }

    private static Component encounterBox(EncounterView e) {
        Div box = new Div();
        box.addClassName("c2c-encounter");
        Scenario.Patient p = e.patient();
        box.add(row(
                "Patient",
                p.name() + " · DOB " + DisplayDates.date(p.dateOfBirth()) + " · sex " + p.sex() + " · member "
                        + p.memberId()));
        box.add(row("Payer", e.payer().plan() + " (" + e.payer().id() + ")"));
        box.add(row(
                "Date of service",
                DisplayDates.date(e.dateOfService()) + " · " + e.setting() + " · POS " + e.placeOfService()));
        box.add(row(
                "Rendering",
                e.renderingProvider().name() + " · NPI " + e.renderingProvider().npi()));
        box.add(row(
                "Billing",
                e.billingProvider().name() + " · NPI " + e.billingProvider().npi() + " · TIN "
                        + e.billingProvider().taxId()));
        if (e.referringProvider() != null) {
            box.add(row(
                    "Referring",
                    e.referringProvider().name() + " · NPI "
                            + e.referringProvider().npi()));
        }
        if (e.priorAuthorization() != null) {
            box.add(row("Prior auth", e.priorAuthorization()));
        }
        return box;
    }

    private static Div row(String label, String value) {
        Span l = new Span(label);
        l.addClassName("c2c-label");
        Div d = new Div(l, new Span(value));
        d.addClassName("c2c-encounter-row");
        return d;
    }
}
