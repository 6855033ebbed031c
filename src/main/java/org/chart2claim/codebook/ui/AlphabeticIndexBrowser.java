package org.chart2claim.codebook.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.chart2claim.codebook.CodeBook;
import org.chart2claim.codebook.IndexTerm;

/**
 * Alphabetic Index browser: look a main term up, open its subterms, and follow a "see" / "see also"
 * reference or open the code a term leads to (verify it in the Tabular detail, as coders do).
 * Keyboard: type, Down into the tree, arrows to move and open, Enter to follow.
 */
public class AlphabeticIndexBrowser extends VerticalLayout {

    static final int MAX_MAIN_TERMS = 40;

    /** A tree row: identity-based, because the same term text (e.g. "bilateral") recurs under many parents. */
    public static final class Node {
        private final IndexTerm term;

        Node(IndexTerm term) {
            this.term = term;
        }

        public IndexTerm term() {
            return term;
        }

        @Override
        public String toString() {
            return term.printed();
        }
    }

    private final CodeBook book;
    private final Consumer<String> openCode;
    final TextField lookup = new TextField("Look up a main term");
    final TreeGrid<Node> tree = new TreeGrid<>();
    final Paragraph hint = new Paragraph();

    public AlphabeticIndexBrowser(CodeBook book, Consumer<String> openCode) {
        this.book = book;
        this.openCode = openCode;
        addClassName("alphabetic-index");
        setPadding(false);
        lookup.setPlaceholder("e.g. Diabetes, Fracture, Pain");
        lookup.setValueChangeMode(ValueChangeMode.TIMEOUT);
        lookup.setValueChangeTimeout(200);
        lookup.setClearButtonVisible(true);
        lookup.addValueChangeListener(e -> show(e.getValue()));
        lookup.setWidthFull();

        tree.addHierarchyColumn(n -> n.term().printed()).setHeader("Term").setFlexGrow(1);
        tree.addColumn(n -> printedCode(n.term()))
                .setHeader("Code")
                .setAutoWidth(true)
                .setFlexGrow(0);
        tree.addColumn(n -> crossReference(n.term()))
                .setHeader("Cross reference")
                .setAutoWidth(true);
        tree.setHeight("22em");
        // a double click sends two clicks; the first may have replaced the rows (a "see" jump), so the
        // second names a row that is gone (null item): only single clicks on a current row count
        tree.addItemClickListener(e -> {
            if (e.getItem() != null && e.getClickCount() <= 1) {
                follow(e.getItem().term());
            }
        });
        Shortcuts.addShortcutListener(
                        tree,
                        () -> tree.asSingleSelect().getOptionalValue().ifPresent(n -> follow(n.term())),
                        Key.ENTER)
                .listenOn(tree);
        tree.addCellFocusListener(e -> e.getItem().ifPresent(tree::select));
        Shortcuts.addShortcutListener(lookup, () -> tree.focus(), Key.ARROW_DOWN)
                .listenOn(lookup);

        hint.setText(
                book.indexTerms().isEmpty()
                        ? "This code set has no Alphabetic Index."
                        : book.indexTerms().size() + " main terms. Type the condition (the noun), not the body site.");
        add(lookup, hint, tree);
    }

    /** The code as the Index prints it: a header gets a trailing dash ("E11.4-": more characters needed). */
    String printedCode(IndexTerm t) {
        if (t.code().isEmpty()) {
            return "";
        }
        boolean header = book.find(t.code()).map(e -> !e.billable()).orElse(false);
        return header ? t.code() + "-" : t.code();
    }

    private static String crossReference(IndexTerm t) {
        if (!t.see().isEmpty()) {
            return "see " + t.see();
        }
        return t.seeAlso().isEmpty() ? "" : "see also " + t.seeAlso();
    }

    /** Shows the main terms starting with (or, if none, containing) the text. */
    public void show(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        TreeData<Node> data = new TreeData<>();
        if (!wanted.isEmpty()) {
            List<IndexTerm> matches = book.indexTerms().stream()
                    .filter(t -> t.term().toLowerCase(Locale.ROOT).startsWith(wanted))
                    .limit(MAX_MAIN_TERMS)
                    .toList();
            if (matches.isEmpty()) {
                matches = book.indexTerms().stream()
                        .filter(t -> t.term().toLowerCase(Locale.ROOT).contains(wanted))
                        .limit(MAX_MAIN_TERMS)
                        .toList();
            }
            for (IndexTerm main : matches) {
                Node node = new Node(main);
                data.addItem(null, node);
                addSubterms(data, node);
            }
        }
        tree.setDataProvider(new TreeDataProvider<>(data));
        if (data.getRootItems().size() == 1) {
            tree.expand(data.getRootItems());
        }
    }

    private static void addSubterms(TreeData<Node> data, Node parent) {
        for (IndexTerm sub : parent.term().subterms()) {
            Node node = new Node(sub);
            data.addItem(parent, node);
            addSubterms(data, node);
        }
    }

    /**
     * Opens the term's code, or opens the term its "see" (else "see also") reference names: "see Loss,
     * ossicles, ear" shows the main term Loss, opens its subterm ossicles and selects ear (and its code).
     */
    void follow(IndexTerm term) {
        if (term == null) {
            return;
        }
        if (!term.code().isEmpty()) {
            openCode.accept(term.code());
            return;
        }
        String target = !term.see().isEmpty() ? term.see() : term.seeAlso();
        if (!target.isEmpty()) {
            book.mainTerm(target)
                    .ifPresentOrElse(
                            main -> openReference(main, target),
                            () -> hint.setText("\"" + target + "\" is not in this curated index; try the search."));
        }
    }

    /** Shows the main term, opens the path the reference names below it and selects its last term. */
    private void openReference(IndexTerm main, String reference) {
        lookup.setValue(main.term());
        show(main.term());
        TreeData<Node> data = tree.getTreeData();
        Node at = data.getRootItems().stream()
                .filter(n -> n.term() == main)
                .findFirst()
                .orElse(null);
        if (at == null) {
            return;
        }
        String rest = reference.strip();
        rest = rest.regionMatches(true, 0, main.term(), 0, main.term().length())
                ? rest.substring(main.term().length())
                : rest.contains(",") ? rest.substring(rest.indexOf(',')) : "";
        List<Node> path = new java.util.ArrayList<>(List.of(at));
        for (String part : rest.split(",")) {
            String wanted = part.replaceAll("\\(.*?\\)", "").strip().toLowerCase(Locale.ROOT);
            if (wanted.isEmpty()) {
                continue;
            }
            Node child = data.getChildren(at).stream()
                    .filter(n -> n.term().term().toLowerCase(Locale.ROOT).equals(wanted))
                    .findFirst()
                    .or(() -> data.getChildren(path.getLast()).stream()
                            .filter(n ->
                                    n.term().term().toLowerCase(Locale.ROOT).startsWith(wanted))
                            .findFirst())
                    .orElse(null);
            if (child == null) {
                break;
            }
            at = child;
            path.add(child);
        }
        tree.expand(path);
        tree.select(at);
        hint.setText("See reference: " + reference);
        if (!at.term().code().isEmpty()) {
            openCode.accept(at.term().code());
        }
    }

    /** The selected row, if any (the term a "see" reference opened). */
    java.util.Optional<IndexTerm> selectedTerm() {
        return tree.asSingleSelect().getOptionalValue().map(Node::term);
    }
}
