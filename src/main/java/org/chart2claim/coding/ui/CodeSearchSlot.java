package org.chart2claim.coding.ui;

import com.vaadin.flow.component.Component;
import java.util.function.Consumer;
import org.chart2claim.codebook.CodeSystem;

/**
 * The right-hand side of the workspace: a code search that can be fed a query (from text highlighted in the
 * note) and that hands picked codes to the cart: the codebook feature's full-text search
 * ({@link CodebookSearchSlot}) and entry by code number ({@link CodeNumberEntry}) for coders who know the code.
 */
public interface CodeSearchSlot {

    /** A code the learner picked, and the code system it belongs to. */
    record Pick(CodeSystem system, String code) {}

    Component component();

    /** Runs (or pre-fills) a search for text highlighted in the note. */
    void search(String text);

    /** Where picked codes go. */
    void onPick(Consumer<Pick> listener);
}
