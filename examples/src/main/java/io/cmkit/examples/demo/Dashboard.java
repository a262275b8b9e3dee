package io.cmkit.examples.demo;

import io.cmkit.analytics.aggregate.Aggregator;
import io.cmkit.analytics.aggregate.Dimension;
import io.cmkit.analytics.aggregate.KpiRow;
import io.cmkit.analytics.aggregate.KpiTable;
import io.cmkit.analytics.aggregate.PeriodUnit;
import io.cmkit.analytics.kpi.Kpi;
import io.cmkit.analytics.kpi.KpiCatalogue;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.report.BestTimes;
import io.cmkit.analytics.report.ClientReport;
import io.cmkit.analytics.report.DailyValue;
import io.cmkit.analytics.report.EngagementSeries;
import io.cmkit.analytics.report.KpiTile;
import io.cmkit.analytics.report.ModerationCount;
import io.cmkit.analytics.report.ObjectiveProgress;
import io.cmkit.analytics.objective.TargetProgress;
import io.cmkit.analytics.report.PillarShare;
import io.cmkit.analytics.report.PostSummary;
import io.cmkit.analytics.report.ReportRenderer;
import io.cmkit.analytics.report.SentimentDay;
import io.cmkit.analytics.report.Unit;
import io.cmkit.examples.report.KeyFigures;
import io.cmkit.analytics.timing.Heatmap;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Strategy;
import io.cmkit.listening.sentiment.SentimentLabel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Writes what the client reads after the week: the dashboard (HTML, PDF and one CSV per table)
 * built by cm-analytics' report package from the week's metric snapshots, heatmap, calendar,
 * listening and moderation, plus the week's calendar (iCalendar and CSV) and the alerts raised.
 */
final class Dashboard {

    /** The dashboard's base name, in the demo's language. */
    private final String dashboardName;
    private final Strategy strategy;
    private final DemoOptions options;
    private final CommunityWeek.Outcome week;
    private final ZoneId zone;
    private final List<io.cmkit.analytics.objective.ObjectiveProgress> objectives;

    Dashboard(Strategy strategy, DemoOptions options, CommunityWeek.Outcome week,
              List<io.cmkit.analytics.objective.ObjectiveProgress> objectives) {
        this.strategy = strategy;
        this.objectives = objectives;
        this.options = options;
        this.week = week;
        this.zone = strategy.brand().timeZone();
        this.dashboardName = options.french() ? "tableau-de-bord" : "dashboard";
    }

    /** Writes every file and returns them, in the order written. */
    List<Path> write() throws IOException {
        ClientReport report = report();
        Path out = options.out();
        ReportRenderer renderer = new ReportRenderer();
        List<Path> files = new ArrayList<>();
        Path html = out.resolve(dashboardName + ".html");
        renderer.html(report, html);
        files.add(html);
        Path pdf = out.resolve(dashboardName + ".pdf");
        renderer.pdf(report, pdf);
        files.add(pdf);
        files.addAll(renderer.csv(report, out.resolve("csv")));
        DateRange days = period();
        Path ics = out.resolve("calendar.ics");
        Files.writeString(ics, week.calendar().toICalendar(days), StandardCharsets.UTF_8);
        files.add(ics);
        Path calendar = out.resolve("calendar.csv");
        Files.writeString(calendar, week.calendar().toCsv(days), StandardCharsets.UTF_8);
        files.add(calendar);
        Path alerts = out.resolve("alerts.txt");
        StringBuilder text = new StringBuilder();
        Locale language = options.language();
        week.tally().alerts.forEach(a -> text.append(a.summary(language)).append('\n'));
        Files.writeString(alerts, text, StandardCharsets.UTF_8);
        files.add(alerts);
        return files;
    }

    private DateRange period() {
        return new DateRange(week.firstDay(), week.firstDay().plusDays(options.days() - 1));
    }

    ClientReport report() {
        DateRange period = period();
        Locale locale = options.french() ? Locale.FRANCE : Locale.ENGLISH;
        ClientReport.Builder report = ClientReport.builder(strategy.brand(), period, locale, period.end().plusDays(1));
        KpiCatalogue catalogue = KpiCatalogue.euros();
        Aggregator aggregator = new Aggregator(strategy.brand());
        List<MetricSnapshot> snapshots = week.snapshots();
        // Posts' counters only: account series have no likes (see KeyFigures).
        List<MetricSnapshot> postSnapshots = snapshots.stream().filter(s -> s.postId().isPresent()).toList();

        // Key figures: the week's days against as many days just before them.
        DateRange before = new DateRange(period.start().minusDays(options.days()), period.start().minusDays(1));
        KeyFigures.tiles(aggregator, snapshots, period, before, locale).forEach(report::kpi);
        report.kpi(countTile(options.french() ? "Publications" : "Posts", Metric.of("posts"), week.tally().published));
        report.kpi(countTile("Mentions", Metric.MENTIONS, week.tally().mentions));

        // Objectives: actual so far in each target's period (past weeks included), pacing and forecast.
        for (io.cmkit.analytics.objective.ObjectiveProgress progress : objectives) {
            for (TargetProgress target : progress.targets()) {
                report.objective(new ObjectiveProgress(progress.objective(), target.target(), unitOf(target.target().metric()),
                        target.actual().asDouble(), target.forecast().asDouble(), WeekObjectives.reportPacing(target),
                        target.actual() instanceof KpiValue.NotAvailable missing ? Optional.of(missing.reason())
                                : Optional.empty()));
            }
        }

        // Engagement per platform and day.
        KpiTable byPlatform = aggregator.aggregate(postSnapshots, Set.of(Dimension.PLATFORM), PeriodUnit.DAY, period)
                .kpis(catalogue, List.of(Kpi.ENGAGEMENTS));
        Map<Platform, List<DailyValue>> series = new LinkedHashMap<>();
        for (KpiRow row : byPlatform.rows()) {
            row.value(Kpi.ENGAGEMENTS).asDouble().ifPresent(v -> row.key().platform().ifPresent(p ->
                    series.computeIfAbsent(p, k -> new ArrayList<>()).add(new DailyValue(row.periodStart(), v))));
        }
        series.forEach((platform, days) -> report.engagement(new EngagementSeries(platform,
                days.stream().sorted(Comparator.comparing(DailyValue::day)).toList())));

        // Pillars: target share against the share planned on the calendar.
        for (io.cmkit.core.calendar.PillarShare share : week.calendar().pillarMix(period).pillars()) {
            report.pillar(new PillarShare(share.pillar(), share.targetShare() / 100.0, share.plannedShare() / 100.0,
                    share.planned()));
        }

        // Best times of the best-ranked platform (the first heatmap), from the past weeks.
        Optional<Heatmap> heatmap = week.heatmaps().values().stream().findFirst();
        heatmap.ifPresent(h -> {
            List<io.cmkit.analytics.report.HeatmapCell> cells = new ArrayList<>();
            for (io.cmkit.analytics.timing.HeatmapCell cell : h.cells()) {
                if (cell.posts() > 0 && cell.meanEngagementRate().isAvailable()) {
                    cells.add(new io.cmkit.analytics.report.HeatmapCell(cell.day(), cell.hour(),
                            cell.meanEngagementRate().asDouble().getAsDouble(), cell.posts(), cell.confidence()));
                }
            }
            report.bestTimes(new BestTimes(cells, h.minimumPosts()));
        });

        // Top and bottom posts by engagements, from their latest snapshot.
        List<PostSummary> posts = postSummaries(postSnapshots);
        posts.stream().limit(5).forEach(report::topPost);
        List<PostSummary> weakest = new ArrayList<>(posts.subList(Math.min(5, posts.size()), posts.size()));
        weakest.sort(Comparator.comparingLong(PostSummary::engagements).thenComparing(PostSummary::postId));
        weakest.stream().limit(3).forEach(report::bottomPost);

        // Sentiment of the mentions listening scored, per day.
        week.listening().sentimentByDay().forEach((day, counts) -> {
            if (period.contains(day)) {
                report.sentiment(new SentimentDay(day, counts.getOrDefault(SentimentLabel.POSITIVE, 0L),
                        counts.getOrDefault(SentimentLabel.NEUTRAL, 0L), counts.getOrDefault(SentimentLabel.NEGATIVE, 0L)));
            }
        });

        // Moderation: what was carried out, per action and category.
        week.tally().actionsByCategory.forEach((key, count) -> {
            String[] parts = key.split("\\|", 2);
            report.moderation(new ModerationCount(parts[0], parts[1], count));
        });
        return report.build();
    }

    private List<PostSummary> postSummaries(List<MetricSnapshot> snapshots) {
        Map<String, MetricSnapshot> latest = new LinkedHashMap<>();
        for (MetricSnapshot snapshot : snapshots) {
            snapshot.postId().ifPresent(id -> latest.merge(snapshot.account().platform().id() + ":" + id, snapshot,
                    (a, b) -> b.takenAt().isAfter(a.takenAt()) ? b : a));
        }
        List<PostSummary> posts = new ArrayList<>();
        for (CommunityWeek.WeekPost post : week.posts()) {
            if (post.published == null) {
                continue;
            }
            MetricSnapshot snapshot = latest.get(post.account.platform().id() + ":" + post.published.ref().id());
            if (snapshot == null) {
                continue;
            }
            long engagements = CommunityWeek.engagements(snapshot);
            OptionalDouble rate = snapshot.value(Metric.REACH).filter(r -> r > 0)
                    .map(r -> OptionalDouble.of((double) engagements / r)).orElse(OptionalDouble.empty());
            posts.add(new PostSummary(post.post.id(), post.account.platform(),
                    post.published.publishedAt().atZone(zone).toLocalDate(), post.post.variants().get(0).text(),
                    post.post.pillar(), engagements, rate));
        }
        posts.sort(Comparator.comparingLong(PostSummary::engagements).reversed().thenComparing(PostSummary::postId));
        return posts;
    }

    private KpiTile countTile(String label, Metric metric, long value) {
        return new KpiTile(label, metric, Unit.COUNT, OptionalDouble.of(value), OptionalDouble.empty(),
                KpiTarget.Direction.AT_LEAST);
    }

    private static Unit unitOf(Metric metric) {
        Optional<Kpi> kpi = Kpi.forMetric(metric);
        if (kpi.isEmpty()) {
            return Unit.COUNT;
        }
        return switch (kpi.get().unit().name()) {
            case "RATIO" -> Unit.RATE;
            case "MINUTES" -> Unit.MINUTES;
            case "MONEY" -> Unit.MONEY;
            default -> Unit.COUNT;
        };
    }
}
