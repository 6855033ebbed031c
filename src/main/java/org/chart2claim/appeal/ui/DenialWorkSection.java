package org.chart2claim.appeal.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.chart2claim.appeal.AppealService;
import org.chart2claim.appeal.AppealStore.ItemRow;
import org.chart2claim.coding.ui.ResultsSection;
import org.chart2claim.config.DisplayDates;

/** "Denial work" on My results: every scored work item, its score over time and the feedback. */
@org.springframework.stereotype.Component
public class DenialWorkSection implements ResultsSection {
    private final AppealService appeals;

    public DenialWorkSection(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> forUser(String username) {
        List<ItemRow> scored = appeals.allItems(username).stream()
                .filter(r -> r.score() != null && r.actionOn() != null)
                .sorted(Comparator.comparing(ItemRow::actionOn).thenComparing(ItemRow::id))
                .toList();
        Div section = new Div(new H3("Denial work"));
        section.setId("denial-work");
        section.setWidthFull();
        if (scored.isEmpty()) {
            section.add(new Paragraph("No denial worked yet: open Appeals, work a denial or start a drill."));
            return Optional.of(section);
        }
        double average = scored.stream().mapToInt(ItemRow::score).average().orElse(0);
        section.add(new Paragraph(scored.size() + " work items scored · average " + Math.round(average)));
        section.add(new Html(chart(scored.stream().map(ItemRow::score).toList(), 560, 160)));
        Grid<ItemRow> grid = new Grid<>();
        grid.addColumn(r -> DisplayDates.date(r.actionOn())).setHeader("Worked").setAutoWidth(true);
        grid.addColumn(r -> r.claimNumber() + " / " + r.line())
                .setHeader("Claim / line")
                .setAutoWidth(true);
        grid.addColumn(ItemRow::label).setHeader("Denial").setAutoWidth(true);
        grid.addColumn(r -> r.action() == null ? "" : r.action().label())
                .setHeader("Action")
                .setAutoWidth(true);
        grid.addColumn(r -> r.status().label()).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(ItemRow::score).setHeader("Score").setAutoWidth(true);
        grid.addColumn(ItemRow::feedback).setHeader("Feedback").setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setId("denial-work-grid");
        grid.setItems(scored.reversed());
        section.add(grid);
        return Optional.of(section);
    }

    /** Scores 0–100 in the order they were earned, as a small SVG line with points. */
    static String chart(List<Integer> scores, int width, int height) {
        int pad = 24;
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < scores.size(); i++) {
            double x = pad + (scores.size() == 1 ? 0 : (width - 2.0 * pad) * i / (scores.size() - 1));
            double y = height - pad - (height - 2.0 * pad) * scores.get(i) / 100.0;
            points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.append(String.format(java.util.Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/>", x, y));
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Denial work scores over time\""
                + " viewBox=\"0 0 " + width + " " + height + "\" style=\"max-width:100%;height:auto\">"
                + "<line x1=\"" + pad + "\" y1=\"" + (height - pad) + "\" x2=\"" + (width - pad) + "\" y2=\""
                + (height - pad) + "\" stroke=\"#bbb\"/>"
                + "<text x=\"2\" y=\"" + (pad + 4) + "\" font-size=\"10\">100</text>"
                + "<text x=\"8\" y=\"" + (height - pad + 4) + "\" font-size=\"10\">0</text>"
                + "<polyline fill=\"none\" stroke=\"#1676f3\" stroke-width=\"2\" points=\""
                + points.toString().trim()
                + "\"/><g fill=\"#1676f3\">" + dots + "</g></svg>";
    }
}
