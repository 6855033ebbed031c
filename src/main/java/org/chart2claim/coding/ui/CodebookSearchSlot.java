package org.chart2claim.coding.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.function.Consumer;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.CodeDetail;
import org.chart2claim.codebook.search.CodeHit;
import org.chart2claim.codebook.search.CodeSearchService;
import org.chart2claim.codebook.ui.CodeSearchPanel;

/**
 * The codebook feature's full-text {@link CodeSearchPanel} in the workspace slot: highlighted note text
 * becomes its query; the highlighted result shows its instructional notes below the results; a chosen code
 * (Enter on the highlighted result, double click, or the Add button) goes to the cart.
 */
public class CodebookSearchSlot implements CodeSearchSlot {

    private final VerticalLayout layout = new VerticalLayout();
    private final CodeSearchPanel panel;
    private final CodeNotesCard notes;
    private CodeHit highlighted;
    private Consumer<Pick> listener = p -> {};

    public CodebookSearchSlot(CodeSearchService search, CodeBookService books) {
        panel = new CodeSearchPanel(search);
        notes = new CodeNotesCard(() -> {
            if (highlighted != null) {
                pick(highlighted);
            }
        });
        panel.addCodeChosenListener(e -> pick(e.getHit()));
        panel.addCodeHighlightedListener(e -> {
            highlighted = e.getHit().orElse(null);
            if (highlighted == null || books == null) {
                notes.clear();
                return;
            }
            books.book(highlighted.system())
                    .flatMap(book -> book.find(highlighted.code()).map(entry -> CodeDetail.of(book, entry)))
                    .ifPresentOrElse(notes::show, notes::clear);
        });
        Span hint = new Span("Select words in the note to search them. \u2193 moves into the results, Enter adds the "
                + "highlighted one, Esc comes back here; or tap a result and Add.");
        hint.addClassName("c2c-muted");
        layout.setPadding(false);
        layout.addClassName("c2c-search-slot");
        layout.add(new H3("Code search"), hint, panel, notes);
    }

    private void pick(CodeHit hit) {
        listener.accept(new Pick(hit.system(), hit.code()));
    }

    @Override
    public Component component() {
        return layout;
    }

    @Override
    public void search(String text) {
        panel.setQuery(text);
    }

    @Override
    public void onPick(Consumer<Pick> listener) {
        this.listener = listener;
    }

    CodeSearchPanel panel() {
        return panel;
    }

    CodeNotesCard notes() {
        return notes;
    }
}
