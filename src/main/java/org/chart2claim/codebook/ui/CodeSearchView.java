package org.chart2claim.codebook.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.CodeDetail;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.search.CodeHit;
import org.chart2claim.codebook.search.CodeSearchService;

/**
 * The encoder: search all code books (type-ahead, keyboard first), browse the Alphabetic Index, and
 * verify a code in its Tabular detail (hierarchy, notes, 7th characters, siblings).
 */
@Route("search")
@PageTitle("Code search · Chart2Claim")
@PermitAll
@StyleSheet("css/codebook.css")
public class CodeSearchView extends VerticalLayout {

    private final CodeBookService books;
    final CodeSearchPanel searchPanel;
    final AlphabeticIndexBrowser indexBrowser;
    final ModifierTable modifiers;
    final CodeDetailPanel detail;
    final TabSheet tabs = new TabSheet();

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

        add(new H2("Code search"), new Paragraph(versionLine()), columns);
        searchPanel.focusSearch();
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
                }));
    }
}
