package org.chart2claim.codebook.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Optional;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.search.CodeHit;
import org.chart2claim.codebook.search.CodeSearchService;

/**
 * Reusable type-ahead code search: a search field, a code-system filter, a "billable only" switch and a
 * result list (code, wrapping title, billable/header and system chips). Keyboard first: type, press Down or
 * Enter to move into the results, Up/Down to move, Enter to choose the highlighted result, Escape to go back.
 *
 * <p>Embed it anywhere (the coding workspace does): construct it with the {@link CodeSearchService},
 * listen with {@link #addCodeChosenListener} for the code the user picks (Enter, double click or the
 * "Use" button of a host), and with {@link #addCodeHighlightedListener} for the result under the cursor
 * (to show details). {@link #setSystem} fixes or pre-selects the code system; {@link #setQuery} fills
 * the field and searches.
 */
@StyleSheet("css/codebook.css")
public class CodeSearchPanel extends VerticalLayout {

    /** Fired when the user chooses a code (Enter or double click on a result). */
    public static class CodeChosenEvent extends ComponentEvent<CodeSearchPanel> {
        private final CodeHit hit;

        public CodeChosenEvent(CodeSearchPanel source, CodeHit hit) {
            super(source, false);
            this.hit = hit;
        }

        /** The chosen code with its system, title, billable flag and version. */
        public CodeHit getHit() {
            return hit;
        }
    }

    /** Fired when the result under the cursor changes (arrow keys, click); the hit may be empty. */
    public static class CodeHighlightedEvent extends ComponentEvent<CodeSearchPanel> {
        private final CodeHit hit;

        public CodeHighlightedEvent(CodeSearchPanel source, CodeHit hit) {
            super(source, false);
            this.hit = hit;
        }

        public Optional<CodeHit> getHit() {
            return Optional.ofNullable(hit);
        }
    }

    /** Results shown per search. */
    static final int RESULT_LIMIT = 50;
    /** How long a search waits for the index after a restart before it says that search is getting ready. */
    static final java.time.Duration READY_WAIT = java.time.Duration.ofSeconds(10);

    static final String GETTING_READY =
            "Code search is getting ready (the code books are loading after a restart). Search again in a few seconds.";

    private final CodeSearchService search;
    /** {@link #READY_WAIT}; shorter in a test. */
    java.time.Duration readyWait = READY_WAIT;

    final TextField query = new TextField();
    final Select<String> system = new Select<>();
    final Checkbox billableOnly = new Checkbox("Billable only");
    final Grid<CodeHit> results = new Grid<>();
    final Span status = new Span();
    private CodeHit focused;

    public CodeSearchPanel(CodeSearchService search) {
        this.search = search;
        addClassName("code-search-panel");
        setPadding(false);

        query.setPlaceholder("Condition, procedure, abbreviation or code (e.g. CHF, E11.9, lightweight wheelchair)");
        query.setAriaLabel("Search codes");
        query.setId("code-search-query");
        query.setLabel("Search codes");
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setValueChangeMode(ValueChangeMode.TIMEOUT);
        query.setValueChangeTimeout(200);
        query.setWidthFull();
        query.addValueChangeListener(e -> refresh());

        system.setLabel("Code system");
        system.setItems("All", CodeSystem.ICD10CM.name(), CodeSystem.HCPCS.name(), CodeSystem.CPT.name());
        system.setValue("All");
        system.addValueChangeListener(e -> refresh());
        billableOnly.addValueChangeListener(e -> refresh());

        HorizontalLayout bar = new HorizontalLayout(query, system, billableOnly);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.expand(query);
        bar.addClassName("code-search-bar"); // wraps in a narrow column instead of clipping "Billable only"

        // The title wraps instead of being cut; billable/header and the system share one column of compact chips.
        // Fixed code width: auto width is measured on the first results only, and then cut "S93.402A" to "S93.…".
        results.addColumn(CodeHit::code).setHeader("Code").setWidth("6.5em").setFlexGrow(0);
        results.addColumn(CodeHit::title).setHeader("Title").setFlexGrow(1).setTooltipGenerator(CodeHit::title);
        results.addComponentColumn(CodeSearchPanel::chips)
                .setHeader("")
                .setWidth("6em")
                .setFlexGrow(0);
        results.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        results.setAllRowsVisible(false);
        results.addClassName("code-search-results");
        results.setId("code-search-results");
        results.setAriaLabel("Search results");
        results.addCellFocusListener(e -> {
            focused = e.getItem().orElse(null);
            if (focused != null) {
                results.select(focused);
            }
        });
        results.asSingleSelect().addValueChangeListener(e -> fireEvent(new CodeHighlightedEvent(this, e.getValue())));
        results.addItemDoubleClickListener(e -> choose(e.getItem()));
        // Enter chooses the highlighted result only; Escape goes back to the search field. Plain key listeners
        // on the elements: they see the keys of the focused cell, which bubble up to the grid.
        results.getElement()
                .addEventListener("keydown", e -> chooseHighlighted())
                .setFilter("event.key === 'Enter'");
        results.getElement().addEventListener("keydown", e -> focusSearch()).setFilter("event.key === 'Escape'");
        // Down or Enter in the search field moves into the results (Enter never adds an unseen top hit).
        query.getElement()
                .addEventListener("keydown", e -> moveIntoResults())
                .setFilter("event.key === 'ArrowDown' || event.key === 'Enter'");

        status.addClassName("code-search-status");
        add(bar, status, results);
    }

    /** Compact chips: billable or header, and the code system. */
    private static Div chips(CodeHit hit) {
        Span badge = new Span(hit.billable() ? "billable" : "header");
        badge.getElement().getThemeList().add(hit.billable() ? "badge success small" : "badge contrast small");
        badge.getElement()
                .setAttribute(
                        "title",
                        hit.billable()
                                ? "Can be reported on a claim"
                                : "Category or subcategory: choose a more specific code");
        Span system = new Span(shortName(hit.system()));
        system.getElement().getThemeList().add("badge small");
        system.getElement().setAttribute("title", hit.system().name());
        Div chips = new Div(badge, system);
        chips.addClassName("code-chips");
        return chips;
    }

    static String shortName(CodeSystem system) {
        return switch (system) {
            case ICD10CM -> "ICD-10";
            case HCPCS -> "HCPCS";
            case CPT -> "CPT";
        };
    }

    private void moveIntoResults() {
        List<CodeHit> items = currentItems();
        if (!items.isEmpty()) {
            CodeHit target = results.asSingleSelect().getValue() != null
                    ? results.asSingleSelect().getValue()
                    : items.getFirst();
            results.select(target);
            focused = target;
            results.scrollToIndex(items.indexOf(target));
            // Focus the grid's body cell (the grid element itself takes no focus), so arrows and Enter work there.
            results.getElement().executeJs("""
                    requestAnimationFrame(() => {
                      const cell = this._itemsFocusable;
                      if (cell) { cell.focus(); } else { this.focus(); }
                    });""");
        }
    }

    private void chooseHighlighted() {
        choose(focused != null ? focused : results.asSingleSelect().getValue());
    }

    private List<CodeHit> currentItems() {
        return results.getGenericDataView().getItems().toList();
    }

    private void choose(CodeHit hit) {
        if (hit != null) {
            fireEvent(new CodeChosenEvent(this, hit));
        }
    }

    /** Runs the search for the current field and filters. */
    public void refresh() {
        String text = query.getValue();
        if (text == null || text.isBlank()) {
            focused = null;
            results.setItems(List.of());
            status.setText("");
            return;
        }
        if (!search.awaitReady(readyWait)) {
            // right after a restart the code books and the index load in the background: say so, never "no codes"
            focused = null;
            results.setItems(List.of());
            status.setText(GETTING_READY);
            return;
        }
        List<CodeHit> hits = search.search(text, selectedSystem(), billableOnly.getValue(), RESULT_LIMIT);
        focused = null;
        results.setItems(hits);
        status.setText(
                hits.isEmpty()
                        ? "No codes found. Try another word, an abbreviation or the code itself."
                        : hits.size() + (hits.size() == RESULT_LIMIT ? "+" : "") + " codes");
        if (!hits.isEmpty()) {
            results.select(hits.getFirst());
        }
    }

    private CodeSystem selectedSystem() {
        String value = system.getValue();
        return value == null || value.equals("All") ? null : CodeSystem.valueOf(value);
    }

    /** Pre-selects a code system; {@code null} searches all. */
    public void setSystem(CodeSystem codeSystem) {
        system.setValue(codeSystem == null ? "All" : codeSystem.name());
    }

    /** Shows only billable codes when true. */
    public void setBillableOnly(boolean value) {
        billableOnly.setValue(value);
    }

    /** Fills the search field and searches. */
    public void setQuery(String text) {
        query.setValue(text == null ? "" : text);
        refresh();
    }

    /** The results currently shown. */
    public List<CodeHit> getResults() {
        return currentItems();
    }

    /** The highlighted result, if any. */
    public Optional<CodeHit> getHighlighted() {
        return Optional.ofNullable(results.asSingleSelect().getValue());
    }

    /** Puts the cursor in the search field. */
    public void focusSearch() {
        query.focus();
    }

    public Registration addCodeChosenListener(ComponentEventListener<CodeChosenEvent> listener) {
        return addListener(CodeChosenEvent.class, listener);
    }

    public Registration addCodeHighlightedListener(ComponentEventListener<CodeHighlightedEvent> listener) {
        return addListener(CodeHighlightedEvent.class, listener);
    }
}
