package org.chart2claim.billing.ar;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The A/R dashboard's charts, drawn on the server with JFreeChart into SVG (the library "My results" uses): aging
 * by bucket, first-pass acceptance by month against the 99% benchmark line, and denied dollars by reason.
 */
public final class ArCharts {
    private static final Color ACCENT = new Color(0x1a, 0x73, 0xe8);
    private static final Color PATIENT = new Color(0xf2, 0x99, 0x4a);
    private static final Color DENIAL = new Color(0xd9, 0x3f, 0x3f);
    private static final Color BENCHMARK = new Color(0x2e, 0x7d, 0x32);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ArCharts() {}

    /** Open balance per aging bucket, stacked: owed by payers (incl. denial worklist) and by patients. */
    public static String aging(ArReport r, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (AgingBucket b : AgingBucket.values()) {
            double payers = r.byPayer().stream()
                    .mapToDouble(a -> a.buckets().get(b.label()).doubleValue())
                    .sum();
            double patients = r.byPatient().stream()
                    .mapToDouble(a -> a.buckets().get(b.label()).doubleValue())
                    .sum();
            data.addValue(payers, "Payers and denials", b.label());
            data.addValue(patients, "Patients", b.label());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(
                null, "Days since service", "Open balance ($)", data, PlotOrientation.VERTICAL, true, false, false);
        BarRenderer renderer = bars(chart);
        renderer.setSeriesPaint(0, ACCENT);
        renderer.setSeriesPaint(1, PATIENT);
        return svg(chart, width, height);
    }

    /** First-pass acceptance per month of receipt, with the 99% benchmark as a line across. */
    public static String firstPass(ArReport r, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ArReport.MonthRate m : r.firstPassByMonth()) {
            // "2026-03" → "03/26": short enough for a label under every month
            String label = m.month().substring(5) + "/" + m.month().substring(2, 4);
            data.addValue(m.rate() == null ? 0 : m.rate().doubleValue(), "First-pass %", label);
        }
        JFreeChart chart = ChartFactory.createLineChart(
                null,
                "Month received",
                "First-pass acceptance (%)",
                data,
                PlotOrientation.VERTICAL,
                false,
                false,
                false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 105);
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, ACCENT);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(renderer);
        ValueMarker benchmark = new ValueMarker(ArReport.FIRST_PASS_BENCHMARK.doubleValue());
        benchmark.setPaint(BENCHMARK);
        benchmark.setStroke(
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        benchmark.setLabel("Benchmark 99%");
        benchmark.setLabelFont(FONT);
        benchmark.setLabelPaint(BENCHMARK);
        benchmark.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        benchmark.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(benchmark);
        return svg(chart, width, height);
    }

    /** Denied dollars per CAS reason (CO-97, CO-27 …), largest first. */
    public static String denials(ArReport r, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        r.deniedByCarc().stream()
                .sorted((a, b) -> b.amount().compareTo(a.amount()))
                .limit(8)
                .forEach(d -> data.addValue(d.amount().doubleValue(), "Denied ($)", d.reason()));
        JFreeChart chart = ChartFactory.createBarChart(
                null, null, "Denied ($)", data, PlotOrientation.HORIZONTAL, false, false, false);
        BarRenderer renderer = bars(chart);
        renderer.setSeriesPaint(0, DENIAL);
        renderer.setMaximumBarWidth(0.1);
        return svg(chart, width, height);
    }

    private static BarRenderer bars(JFreeChart chart) {
        style(chart);
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        return renderer;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOutlineVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.getDomainAxis().setTickLabelFont(FONT);
        plot.getRangeAxis().setLabelFont(FONT);
        if (plot.getDomainAxis().getLabel() != null) {
            plot.getDomainAxis().setLabelFont(FONT);
        }
    }

    private static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement();
    }
}
