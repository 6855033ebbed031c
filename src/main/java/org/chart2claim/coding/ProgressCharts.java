package org.chart2claim.coding;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The "My results" charts, drawn on the server with JFreeChart into SVG strings (no browser charting
 * component needed). Plain Java: give it the attempt history.
 */
public final class ProgressCharts {

    private static final Color ACCENT = new Color(0x1a, 0x73, 0xe8);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ProgressCharts() {}

    /** Score of every submitted attempt against its submission time. */
    public static String scoreOverTime(List<AttemptService.AttemptSummary> history, int width, int height) {
        TimeSeries series = new TimeSeries("Score");
        for (AttemptService.AttemptSummary a : history) {
            if (a.submittedAt() != null) {
                series.addOrUpdate(new Millisecond(Date.from(a.submittedAt())), a.score());
            }
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(
                null, "Submitted", "Score", new TimeSeriesCollection(series), false, false, false);
        XYPlot plot = chart.getXYPlot();
        style(chart);
        plot.getRangeAxis().setRange(0, 100);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, ACCENT);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setDomainGridlinePaint(new Color(0xee, 0xee, 0xee));
        return svg(chart, width, height);
    }

    /** Average score per specialty (alphabetical). */
    public static String averageBySpecialty(List<AttemptService.AttemptSummary> history, int width, int height) {
        Map<String, int[]> sums = new TreeMap<>();
        for (AttemptService.AttemptSummary a : history) {
            int[] s = sums.computeIfAbsent(a.specialty(), k -> new int[2]);
            s[0] += a.score();
            s[1]++;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        sums.forEach((specialty, s) -> data.addValue((double) s[0] / s[1], "Average score", specialty));
        JFreeChart chart = ChartFactory.createBarChart(
                null, null, "Average score", data, PlotOrientation.HORIZONTAL, false, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ACCENT);
        renderer.setMaximumBarWidth(0.08);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        return svg(chart, width, height);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.getPlot().setOutlineVisible(false);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.getDomainAxis().setLabelFont(FONT);
            xy.getRangeAxis().setLabelFont(FONT);
        } else if (chart.getPlot() instanceof CategoryPlot cp) {
            cp.getDomainAxis().setTickLabelFont(FONT);
            cp.getRangeAxis().setLabelFont(FONT);
        }
    }

    private static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement();
    }
}
