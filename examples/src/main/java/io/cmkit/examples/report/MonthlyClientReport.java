package io.cmkit.examples.report;

import io.cmkit.analytics.aggregate.Aggregator;
import io.cmkit.analytics.aggregate.Dimension;
import io.cmkit.analytics.aggregate.KpiRow;
import io.cmkit.analytics.aggregate.PeriodUnit;
import io.cmkit.analytics.kpi.Kpi;
import io.cmkit.analytics.kpi.KpiCatalogue;
import io.cmkit.analytics.report.ClientReport;
import io.cmkit.analytics.report.DailyValue;
import io.cmkit.analytics.report.EngagementSeries;
import io.cmkit.analytics.report.ReportRenderer;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Strategy;
import io.cmkit.core.strategy.BrandKitException;
import io.cmkit.core.strategy.BrandKitLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The month's client report from stored metric snapshots:
 *
 * <pre>
 * java ... io.cmkit.examples.report.MonthlyClientReport BRAND_KIT SNAPSHOTS_CSV 2026-03 OUT_DIR [fr|en]
 * </pre>
 *
 * <p>cm-analytics aggregates the cumulative counters per day in the brand's time zone: the
 * month's engagements (posts' counters), followers and their growth (accounts' counters), each
 * against the month before, and the engagements per platform and day. The report package writes
 * the dashboard as HTML, PDF and one CSV per table.
 */
public final class MonthlyClientReport {

    private final Strategy strategy;
    private final Locale locale;

    public MonthlyClientReport(Strategy strategy, Locale locale) {
        this.strategy = strategy;
        this.locale = locale;
    }

    /** The report of one month. */
    public ClientReport report(List<MetricSnapshot> snapshots, YearMonth month, LocalDate generatedOn) {
        DateRange period = new DateRange(month.atDay(1), month.atEndOfMonth());
        DateRange previous = new DateRange(month.minusMonths(1).atDay(1), month.minusMonths(1).atEndOfMonth());
        Aggregator aggregator = new Aggregator(strategy.brand());
        KpiCatalogue catalogue = KpiCatalogue.euros();
        ClientReport.Builder report = ClientReport.builder(strategy.brand(), period, locale, generatedOn);
        KeyFigures.tiles(aggregator, snapshots, period, previous, locale).forEach(report::kpi);
        List<MetricSnapshot> posts = snapshots.stream().filter(s -> s.postId().isPresent()).toList();
        Map<Platform, List<DailyValue>> byPlatform = new TreeMap<>();
        for (KpiRow row : aggregator.aggregate(posts, Set.of(Dimension.PLATFORM), PeriodUnit.DAY, period)
                .kpis(catalogue, List.of(Kpi.ENGAGEMENTS)).rows()) {
            row.value(Kpi.ENGAGEMENTS).asDouble().ifPresent(v -> byPlatform.computeIfAbsent(row.key().platform().orElseThrow(),
                    p -> new ArrayList<>()).add(new DailyValue(row.periodStart(), v)));
        }
        byPlatform.forEach((platform, days) -> report.engagement(new EngagementSeries(platform, days)));
        return report.build();
    }

    /** Writes the report as {@code report-YYYY-MM.html}, {@code .pdf} and a {@code csv} folder. */
    public List<Path> write(ClientReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        String name = "report-" + YearMonth.from(report.period().start());
        ReportRenderer renderer = new ReportRenderer();
        List<Path> files = new ArrayList<>();
        files.add(folder.resolve(name + ".html"));
        renderer.html(report, files.get(0));
        files.add(folder.resolve(name + ".pdf"));
        renderer.pdf(report, files.get(1));
        files.addAll(renderer.csv(report, folder.resolve(name + "-csv")));
        return files;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: MonthlyClientReport BRAND_KIT SNAPSHOTS_CSV YYYY-MM OUT_DIR [fr|en]");
            System.exit(2);
        }
        try {
            Strategy strategy = BrandKitLoader.load(Path.of(args[0]));
            Locale locale = args.length == 5 && args[4].equals("en") ? Locale.ENGLISH : Locale.FRANCE;
            MonthlyClientReport program = new MonthlyClientReport(strategy, locale);
            ClientReport report = program.report(SnapshotFile.read(Path.of(args[1])), YearMonth.parse(args[2]),
                    LocalDate.now(strategy.brand().timeZone()));
            program.write(report, Path.of(args[3])).forEach(System.out::println);
        } catch (BrandKitException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
