package org.chart2claim.coding.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.ProgressCharts;
import org.chart2claim.config.DisplayDates;
import org.springframework.beans.factory.ObjectProvider;

/** "My results": progress charts (score over time, by specialty) and the attempt history. */
@Menu(title = "My results", order = 13, icon = "vaadin:chart")
@Route("results")
@PageTitle("My results · Chart2Claim")
@RolesAllowed("STUDENT")
@StyleSheet("css/coding.css")
public class ResultsView extends VerticalLayout {

    /** The label of an attempt made after an earlier one of the same scenario showed the key. */
    public static final String AFTER_KEY = "after seeing the key";

    public ResultsView(AttemptService attempts, CurrentUser currentUser, ObjectProvider<ResultsSection> sections) {
        addClassName("c2c-results");
        List<AttemptService.AttemptSummary> history = attempts.history(currentUser.requireUsername());
        add(new H2("My results"));
        if (history.isEmpty()) {
            add(new Paragraph("No submitted attempts yet. Pick a scenario under Practice and submit your codes."));
        } else {
            addAttempts(history);
        }
        sections.orderedStream()
                .forEach(s -> s.forUser(currentUser.requireUsername()).ifPresent(this::add));
    }

    private void addAttempts(List<AttemptService.AttemptSummary> history) {
        // Only first attempts count: a repeat was made after the feedback showed the key.
        List<AttemptService.AttemptSummary> counted =
                history.stream().filter(a -> !a.afterKey()).toList();
        double average = counted.stream()
                .mapToInt(AttemptService.AttemptSummary::score)
                .average()
                .orElse(0);
        add(new Paragraph(counted.size() + " counted attempts · average score " + Math.round(average)
                + (counted.size() < history.size()
                        ? " · " + (history.size() - counted.size()) + " more after seeing the key (not counted)"
                        : "")));
        Div overTime = chart("Score over time", ProgressCharts.scoreOverTime(counted, 560, 300));
        overTime.setId("chart-over-time");
        Div bySpecialty = chart("Average by specialty", ProgressCharts.averageBySpecialty(counted, 560, 300));
        bySpecialty.setId("chart-by-specialty");
        FlexLayout charts = new FlexLayout(overTime, bySpecialty);
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.addClassName("c2c-charts");
        add(charts);

        add(new H3("Attempts"));
        Grid<AttemptService.AttemptSummary> grid = new Grid<>();
        grid.setId("attempt-history");
        grid.addColumn(a -> DisplayDates.dateTime(a.submittedAt()))
                .setHeader("Submitted")
                .setAutoWidth(true)
                .setComparator(AttemptService.AttemptSummary::submittedAt);
        grid.addColumn(AttemptService.AttemptSummary::title)
                .setHeader("Scenario")
                .setFlexGrow(2);
        grid.addColumn(AttemptService.AttemptSummary::specialty)
                .setHeader("Specialty")
                .setFlexGrow(1);
        grid.addComponentColumn(a -> PracticeView.scoreBadge(a.score()))
                .setHeader("Score")
                .setAutoWidth(true);
        grid.addColumn(a -> a.afterKey() ? AFTER_KEY : "counts")
                .setHeader("Counts")
                .setAutoWidth(true);
        grid.setItems(history.reversed());
        grid.addItemClickListener(e -> getUI().ifPresent(
                        ui -> ui.navigate("results/attempt/" + e.getItem().id())));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private static Div chart(String title, String svg) {
        Div box = new Div(new H3(title), new Html(svg));
        box.addClassName("c2c-chart");
        return box;
    }
}
