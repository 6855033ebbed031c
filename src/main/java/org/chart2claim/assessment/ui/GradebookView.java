package org.chart2claim.assessment.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chart2claim.account.Cohort;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.assessment.Gradebook;
import org.chart2claim.assessment.GradebookService;
import org.chart2claim.assessment.ItemAnalysis;
import org.chart2claim.assessment.QuestionDomain;

/**
 * The gradebook of a cohort: students × exams (best and last score, time used, marks for auto-submitted, closed,
 * extended, accommodated) and × scenarios practised (the score that counts); a student's report by domain; CSV
 * export; and the item analysis across the whole bank.
 */
@Menu(title = "Gradebook", order = 22, icon = "vaadin:table")
@Route("gradebook")
@PageTitle("Gradebook · Chart2Claim")
@RolesAllowed("INSTRUCTOR")
@StyleSheet("css/assessment.css")
public class GradebookView extends VerticalLayout {

    private final GradebookService gradebook;
    private final CurrentUser currentUser;
    final Select<Cohort> cohort = new Select<>();
    final Grid<Gradebook.Row> grid = new Grid<>();
    final Div report = new Div();
    final Div csvBox = new Div();
    final Grid<ItemAnalysis.QuestionStats> bank = new Grid<>();
    private Gradebook.Table table;

    public GradebookView(GradebookService gradebook, CurrentUser currentUser) {
        this.gradebook = gradebook;
        this.currentUser = currentUser;
        addClassName("page");
        add(new H2("Gradebook"));
        List<Cohort> cohorts = gradebook.cohortsOf(currentUser.requireUsername(), currentUser.roles());
        if (cohorts.isEmpty()) {
            add(new Paragraph("You teach no cohort yet: create one on the Cohorts page."));
            return;
        }
        cohort.setLabel("Cohort");
        cohort.setId("gradebook-cohort");
        cohort.setItems(cohorts);
        cohort.setItemLabelGenerator(Cohort::getName);
        cohort.addValueChangeListener(e -> show(e.getValue()));
        grid.setId("gradebook");
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(this::showReport, report::removeAll));
        report.setId("student-report");
        add(cohort, csvBox, grid, report);

        add(new H3("Item analysis across the bank"));
        bank.setId("bank-analysis");
        bank.addColumn(ItemAnalysis.QuestionStats::questionId)
                .setHeader("Question")
                .setAutoWidth(true);
        bank.addColumn(ItemAnalysis.QuestionStats::n).setHeader("N").setAutoWidth(true);
        bank.addColumn(s -> Math.round(s.difficulty() * 100) + "%")
                .setHeader("Correct")
                .setAutoWidth(true);
        bank.addColumn(s -> s.pointBiserial() == null ? "–" : String.format(Locale.ROOT, "%.2f", s.pointBiserial()))
                .setHeader("Point-biserial")
                .setAutoWidth(true);
        bank.addComponentColumn(s -> {
                    Span flag = new Span(s.negativeDiscrimination() ? "Review: negative discrimination" : "");
                    flag.addClassName("c2c-flag-negative");
                    return flag;
                })
                .setFlexGrow(1);
        bank.setAllRowsVisible(true);
        bank.setItems(gradebook
                .bankAnalysis(currentUser.requireUsername(), currentUser.roles())
                .questions());
        add(bank);
        cohort.setValue(cohorts.getFirst());
    }

    void show(Cohort c) {
        grid.removeAllColumns();
        report.removeAll();
        csvBox.removeAll();
        if (c == null) {
            return;
        }
        table = gradebook.cohort(c.getId(), currentUser.requireUsername(), currentUser.roles());
        grid.addColumn(Gradebook.Row::username)
                .setHeader("Student")
                .setAutoWidth(true)
                .setFrozen(true);
        for (Gradebook.Column col : table.columns()) {
            if (col.kind().equals("exam")) {
                grid.addColumn(r -> r.exams().get(col.id()).text())
                        .setHeader(col.title())
                        .setAutoWidth(true);
            } else {
                grid.addColumn(r -> {
                            Integer s = r.scenarios().get(col.id());
                            return s == null ? "" : s.toString();
                        })
                        .setHeader(col.title())
                        .setAutoWidth(true);
            }
        }
        grid.setItems(table.rows());
        byte[] bytes = Gradebook.csv(table).getBytes(StandardCharsets.UTF_8);
        Anchor csv = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(bytes),
                        "gradebook-" + c.getName().replaceAll("[^A-Za-z0-9-]", "_") + ".csv",
                        "text/csv",
                        bytes.length)),
                "Download CSV");
        csv.setId("gradebook-csv");
        csv.getElement().setAttribute("download", true);
        csvBox.add(csv);
    }

    private void showReport(Gradebook.Row row) {
        report.removeAll();
        report.add(new H3(row.username() + ": exam items by domain"));
        Map<String, Integer> domains =
                gradebook.domainReport(row.username(), currentUser.requireUsername(), currentUser.roles());
        if (domains.isEmpty()) {
            report.add(new Paragraph("No submitted exams yet."));
        }
        domains.forEach((d, p) -> report.add(new Div(
                new Span(QuestionDomain.byId(d).map(QuestionDomain::label).orElse("Coding cases") + ": " + p + "%"))));
    }

    /** For tests: the table on screen. */
    Gradebook.Table table() {
        return table;
    }
}
