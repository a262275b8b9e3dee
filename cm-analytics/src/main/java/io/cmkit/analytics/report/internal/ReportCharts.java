package io.cmkit.analytics.report.internal;

import io.cmkit.analytics.report.BestTimes;
import io.cmkit.analytics.report.DailyValue;
import io.cmkit.analytics.report.EngagementSeries;
import io.cmkit.analytics.report.HeatmapCell;
import io.cmkit.analytics.report.ModerationCount;
import io.cmkit.analytics.report.ObjectiveProgress;
import io.cmkit.analytics.report.Pacing;
import io.cmkit.analytics.report.PillarShare;
import io.cmkit.analytics.report.SentimentDay;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.TimeTableXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * The report's charts, built with JFreeChart in the report's language. Each call builds a new
 * chart: the HTML writer draws it into SVG, the PDF writer into the page as vectors.
 */
final class ReportCharts {

    static final Color[] PALETTE = {
        new Color(0x25, 0x63, 0xeb), new Color(0xf9, 0x73, 0x16), new Color(0x16, 0xa3, 0x4a),
        new Color(0x93, 0x33, 0xea), new Color(0xdc, 0x26, 0x26), new Color(0x08, 0x91, 0xb2),
        new Color(0xca, 0x8a, 0x04), new Color(0xdb, 0x27, 0x77), new Color(0x4b, 0x55, 0x63)};
    private static final Color GRID = new Color(0xe5, 0xe7, 0xeb);
    private static final Color TOO_FEW = new Color(0xd1, 0xd5, 0xdb);
    private static final Color POSITIVE = new Color(0x16, 0xa3, 0x4a);
    private static final Color NEUTRAL = new Color(0x9c, 0xa3, 0xaf);
    private static final Color NEGATIVE = new Color(0xdc, 0x26, 0x26);
    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

    private final ReportText text;
    private final StandardChartTheme theme;

    ReportCharts(ReportText text) {
        this.text = text;
        // A theme applied chart by chart: ChartFactory's global theme is left alone for the host.
        this.theme = new StandardChartTheme("cmkit");
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
    }

    private JFreeChart themed(JFreeChart chart) {
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        return chart;
    }

    private NumberFormat percentFormat() {
        NumberFormat format = NumberFormat.getPercentInstance(text.locale());
        format.setMaximumFractionDigits(1);
        return format;
    }

    private static Date utcDate(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private DateAxis dateAxis() {
        DateAxis axis = new DateAxis();
        axis.setTimeZone(UTC);
        SimpleDateFormat format = new SimpleDateFormat("d MMM", text.locale());
        format.setTimeZone(UTC);
        // Whole days only: the axis' default units go down to hours, which label the same day twice.
        TickUnits days = new TickUnits();
        for (int step : new int[] {1, 2, 7, 14}) {
            days.add(new DateTickUnit(DateTickUnitType.DAY, step, format));
        }
        days.add(new DateTickUnit(DateTickUnitType.MONTH, 1, format));
        days.add(new DateTickUnit(DateTickUnitType.MONTH, 3, format));
        axis.setStandardTickUnits(days);
        axis.setAutoTickUnitSelection(true);
        return axis;
    }

    /** Completion of each target, coloured by pacing, with a line at 100 %. */
    JFreeChart objectives(List<ObjectiveProgress> progress) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = text.label("chart.completion");
        List<Pacing> pacing = new ArrayList<>();
        for (ObjectiveProgress p : progress) {
            if (p.completion().isPresent()) {
                String key = p.objective().title() + " · " + text.metric(p.target());
                data.addValue(p.completion().getAsDouble(), series, key);
                pacing.add(p.pacing());
            }
        }
        JFreeChart chart = themed(ChartFactory.createBarChart(null, null, series, data, PlotOrientation.HORIZONTAL,
                false, false, false));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRenderer(new PacingBarRenderer(pacing));
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(percentFormat());
        double highest = progress.stream().filter(p -> p.completion().isPresent())
                .mapToDouble(p -> p.completion().getAsDouble()).max().orElse(0);
        // Always show the 100 % line, and every bar whole.
        plot.getRangeAxis().setRange(0, Math.max(1.1, highest * 1.05));
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        ValueMarker target = new ValueMarker(1.0, Color.BLACK, new BasicStroke(1.5f));
        plot.addRangeMarker(target);
        return chart;
    }

    /** Paints each bar with its objective's pacing. */
    private static final class PacingBarRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final List<Pacing> pacing;

        PacingBarRenderer(List<Pacing> pacing) {
            this.pacing = List.copyOf(pacing);
            setBarPainter(new StandardBarPainter());
            setShadowVisible(false);
            setMaximumBarWidth(0.12);
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            return switch (pacing.get(column)) {
                case AHEAD -> POSITIVE;
                case ON_TRACK -> PALETTE[0];
                case BEHIND -> PALETTE[1];
                case NOT_AVAILABLE -> NEUTRAL;
            };
        }
    }

    /** Engagements per day, one line per platform. */
    JFreeChart engagement(List<EngagementSeries> series) {
        TimeSeriesCollection data = new TimeSeriesCollection(UTC);
        for (EngagementSeries s : series) {
            TimeSeries line = new TimeSeries(s.platform().displayName());
            for (DailyValue day : s.days()) {
                line.add(new Day(utcDate(day.day()), UTC, text.locale()), day.value());
            }
            data.addSeries(line);
        }
        JFreeChart chart = themed(ChartFactory.createTimeSeriesChart(null, null, text.label("chart.engagements"), data,
                true, false, false));
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(dateAxis());
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(NumberFormat.getIntegerInstance(text.locale()));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        plot.setRenderer(renderer);
        return chart;
    }

    /** Planned against actual share of each pillar. */
    JFreeChart pillars(List<PillarShare> shares) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String planned = text.label("column.planned");
        String actual = text.label("column.actual");
        for (PillarShare share : shares) {
            data.addValue(share.planned(), planned, share.pillar());
            data.addValue(share.actual(), actual, share.pillar());
        }
        JFreeChart chart = themed(ChartFactory.createBarChart(null, null, text.label("chart.share"), data,
                PlotOrientation.VERTICAL, true, false, false));
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(percentFormat());
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, NEUTRAL);
        renderer.setSeriesPaint(1, PALETTE[0]);
        renderer.setItemMargin(0.05);
        return chart;
    }

    /** Engagement rate per weekday and hour; grey where the sample rule is not met. */
    JFreeChart bestTimes(BestTimes bestTimes) {
        List<HeatmapCell> cells = bestTimes.cells();
        double[][] xyz = new double[3][cells.size()];
        double max = 0;
        for (int i = 0; i < cells.size(); i++) {
            HeatmapCell cell = cells.get(i);
            xyz[0][i] = cell.hour();
            xyz[1][i] = cell.day().getValue() - 1;
            // Below the sample rule, a cell gets the "too few" value: grey whatever its rate.
            xyz[2][i] = bestTimes.isTrusted(cell) ? cell.engagementRate() : RatePaintScale.TOO_FEW;
            if (bestTimes.isTrusted(cell)) {
                max = Math.max(max, cell.engagementRate());
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("rate", xyz);

        NumberAxis hours = new NumberAxis(text.label("chart.hour"));
        hours.setRange(-0.5, 23.5);
        hours.setTickUnit(new NumberTickUnit(2));
        hours.setNumberFormatOverride(NumberFormat.getIntegerInstance(text.locale()));
        String[] days = new String[7];
        for (DayOfWeek day : DayOfWeek.values()) {
            days[day.getValue() - 1] = text.weekday(day);
        }
        SymbolAxis weekdays = new SymbolAxis(null, days);
        weekdays.setInverted(true);
        weekdays.setGridBandsVisible(false);
        RatePaintScale scale = new RatePaintScale(max > 0 ? max : 1);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, hours, weekdays, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = themed(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
        NumberAxis legendAxis = new NumberAxis(text.label("column.engagementRate"));
        legendAxis.setNumberFormatOverride(percentFormat());
        legendAxis.setRange(0, max > 0 ? max : 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setMargin(4, 8, 4, 4);
        legend.setStripWidth(12);
        chart.addSubtitle(legend);
        return chart;
    }

    /** White to deep blue by engagement rate; grey below the sample rule. */
    private static final class RatePaintScale implements PaintScale, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        static final double TOO_FEW = -1;
        private final double upper;

        RatePaintScale(double upper) {
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            if (value < 0) {
                return ReportCharts.TOO_FEW;
            }
            double t = Math.max(0, Math.min(1, value / upper));
            Color low = new Color(0xef, 0xf6, 0xff);
            Color high = new Color(0x1e, 0x3a, 0x8a);
            return new Color(mix(low.getRed(), high.getRed(), t), mix(low.getGreen(), high.getGreen(), t),
                    mix(low.getBlue(), high.getBlue(), t));
        }

        private static int mix(int a, int b, double t) {
            return (int) Math.round(a + (b - a) * t);
        }
    }

    /** Mentions per day, stacked by sentiment: the stack's height is the mention volume. */
    JFreeChart sentiment(List<SentimentDay> days) {
        TimeTableXYDataset data = new TimeTableXYDataset(UTC, text.locale());
        String positive = text.label("column.positive");
        String neutral = text.label("column.neutral");
        String negative = text.label("column.negative");
        for (SentimentDay day : days) {
            Day period = new Day(utcDate(day.day()), UTC, text.locale());
            data.add(period, day.positive(), positive, false);
            data.add(period, day.neutral(), neutral, false);
            data.add(period, day.negative(), negative, false);
        }
        NumberAxis mentions = new NumberAxis(text.label("chart.mentions"));
        XYPlot plot = new XYPlot(data, dateAxis(), mentions, new StackedXYBarRenderer(0.15));
        // The theme resets series paints: apply it first, then colour the series.
        JFreeChart chart = themed(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        mentions.setNumberFormatOverride(NumberFormat.getIntegerInstance(text.locale()));
        StackedXYBarRenderer renderer = (StackedXYBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, POSITIVE);
        renderer.setSeriesPaint(1, NEUTRAL);
        renderer.setSeriesPaint(2, NEGATIVE);
        return chart;
    }

    /** Comments per moderation action, stacked by category. */
    JFreeChart moderation(List<ModerationCount> counts) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ModerationCount count : counts) {
            data.addValue(count.count(), ReportContent.categoryLabel(text, count.category()),
                    ReportContent.actionLabel(text, count.action()));
        }
        JFreeChart chart = themed(ChartFactory.createStackedBarChart(null, null, text.label("chart.comments"), data,
                PlotOrientation.HORIZONTAL, true, false, false));
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(NumberFormat.getIntegerInstance(text.locale()));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        renderer.setMaximumBarWidth(0.12);
        return chart;
    }
}
