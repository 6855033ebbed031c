package org.chart2claim.coding.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.function.Consumer;
import org.chart2claim.codebook.search.CodeSearchService;
import org.chart2claim.codebook.ui.CodeSearchPanel;

/**
 * The codebook feature's full-text {@link CodeSearchPanel} in the workspace slot: highlighted note text
 * becomes its query; a chosen code (Enter or double click) goes to the cart.
 */
public class CodebookSearchSlot implements CodeSearchSlot {

    private final VerticalLayout layout = new VerticalLayout();
    private final CodeSearchPanel panel;
    private Consumer<Pick> listener = p -> {};

    public CodebookSearchSlot(CodeSearchService search) {
        panel = new CodeSearchPanel(search);
        panel.addCodeChosenListener(
                e -> listener.accept(new Pick(e.getHit().system(), e.getHit().code())));
        Span hint = new Span(
                "Select words in the note to search them. Enter or double-click a result to add it to the cart.");
        hint.addClassName("c2c-muted");
        layout.setPadding(false);
        layout.add(new H3("Code search"), hint, panel);
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
}
