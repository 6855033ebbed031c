package org.chart2claim.codebook.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chart2claim.codebook.CodeBooks;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.Modifier;

/** The modifier table of the loaded sets (HCPCS Level II and CPT-style), filterable by code or words. */
public class ModifierTable extends VerticalLayout {

    /** A modifier with the code set it belongs to. */
    public record Row(String system, Modifier modifier) {}

    final TextField filter = new TextField("Filter modifiers");
    final Grid<Row> grid = new Grid<>();
    private final List<Row> rows = new ArrayList<>();

    public ModifierTable(CodeBooks books) {
        setPadding(false);
        addClassName("modifier-table");
        for (CodeSet set : books.sets()) {
            for (Modifier m : set.modifiers()) {
                rows.add(new Row(set.system().name(), m));
            }
        }
        filter.setPlaceholder("e.g. 25, bilateral, ABN, left");
        filter.setValueChangeMode(ValueChangeMode.EAGER);
        filter.setClearButtonVisible(true);
        filter.setWidthFull();
        filter.addValueChangeListener(e -> apply(e.getValue()));
        grid.addColumn(r -> r.modifier().code())
                .setHeader("Modifier")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.modifier().meaning()).setHeader("Meaning").setFlexGrow(2);
        grid.addColumn(r -> r.modifier().usage())
                .setHeader("When / what payers check")
                .setFlexGrow(2);
        grid.addColumn(r -> r.modifier().kind())
                .setHeader("Kind")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Row::system).setHeader("Set").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setHeight("26em");
        grid.setItems(rows);
        add(filter, grid);
    }

    void apply(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            grid.setItems(rows);
            return;
        }
        grid.setItems(rows.stream()
                .filter(r -> r.modifier().code().toLowerCase(Locale.ROOT).equals(wanted)
                        || (r.modifier().meaning() + " " + r.modifier().usage() + " "
                                        + r.modifier().kind())
                                .toLowerCase(Locale.ROOT)
                                .contains(wanted))
                .toList());
    }
}
