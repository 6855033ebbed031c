package org.chart2claim.codebook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.chart2claim.codebook.BillingRules;
import org.chart2claim.codebook.CodeBook;
import org.chart2claim.codebook.CodeDetail;
import org.chart2claim.codebook.SeventhCharacter;

/**
 * The Tabular List view of one code: breadcrumbs (chapter → block → category → ... → code), title and
 * badges, every instructional note of the code and those inherited from above (marked with where they
 * are printed), the 7th-character table in force, payment data for procedures, children and siblings.
 * Codes in breadcrumbs and lists are buttons that open that code.
 */
public class CodeDetailPanel extends VerticalLayout {

    private final Consumer<String> openCode;
    final Div breadcrumbs = new Div();
    final H3 heading = new H3();
    final Div notes = new Div();
    final Div seventh = new Div();
    final Div related = new Div();
    private CodeDetail shown;

    /** @param openCode called with a code the user clicks (to show that one instead) */
    public CodeDetailPanel(Consumer<String> openCode) {
        this.openCode = openCode;
        addClassName("code-detail-panel");
        setPadding(false);
        add(new Paragraph("Choose a result to see the code as the Tabular List prints it."));
    }

    /** The code shown, or null. */
    public CodeDetail getShown() {
        return shown;
    }

    public void show(CodeDetail detail) {
        this.shown = detail;
        removeAll();
        breadcrumbs.removeAll();
        breadcrumbs.addClassName("code-breadcrumbs");
        List<CodeBook.Crumb> crumbs = detail.breadcrumbs();
        for (int i = 0; i < crumbs.size(); i++) {
            CodeBook.Crumb crumb = crumbs.get(i);
            if (i > 0) {
                breadcrumbs.add(new Span(" › "));
            }
            boolean isCode = !crumb.level().equals("chapter") && !crumb.level().equals("block");
            if (isCode && i < crumbs.size() - 1) {
                breadcrumbs.add(codeButton(crumb.id(), crumb.id() + " " + crumb.title()));
            } else {
                Span text = new Span((crumb.level().equals("chapter") ? "Chapter " + crumb.id() + ": " : "")
                        + (crumb.level().equals("block") ? crumb.id() + " " : "")
                        + crumb.title());
                text.addClassName("crumb-" + crumb.level());
                breadcrumbs.add(text);
            }
        }
        heading.setText(detail.code() + " " + detail.title());
        Span billable = new Span(detail.billable() ? "billable" : "header — not reportable, choose a child code");
        billable.getElement().getThemeList().add(detail.billable() ? "badge success" : "badge contrast");
        Span version = new Span(detail.system() + " " + detail.version());
        version.getElement().getThemeList().add("badge");
        add(breadcrumbs, heading, new Div(billable, new Span(" "), version));

        notes.removeAll();
        Map<String, UnorderedList> byKind = new LinkedHashMap<>();
        for (CodeDetail.Note note : detail.notes()) {
            UnorderedList list = byKind.computeIfAbsent(note.label(), k -> new UnorderedList());
            ListItem item = new ListItem(note.text());
            if (note.inherited()) {
                Span from = new Span(" (from " + note.printedAtLevel() + " " + note.printedAt() + ")");
                from.addClassName("note-inherited");
                item.add(from);
            }
            list.add(item);
        }
        if (!byKind.isEmpty()) {
            notes.add(new H4("Instructional notes"));
            byKind.forEach((label, list) -> {
                Div group = new Div(new Span(label), list);
                group.addClassName("note-group");
                notes.add(group);
            });
            add(notes);
        }

        seventh.removeAll();
        if (detail.seventh() != null) {
            seventh.add(new H4("7th characters"));
            if (!detail.seventh().note().isEmpty()) {
                seventh.add(new Paragraph(detail.seventh().note()));
            }
            Grid<SeventhCharacter> table = new Grid<>();
            table.addColumn(v -> String.valueOf(v.character()))
                    .setHeader("7th")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            table.addColumn(SeventhCharacter::meaning).setHeader("Meaning");
            table.setItems(detail.seventh().values());
            table.setAllRowsVisible(true);
            table.addThemeVariants(GridVariant.LUMO_COMPACT);
            seventh.add(
                    table,
                    new Paragraph("Codes shorter than 6 characters take the placeholder X before the "
                            + "7th character (e.g. S02.2 + A = S02.2XXA)."));
            add(seventh);
        }

        if (detail.rules() != null) {
            BillingRules r = detail.rules();
            UnorderedList rules = new UnorderedList(
                    new ListItem("Global period: " + (r.globalPeriod().isEmpty() ? "n/a" : r.globalPeriod())),
                    new ListItem("Modifier 26/TC split: " + (r.professionalTechnicalSplit() ? "yes" : "no")
                            + " (indicator " + r.pcTcIndicator() + ")"),
                    new ListItem("Modifier 50: " + (r.bilateralModifierAllowed() ? "allowed" : "not allowed")
                            + " (bilateral indicator " + r.bilateralIndicator() + ")"),
                    new ListItem("Add-on code: " + (r.addOn() ? "yes" : "no")));
            if (!r.dosageUnit().isEmpty()) {
                rules.add(new ListItem("Billing unit: " + r.dosageUnit()));
            }
            add(new H4("Payment data"), rules);
        }

        related.removeAll();
        if (!detail.children().isEmpty()) {
            related.add(new H4("More specific codes"), briefList(detail.children()));
        }
        if (!detail.siblings().isEmpty()) {
            related.add(new H4("Siblings"), briefList(detail.siblings()));
        }
        add(related);
    }

    private UnorderedList briefList(List<CodeDetail.Brief> briefs) {
        UnorderedList list = new UnorderedList();
        list.addClassName("code-brief-list");
        int shownCount = 0;
        for (CodeDetail.Brief brief : briefs) {
            if (shownCount++ == 60) {
                list.add(new ListItem("… " + (briefs.size() - 60) + " more"));
                break;
            }
            ListItem item = new ListItem(
                    codeButton(brief.code(), brief.code()),
                    new Span(" " + brief.title() + (brief.billable() ? "" : " (header)")));
            list.add(item);
        }
        return list;
    }

    private Button codeButton(String code, String text) {
        Button button = new Button(text, e -> openCode.accept(code));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return button;
    }
}
