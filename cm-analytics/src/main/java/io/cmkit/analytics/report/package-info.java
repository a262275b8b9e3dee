/**
 * Client reports: a {@link io.cmkit.analytics.report.ClientReport} holds what the dashboard
 * shows for one brand over one period, and {@link io.cmkit.analytics.report.ReportRenderer}
 * writes it as a self-contained HTML dashboard with charts, a PDF, or CSV tables, in French or
 * English.
 *
 * <pre>{@code
 * ClientReport report = ClientReport.builder(brand, DateRange.parse("2026-11"), Locale.FRANCE, LocalDate.now(clock))
 *         .kpi(KpiTile.of("Portée", Metric.REACH, Unit.COUNT, 12_345.6, 0.034))      // "12 345,6", "+3,4 %"
 *         .kpi(KpiTile.notAvailable("Impressions", Metric.IMPRESSIONS, Unit.COUNT))   // "n.d.", never 0
 *         .objective(new ObjectiveProgress(objective, objective.targets().get(0), Unit.COUNT,
 *                 OptionalDouble.of(8_200), OptionalDouble.of(11_000), Pacing.ON_TRACK))
 *         .engagement(new EngagementSeries(Platform.MASTODON, days))
 *         .build();                                   // a NaN anywhere fails here, naming the field
 *
 * ReportRenderer renderer = new ReportRenderer();     // thread-safe, reusable
 * renderer.html(report, Path.of("rapport.html"));    // opens with no network
 * renderer.pdf(report, Path.of("rapport.pdf"));
 * renderer.csv(report, Path.of("rapport-csv"));      // one RFC 4180 file per table
 * }</pre>
 *
 * <p>Sections with nothing to show say so ("Aucun objectif défini", "No data for this period");
 * see {@code docs/reports.md}.
 */
package io.cmkit.analytics.report;
