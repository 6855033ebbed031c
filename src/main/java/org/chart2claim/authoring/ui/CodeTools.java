package org.chart2claim.authoring.ui;

import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeInfo;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.search.CodeSearchService;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.ui.CodeCart;
import org.chart2claim.coding.ui.CodeNumberEntry;
import org.chart2claim.coding.ui.CodeSearchSlot;
import org.chart2claim.coding.ui.CodebookSearchSlot;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The workspace's coding tools for the editor and the student preview: the same code search panel (or entry by
 * code number when the search index is off) and the same cart with code titles and encoder warnings.
 */
@Component
public class CodeTools {

    private final AttemptService attempts;
    private final CodeLookup lookup;
    private final CodeSearchService search;
    private final CodeBookService books;

    public CodeTools(
            AttemptService attempts,
            ObjectProvider<CodeLookup> lookup,
            ObjectProvider<CodeSearchService> search,
            ObjectProvider<CodeBookService> books) {
        this.attempts = attempts;
        this.lookup = lookup.getIfAvailable();
        this.search = search.getIfAvailable();
        this.books = books.getIfAvailable();
    }

    /** A new search slot, as the workspace builds it. */
    public CodeSearchSlot searchSlot() {
        return search == null ? new CodeNumberEntry(lookup) : new CodebookSearchSlot(search, books);
    }

    /** A new cart showing each code's title. */
    public CodeCart cart() {
        return new CodeCart(
                attempts.encoderWarnings(),
                code -> title(CodeSystem.ICD10CM, code),
                code -> title(CodeFormat.procedureSystem(code), code));
    }

    private String title(CodeSystem system, String code) {
        return lookup == null
                ? ""
                : lookup.find(system, code).map(CodeInfo::title).orElse("not in the active code books");
    }

    /** Adds a picked code to the cart as the workspace does (a diagnosis, or a new claim line). */
    public static void add(CodeCart cart, CodeSearchSlot.Pick pick) {
        if (pick.system() == CodeSystem.ICD10CM) {
            cart.addDiagnosis(pick.code());
        } else {
            cart.addLine(pick.code());
        }
    }
}
