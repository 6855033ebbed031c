package org.chart2claim.codebook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.CodeDetail;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.search.CodeHit;
import org.chart2claim.codebook.search.CodeSearchService;

/**
 * The encoder: search all code books (type-ahead, keyboard first), browse the Alphabetic Index, and
 * verify a code in its Tabular detail (hierarchy, notes, 7th characters, siblings). Opened with
 * {@code ?addTo=<route>} (the coding workspace does), it offers "Add to my coding": back to that route with
 * {@code ?add=SYSTEM:CODE}; the host route decides what adding means.
 */
@Menu(title = "Code search", order = 1, icon = "vaadin:search")
@Route("search")
@PageTitle("Code search · Chart2Claim")
@PermitAll
@StyleSheet("css/codebook.css")
public class CodeSearchView extends VerticalLayout implements BeforeEnterObserver {

    private final CodeBookService books;
    final CodeSearchPanel searchPanel;
    final AlphabeticIndexBrowser indexBrowser;
    final ModifierTable modifiers;
    final CodeDetailPanel detail;
    final TabSheet tabs = new TabSheet();
    final Button addToCoding = new Button("Add to my coding", VaadinIcon.PLUS.create());
    final Div codingBar = new Div();
    /** The route of the work that opened this page (e.g. a scenario workspace), or null. */
    private String addTo;

    public CodeSearchView(CodeSearchService search, CodeBookService books) {
        this.books = books;
        addClassName("page");
        addClassName("code-search-view");
        setSizeFull();

        searchPanel = new CodeSearchPanel(search);
        detail = new CodeDetailPanel(code -> showCode(currentSystem(), code));
        searchPanel.addCodeHighlightedListener(e -> e.getHit().ifPresent(this::showHit));
        searchPanel.addCodeChosenListener(e -> showHit(e.getHit()));

        indexBrowser = books.book(CodeSystem.ICD10CM)
                .map(icd -> new AlphabeticIndexBrowser(icd, code -> showCode(CodeSystem.ICD10CM, code)))
                .orElse(null);
        modifiers = new ModifierTable(books.books());

        tabs.add("Search", searchPanel);
        if (indexBrowser != null) {
            tabs.add("Alphabetic Index (ICD-10-CM)", indexBrowser);
        }
        tabs.add("Modifiers", modifiers);
        tabs.setWidthFull();

        VerticalLayout left = new VerticalLayout(tabs);
        left.setPadding(false);
        left.addClassName("code-search-left");
        VerticalLayout right = new VerticalLayout(detail);
        right.setPadding(false);
        right.addClassName("code-search-right");
        HorizontalLayout columns = new HorizontalLayout(left, right);
        columns.setWidthFull();
        columns.setFlexGrow(3, left);
        columns.setFlexGrow(2, right);
        columns.addClassName("code-search-columns");

        // Opened from a scenario workspace: the shown code can be added there (the codebook knows only the route).
        addToCoding.setId("add-to-my-coding");
        addToCoding.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addToCoding.setEnabled(false);
        addToCoding.addClickListener(e -> addShownCode());
        Button back = new Button("Back to my coding", e -> getUI().ifPresent(ui -> ui.navigate(addTo)));
        back.setId("back-to-coding");
        codingBar.add(addToCoding, back);
        codingBar.addClassName("code-search-coding-bar");
        codingBar.setVisible(false);

        add(new H2("Code search"), new Paragraph(versionLine()), codingBar, columns);
        searchPanel.focusSearch();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        addTo = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("addTo")
                .filter(CodeSearchView::isReturnRoute)
                .orElse(null);
        codingBar.setVisible(addTo != null);
    }

    /** Only an in-app route of plain path segments (no scheme, host, query or "..") may be returned to. */
    public static boolean isReturnRoute(String route) {
        return route.matches("[a-z]+(/[A-Za-z0-9_-]{1,80}){0,3}");
    }

    private void addShownCode() {
        CodeDetail shown = detail.getShown();
        if (addTo == null || shown == null) {
            return;
        }
        String pick = shown.system().name() + ":" + shown.code();
        getUI().ifPresent(ui -> ui.navigate(addTo, QueryParameters.of("add", pick)));
    }

    private String versionLine() {
        StringBuilder line = new StringBuilder("Code sets: ");
        books.books().sets().forEach(s -> line.append(s.label()).append("; "));
        return line.append("CPT descriptions are written by Chart2Claim, not AMA text.")
                .toString();
    }

    private CodeSystem shownSystem = CodeSystem.ICD10CM;

    private CodeSystem currentSystem() {
        return detail.getShown() != null ? detail.getShown().system() : shownSystem;
    }

    private void showHit(CodeHit hit) {
        showCode(hit.system(), hit.code());
    }

    /** Shows a code of a system in the detail panel (no-op for unknown codes). */
    void showCode(CodeSystem system, String code) {
        books.book(system)
                .ifPresent(book -> book.find(code).ifPresent(entry -> {
                    shownSystem = system;
                    detail.show(CodeDetail.of(book, entry));
                    addToCoding.setText("Add " + entry.code() + " to my coding");
                    addToCoding.setEnabled(true);
                }));
    }
}
