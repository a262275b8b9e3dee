package io.cmkit.analytics.report.internal;

import io.cmkit.analytics.report.ClientReport;
import io.cmkit.analytics.report.DailyValue;
import io.cmkit.analytics.report.EngagementSeries;
import io.cmkit.analytics.report.HeatmapCell;
import io.cmkit.analytics.report.KpiTile;
import io.cmkit.analytics.report.ModerationCount;
import io.cmkit.analytics.report.ObjectiveProgress;
import io.cmkit.analytics.report.PillarShare;
import io.cmkit.analytics.report.PostSummary;
import io.cmkit.analytics.report.ReportTable;
import io.cmkit.analytics.report.SentimentDay;
import io.cmkit.analytics.report.internal.Table.Cell;
import io.cmkit.analytics.report.internal.Table.Column;
import io.cmkit.core.model.KpiTarget;
import org.jfree.chart.JFreeChart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the report says, section by section, in its language: the one source the HTML, PDF and
 * CSV writers all read, so the three never disagree.
 *
 * @param report the report it was built from
 * @param text labels and formats in the report's language
 * @param title the document title
 * @param periodLine the period, spelled out
 * @param generatedLine when it was produced
 * @param sections the sections, in display order
 */
public record ReportContent(ClientReport report, ReportText text, String title, String periodLine,
                            String generatedLine, List<Section> sections) {

    /** Reads the report into sections; charts are built anew on each call. */
    public static ReportContent of(ClientReport report) {
        ReportText text = new ReportText(report.locale(), report.currency());
        ReportCharts charts = new ReportCharts(text);
        Builder b = new Builder(report, text, charts);
        List<Section> sections = List.of(b.kpis(), b.objectives(), b.engagement(), b.pillars(), b.bestTimes(),
                b.posts(ReportTable.TOP_POSTS, "topPosts", report.topPosts()),
                b.posts(ReportTable.BOTTOM_POSTS, "bottomPosts", report.bottomPosts()),
                b.sentiment(), b.moderation());
        return new ReportContent(report, text, text.label("report.title") + " · " + report.brand().name(),
                report.period().start().equals(report.period().end())
                        ? text.label("report.periodOneDay", text.date(report.period().start()))   // not "du 4 mai au 4 mai"
                        : text.label("report.period", text.date(report.period().start()), text.date(report.period().end())),
                text.label("report.generated", text.date(report.generatedOn())), sections);
    }

    /** The table with that id. */
    public Table table(ReportTable id) {
        return sections.stream().flatMap(s -> s.table().stream()).filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> new IllegalStateException("no table " + id));
    }

    /** Machine form of a number: plain decimal, dot separator, no grouping, no exponent. */
    static String machine(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String machine(OptionalDouble value) {
        return value.isPresent() ? machine(value.getAsDouble()) : "";
    }

    private static final class Builder {
        private final ClientReport report;
        private final ReportText text;
        private final ReportCharts charts;

        Builder(ClientReport report, ReportText text, ReportCharts charts) {
            this.report = report;
            this.text = text;
            this.charts = charts;
        }

        private Column column(String labelKey, String key, boolean numeric) {
            return new Column(text.label("column." + labelKey), key, numeric, true);
        }

        /** A column for programs: identifiers and codes the reader already sees in words. */
        private static Column csvOnly(String key) {
            return new Column(key, key, false, false);
        }

        private Cell count(long value) {
            return new Cell(text.count(value), Long.toString(value));
        }

        private Cell percent(OptionalDouble fraction) {
            return new Cell(fraction.isPresent() ? text.percent(fraction.getAsDouble()) : text.notAvailable(),
                    machine(fraction));
        }

        private static Cell plain(String value) {
            return new Cell(value, value);
        }

        private Cell day(LocalDate day) {
            return new Cell(text.date(day), day.toString());
        }

        private Section section(String id, ReportTable table, boolean empty, String emptyKey, Optional<JFreeChart> chart,
                                List<Section.Tile> tiles, List<Column> columns, List<List<Cell>> rows, boolean inDocument,
                                Optional<String> note) {
            return new Section(id, text.label("section." + id),
                    empty ? Optional.of(text.label(emptyKey)) : Optional.empty(),
                    empty ? Optional.empty() : chart, empty ? List.of() : tiles,
                    Optional.of(new Table(table, columns, rows, inDocument)), empty ? Optional.empty() : note);
        }

        Section kpis() {
            List<Section.Tile> tiles = new ArrayList<>();
            List<List<Cell>> rows = new ArrayList<>();
            for (KpiTile tile : report.kpis()) {
                String value = text.value(tile.unit(), tile.value());
                String change = tile.change().isPresent() ? text.signedPercent(tile.change().getAsDouble())
                        : text.label("change.none");
                String trend = trend(tile);
                tiles.add(new Section.Tile(tile.label(), value, change, trend));
                rows.add(List.of(plain(tile.label()), plain(tile.metric().id()), plain(tile.unit().name()),
                        new Cell(value, machine(tile.value())),
                        new Cell(tile.change().isPresent() ? change : text.notAvailable(), machine(tile.change()))));
            }
            List<Column> columns = List.of(column("kpi", "kpi", false), csvOnly("metric"), csvOnly("unit"), column("value", "value", true), column("change", "change", true));
            return section("kpis", ReportTable.KPIS, tiles.isEmpty(), "empty.noData", Optional.empty(), tiles, columns,
                    rows, false, Optional.of(text.label("change.previous")));
        }

        Section objectives() {
            List<List<Cell>> rows = new ArrayList<>();
            List<String> whyNotAvailable = new ArrayList<>();
            for (ObjectiveProgress p : report.objectives()) {
                KpiTarget target = p.target();
                String targetText = text.label("direction." + target.direction().name(), text.value(p.unit(), target.target()));
                String metric = text.metric(target);
                p.whyNoActual().ifPresent(why -> whyNotAvailable.add(
                        text.label("objectives.whyNotAvailable", metric, why.describe(text.locale()))));
                rows.add(List.of(plain(p.objective().title()),
                        new Cell(metric, target.metric().id()),
                        new Cell(targetText, machine(target.target())),
                        new Cell(text.value(p.unit(), p.actual()), machine(p.actual())),
                        new Cell(text.value(p.unit(), p.forecast()), machine(p.forecast())),
                        percent(p.completion()),
                        new Cell(text.label("pacing." + p.pacing().name()), p.pacing().name()),
                        plain(p.objective().id()), plain(target.direction().name()),
                        plain(target.period().start().toString()), plain(target.period().end().toString()),
                        plain(target.platform().map(pl -> pl.id()).orElse(""))));
            }
            List<Column> columns = List.of(column("objective", "objective", false), column("metric", "metric", false),
                    column("target", "target", true), column("actual", "actual", true),
                    column("forecast", "forecast", true), column("completion", "completion", true),
                    column("pacing", "pacing", false), csvOnly("objective_id"),
                    csvOnly("direction"), csvOnly("period_start"),
                    csvOnly("period_end"), csvOnly("platform"));
            boolean anyCompletion = report.objectives().stream().anyMatch(p -> p.completion().isPresent());
            return section("objectives", ReportTable.OBJECTIVES, rows.isEmpty(), "empty.noObjectives",
                    anyCompletion ? Optional.of(charts.objectives(report.objectives())) : Optional.empty(), List.of(),
                    columns, rows, true,
                    whyNotAvailable.isEmpty() ? Optional.empty() : Optional.of(String.join(" · ", whyNotAvailable)));
        }

        Section engagement() {
            List<List<Cell>> rows = new ArrayList<>();
            for (EngagementSeries series : report.engagement()) {
                for (DailyValue day : series.days()) {
                    rows.add(List.of(day(day.day()), new Cell(series.platform().displayName(), series.platform().id()),
                            new Cell(text.decimal(day.value(), 1), machine(day.value()))));
                }
            }
            rows.sort(Comparator.comparing((List<Cell> r) -> r.get(0).machine()).thenComparing(r -> r.get(1).machine()));
            List<Column> columns = List.of(column("day", "day", false), column("platform", "platform", false),
                    column("engagements", "engagements", true));
            return section("engagement", ReportTable.ENGAGEMENT, rows.isEmpty(), "empty.noData",
                    Optional.of(charts.engagement(report.engagement())), List.of(), columns, rows, false, Optional.empty());
        }

        Section pillars() {
            List<List<Cell>> rows = new ArrayList<>();
            for (PillarShare share : report.pillarMix()) {
                rows.add(List.of(plain(share.pillar()), percent(OptionalDouble.of(share.planned())),
                        percent(OptionalDouble.of(share.actual())), count(share.posts())));
            }
            List<Column> columns = List.of(column("pillar", "pillar", false), column("planned", "planned_share", true),
                    column("actual", "actual_share", true), column("posts", "posts", true));
            return section("pillars", ReportTable.PILLAR_MIX, rows.isEmpty(), "empty.noData",
                    Optional.of(charts.pillars(report.pillarMix())), List.of(), columns, rows, true, Optional.empty());
        }

        Section bestTimes() {
            List<List<Cell>> rows = new ArrayList<>();
            List<HeatmapCell> cells = new ArrayList<>(report.bestTimes().cells());
            cells.sort(Comparator.comparing(HeatmapCell::day).thenComparingInt(HeatmapCell::hour));
            for (HeatmapCell cell : cells) {
                rows.add(List.of(new Cell(text.weekday(cell.day()), cell.day().name()),
                        new Cell(text.hour(cell.hour()), Integer.toString(cell.hour())),
                        percent(OptionalDouble.of(cell.engagementRate())), count(cell.samples()),
                        percent(OptionalDouble.of(cell.confidence())),
                        plain(Boolean.toString(report.bestTimes().isTrusted(cell)))));
            }
            List<Column> columns = List.of(column("weekday", "weekday", false), column("hour", "hour", true),
                    column("engagementRate", "engagement_rate", true), column("samples", "samples", true),
                    column("confidence", "confidence", true), csvOnly("trusted"));
            List<String> best = cells.stream().filter(report.bestTimes()::isTrusted)
                    .sorted(Comparator.comparingDouble(HeatmapCell::engagementRate).reversed()
                            .thenComparing(HeatmapCell::day).thenComparingInt(HeatmapCell::hour))
                    .limit(3)
                    .map(c -> text.weekday(c.day()) + " " + text.hour(c.hour()) + " (" + text.percent(c.engagementRate()) + ")")
                    .toList();
            String note = text.label("bestTimes.legend", report.bestTimes().minimumSamples())
                    + (best.isEmpty() ? "" : " " + text.label("bestTimes.best", String.join(", ", best)));
            return section("bestTimes", ReportTable.BEST_TIMES, rows.isEmpty(), "empty.noData",
                    Optional.of(charts.bestTimes(report.bestTimes())), List.of(), columns, rows, false, Optional.of(note));
        }

        Section posts(ReportTable table, String id, List<PostSummary> posts) {
            List<List<Cell>> rows = new ArrayList<>();
            int rank = 1;
            for (PostSummary post : posts) {
                rows.add(List.of(count(rank++), day(post.publishedOn()),
                        new Cell(post.platform().displayName(), post.platform().id()),
                        plain(post.pillar().orElse("")), plain(post.excerpt()), count(post.engagements()),
                        percent(post.engagementRate()), plain(post.postId())));
            }
            List<Column> columns = List.of(column("rank", "rank", true), column("day", "published_on", false),
                    column("platform", "platform", false), column("pillar", "pillar", false), column("post", "excerpt", false),
                    column("engagements", "engagements", true), column("engagementRate", "engagement_rate", true),
                    csvOnly("post_id"));
            return section(id, table, rows.isEmpty(), "empty.noData", Optional.empty(), List.of(), columns, rows, true,
                    Optional.empty());
        }

        Section sentiment() {
            List<List<Cell>> rows = new ArrayList<>();
            long positive = 0;
            long negative = 0;
            long total = 0;
            for (SentimentDay day : report.sentiment()) {
                rows.add(List.of(day(day.day()), count(day.positive()), count(day.neutral()), count(day.negative()),
                        count(day.mentions()), percent(day.netSentiment())));
                positive += day.positive();
                negative += day.negative();
                total += day.mentions();
            }
            List<Column> columns = List.of(column("day", "day", false), column("positive", "positive", true),
                    column("neutral", "neutral", true), column("negative", "negative", true),
                    column("mentions", "mentions", true), column("netSentiment", "net_sentiment", true));
            String net = total == 0 ? text.notAvailable() : text.signedPercent((double) (positive - negative) / total);
            boolean empty = total == 0;
            return section("sentiment", ReportTable.SENTIMENT, empty, "empty.noData",
                    Optional.of(charts.sentiment(report.sentiment())), List.of(), columns, rows, false,
                    Optional.of(text.label("sentiment.summary", text.count(total), net)));
        }

        Section moderation() {
            List<List<Cell>> rows = new ArrayList<>();
            for (ModerationCount count : report.moderation()) {
                rows.add(List.of(new Cell(actionLabel(text, count.action()), count.action()),
                        new Cell(categoryLabel(text, count.category()), count.category()), count(count.count())));
            }
            List<Column> columns = List.of(column("action", "action", false), column("category", "category", false),
                    column("count", "count", true));
            boolean empty = report.moderation().stream().allMatch(c -> c.count() == 0);
            return section("moderation", ReportTable.MODERATION, empty, "empty.noData",
                    Optional.of(charts.moderation(report.moderation())), List.of(), columns, rows, true, Optional.empty());
        }
    }

    /** {@code good}, {@code bad}, {@code flat} or {@code none}: whether the change is good news for this KPI. */
    static String trend(KpiTile tile) {
        if (tile.change().isEmpty()) {
            return "none";
        }
        double change = tile.change().getAsDouble();
        if (change == 0) {
            return "flat";
        }
        boolean up = change > 0;
        return up == (tile.better() == KpiTarget.Direction.AT_LEAST) ? "good" : "bad";
    }

    /** The translated name of a moderation action; an action cmkit does not know keeps its own name. */
    static String actionLabel(ReportText text, String action) {
        return text.labelOr("moderation.action." + action, action);
    }

    /** The translated name of a moderation category (cmkit's lexicons); a category of the host's own keeps its name. */
    static String categoryLabel(ReportText text, String category) {
        return text.labelOr("moderation.category." + category, category);
    }
}
