package org.chart2claim.coding.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chart2claim.codebook.CodeDetail;
import org.chart2claim.codebook.SeventhCharacter;

/**
 * The instructional notes of the highlighted search result, where the coding decision is made: Excludes1/2,
 * code first, use additional code, code also (own and inherited, marked with where they are printed) and the
 * 7th-character table in force, with an "Add" button (the touch-screen way to take the code).
 */
public class CodeNotesCard extends Div {

    /** Note kinds that change what else is reported (inclusion terms only help find the code). */
    static final Set<String> DECISION_NOTES =
            Set.of("includes", "excludes1", "excludes2", "codeFirst", "useAdditionalCode", "codeAlso");

    private final Button add = new Button("Add to my coding", VaadinIcon.PLUS.create());
    private CodeDetail shown;

    public CodeNotesCard(Runnable onAdd) {
        addClassName("c2c-notes-card");
        setId("highlighted-notes");
        add.setId("add-highlighted");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> onAdd.run());
        clear();
    }

    /** Shows nothing but a hint (no result highlighted). */
    public void clear() {
        shown = null;
        removeAll();
        Span hint = new Span("Highlight a result to see its instructional notes here.");
        hint.addClassName("c2c-muted");
        add(hint);
    }

    /** The code whose notes are shown, or null. */
    public CodeDetail shown() {
        return shown;
    }

    public void show(CodeDetail detail) {
        shown = detail;
        removeAll();
        Span code = new Span(detail.code());
        code.addClassName("c2c-code");
        Span title = new Span(detail.title());
        Span badge = new Span(detail.billable() ? "billable" : "header: choose a more specific code");
        badge.getElement().getThemeList().add(detail.billable() ? "badge success small" : "badge contrast small");
        Div head = new Div(code, title, badge);
        head.addClassName("c2c-notes-head");
        add.setText("Add " + detail.code() + " to my coding");
        add(head);

        Map<String, UnorderedList> byLabel = new LinkedHashMap<>();
        for (CodeDetail.Note note : detail.notes()) {
            if (!DECISION_NOTES.contains(note.kind())) {
                continue;
            }
            ListItem item = new ListItem(note.text());
            if (note.inherited()) {
                Span from = new Span(" (" + note.printedAtLevel() + " " + note.printedAt() + ")");
                from.addClassName("c2c-muted");
                item.add(from);
            }
            byLabel.computeIfAbsent(note.label(), k -> new UnorderedList()).add(item);
        }
        if (byLabel.isEmpty()) {
            Span none = new Span("No Excludes, code-first, use-additional or code-also notes apply to this code.");
            none.addClassName("c2c-muted");
            add(none);
        }
        byLabel.forEach((label, list) -> {
            Div group = new Div(new Span(label), list);
            group.addClassName("c2c-note-group");
            group.addClassName(
                    "c2c-note-" + label.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            add(group);
        });
        if (detail.seventh() != null) {
            add(new H4("7th character"));
            if (!detail.seventh().note().isEmpty()) {
                Span note = new Span(detail.seventh().note());
                note.addClassName("c2c-muted");
                add(note);
            }
            UnorderedList table = new UnorderedList();
            table.addClassName("c2c-seventh");
            List<SeventhCharacter> values = detail.seventh().values();
            for (SeventhCharacter v : values) {
                Span ch = new Span(String.valueOf(v.character()));
                ch.addClassName("c2c-code");
                table.add(new ListItem(ch, new Span(" " + v.meaning())));
            }
            add(table);
        }
        add(add);
    }

    Button addButton() {
        return add;
    }
}
