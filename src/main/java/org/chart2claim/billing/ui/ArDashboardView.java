package org.chart2claim.billing.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.ar.AgingBucket;
import org.chart2claim.billing.ar.ArCalculator;
import org.chart2claim.billing.ar.ArCharts;
import org.chart2claim.billing.ar.ArReport;
import org.chart2claim.billing.ar.ArService;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.config.ui.NarrowColumns;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The A/R dashboard of one ledger: the KPIs with their definitions, aging by payer and patient, first-pass
 * acceptance against the 99% benchmark, the denials and what they cost, and a CSV export. A student sees their own
 * ledgers (with the practice clock) here; instructors open their cohorts' ledgers in {@link CohortArView}, which
 * shows the same dashboard.
 */
@Menu(title = "A/R dashboard", order = 11.8, icon = "vaadin:chart-grid")
@Route("billing/ar")
@PageTitle("A/R dashboard · Chart2Claim")
@RolesAllowed("STUDENT")
@StyleSheet("css/billing.css")
public class ArDashboardView extends VerticalLayout {
    /** Definitions shown next to each number (the formulas of {@link ArCalculator}). */
    static final Map<String, String> DEFINITIONS = definitions();

    private final ArService ar;
    private final String viewer;
    private final CurrentUser currentUser;
    public final Select<String> student = new Select<>();
    public final Select<String> ledger = new Select<>();
    public final Div content = new Div();
    public final Map<String, Span> kpiValues = new LinkedHashMap<>();
    public ArReport shown;
    private LedgerClockBar clockBar;

    // the constructor Spring uses (the route is also a bean definition in the ahead-of-time build)
    @Autowired
    public ArDashboardView(ArService ar, LedgerClockService clock, CurrentUser currentUser) {
        this(ar, clock, currentUser, false);
    }

    /** {@code cohorts}: the instructor's form (pick a student of their cohorts, then a ledger), without the clock. */
    protected ArDashboardView(ArService ar, LedgerClockService clock, CurrentUser currentUser, boolean cohorts) {
        this.ar = ar;
        this.viewer = currentUser.requireUsername();
        this.currentUser = currentUser;
        addClassName("billing-view");
        add(new H2(cohorts ? "Cohort A/R" : "A/R dashboard"));
        if (cohorts) {
            student.setLabel("Student");
            student.setItems(ar.studentsOf(viewer));
            student.setEmptySelectionAllowed(false);
            ledger.setLabel("Ledger");
            student.addValueChangeListener(e -> {
                ledger.setItems(e.getValue() == null ? List.of() : ar.ledgers(e.getValue()));
                content.removeAll();
            });
            ledger.addValueChangeListener(e -> show(student.getValue(), e.getValue()));
            add(
                    new Paragraph("Pick a student of your cohorts and one of their ledgers."),
                    wrapping(new HorizontalLayout(student, ledger)));
        } else {
            clockBar = new LedgerClockBar(clock, viewer);
            clockBar.addLedgerChangeListener(l -> show(viewer, l));
            clockBar.addAdvanceListener(a -> show(viewer, clockBar.selectedLedger()));
            add(clockBar);
        }
        add(content);
        if (clockBar != null) {
            show(viewer, clockBar.selectedLedger());
        }
    }

    /** Shows {@code owner}'s ledger, if the viewer may see it. */
    public void show(String owner, String ledgerName) {
        content.removeAll();
        kpiValues.clear();
        shown = null;
        if (owner == null || ledgerName == null) {
            content.add(new Paragraph("No ledger yet: submit a claim, and its remittance is posted here."));
            return;
        }
        ArReport report =
                ar.reportAs(viewer, currentUser.roles(), owner, ledgerName).orElse(null);
        if (report == null) {
            content.add(new Paragraph("There is no ledger '" + ledgerName + "' you may see."));
            return;
        }
        shown = report;
        render(report);
    }

    private void render(ArReport r) {
        content.add(new Paragraph("Ledger " + r.ledger() + " on " + DisplayDates.date(r.today()) + " · "
                + r.counts().originals() + " original claims, " + r.counts().adjudicated() + " adjudicated, "
                + r.counts().rejected() + " rejected up front."));
        Div kpis = new Div();
        kpis.addClassName("billing-kpis");
        kpis.add(kpi("open", "Total A/R", money(r.open())));
        kpis.add(kpi("daysInAR", "Days in A/R", number(r.daysInAR(), "")));
        Div firstPass = kpi("firstPassRate", "First-pass acceptance", number(r.firstPassRate(), "%"));
        if (r.firstPassRate() != null && r.firstPassRate().compareTo(ArReport.FIRST_PASS_BENCHMARK) < 0) {
            firstPass.addClassName("below-benchmark");
        }
        kpis.add(firstPass);
        kpis.add(kpi("denialRate", "Denial rate", number(r.denialRate(), "%")));
        kpis.add(kpi("netCollectionRate", "Net collection rate", number(r.netCollectionRate(), "%")));
        kpis.add(kpi("averageDaysToPay", "Average days to pay", number(r.averageDaysToPay(), "")));
        kpis.add(kpi("billed", "Gross charges", money(r.billed())));
        kpis.add(kpi("paid", "Payments", money(r.paid())));
        kpis.add(kpi("adjusted", "Write-offs", money(r.adjusted())));
        content.add(kpis);

        Div charts = new Div();
        charts.addClassName("billing-charts");
        charts.add(chart("Aging (open balance by days since service)", ArCharts.aging(r, 520, 300), "chart-aging"));
        charts.add(chart(
                "First-pass acceptance by month (benchmark 99%)", ArCharts.firstPass(r, 520, 300), "chart-first-pass"));
        if (!r.deniedByCarc().isEmpty()) {
            charts.add(chart("Denied dollars by reason", ArCharts.denials(r, 520, 300), "chart-denials"));
        }
        content.add(charts);

        content.add(new H3("Aging by payer (incl. denial worklist)"), agingGrid(r.byPayer(), "Payer"));
        content.add(new H3("Aging by patient"), agingGrid(r.byPatient(), "Patient"));
        content.add(new H3("Top denial reasons and what they cost"));
        if (r.topDenials().isEmpty()) {
            content.add(new Paragraph("No denials in this ledger."));
        } else {
            Grid<ArReport.DenialReason> denials = new Grid<>();
            denials.setId("top-denials");
            denials.addColumn(ArReport.DenialReason::reason).setHeader("Reason").setAutoWidth(true);
            var example = denials.addColumn(ArReport.DenialReason::explanation)
                    .setHeader("Example")
                    .setFlexGrow(3);
            denials.addColumn(ArReport.DenialReason::lines).setHeader("Lines").setAutoWidth(true);
            denials.addColumn(d -> money(d.amount())).setHeader("Denied $").setAutoWidth(true);
            NarrowColumns.hideWhenNarrow(denials, List.of(example));
            denials.setItems(r.topDenials());
            denials.setAllRowsVisible(true);
            Grid<ArReport.DenialReason> byEdit = new Grid<>();
            byEdit.setId("denials-by-edit");
            byEdit.addColumn(ArReport.DenialReason::reason)
                    .setHeader("Payer edit")
                    .setAutoWidth(true);
            byEdit.addColumn(ArReport.DenialReason::lines).setHeader("Lines").setAutoWidth(true);
            byEdit.addColumn(d -> money(d.amount())).setHeader("Denied $").setAutoWidth(true);
            byEdit.setItems(r.deniedByEdit());
            byEdit.setAllRowsVisible(true);
            content.add(denials, new H3("Denials by payer edit"), byEdit);
        }
        byte[] csv = ArService.csv(r).getBytes(StandardCharsets.UTF_8);
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(csv),
                        "ar-" + r.ledger().replaceAll("[^A-Za-z0-9-]", "_") + ".csv",
                        "text/csv",
                        csv.length)),
                "Export CSV");
        download.getElement().setAttribute("download", true);
        download.setId("ar-csv");
        content.add(download);
    }

    private Div kpi(String key, String title, String value) {
        Span v = new Span(value);
        v.addClassName("kpi-value");
        kpiValues.put(key, v);
        Span t = new Span(title);
        t.addClassName("kpi-title");
        Span d = new Span(DEFINITIONS.getOrDefault(key, ""));
        d.addClassName("kpi-definition");
        Div box = new Div(t, v, d);
        box.addClassName("billing-kpi");
        return box;
    }

    private static Div chart(String title, String svg, String id) {
        Div box = new Div(new H3(title), new Html(svg));
        box.addClassName("billing-chart");
        box.setId(id);
        return box;
    }

    private static HorizontalLayout wrapping(HorizontalLayout row) {
        row.setWrap(true);
        return row;
    }

    private Grid<ArReport.AgingRow> agingGrid(List<ArReport.AgingRow> rows, String who) {
        Grid<ArReport.AgingRow> grid = new Grid<>();
        grid.addColumn(ArReport.AgingRow::name)
                .setHeader(who)
                .setAutoWidth(true)
                .setFlexGrow(2);
        List<Grid.Column<ArReport.AgingRow>> buckets = new java.util.ArrayList<>();
        for (AgingBucket b : AgingBucket.values()) {
            buckets.add(grid.addColumn(a -> money(a.buckets().get(b.label()))).setHeader(b.label()));
        }
        // on a phone the aging chart above shows the buckets; the grid keeps who owes and the total
        NarrowColumns.hideWhenNarrow(grid, buckets);
        grid.addColumn(a -> money(a.total())).setHeader("Total");
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }

    static String money(BigDecimal v) {
        return v == null ? "—" : "$" + String.format(java.util.Locale.US, "%,.2f", v);
    }

    private static String number(BigDecimal v, String unit) {
        return v == null ? "n/a" : v.toPlainString() + unit;
    }

    private static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("open", "What payers, the denial worklist and patients still owe (billed − paid − written off).");
        d.put(
                "daysInAR",
                "Total A/R ÷ average daily gross charges of the last " + ArCalculator.DAYS_IN_AR_PERIOD
                        + " days (HFMA). Lower is better; under 40 is healthy.");
        d.put(
                "firstPassRate",
                "Original claims paid in full on the first answer ÷ original claims submitted (rejections count). "
                        + "Benchmark 99%.");
        d.put("denialRate", "Adjudicated claims with at least one denied line ÷ adjudicated claims (MGMA).");
        d.put(
                "netCollectionRate",
                "(Payer + patient payments − refunds) ÷ (gross charges − contractual adjustments) (MGMA). "
                        + "Aim for 95% or more.");
        d.put(
                "averageDaysToPay",
                "Mean days from the date of service to the payer's payment, over claims the payer paid.");
        d.put("billed", "Gross charges posted (reversals subtract).");
        d.put("paid", "Payer payments + patient payments − refunds.");
        d.put("adjusted", "Contractual (CO-45 …) and other (OA/PI) write-offs.");
        return d;
    }
}
