package io.cmkit.analytics.report;

import io.cmkit.analytics.kpi.Unavailability;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Brand;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.Objective;
import io.cmkit.core.model.Platform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;

/** Seeded sample reports: the same seed gives the same report, byte for byte once rendered. */
final class SampleReports {

    static final DateRange NOVEMBER = DateRange.parse("2026-11");
    static final LocalDate GENERATED_ON = LocalDate.of(2026, 12, 1);
    static final List<Platform> PLATFORMS = List.of(Platform.MASTODON, Platform.BLUESKY, Platform.INSTAGRAM);

    private SampleReports() {
    }

    static Brand brand() {
        return new Brand("cafe-lumiere", "Café Lumière", ZoneId.of("Europe/Paris"), Locale.FRANCE,
                List.of(new Account(Platform.MASTODON, "@cafelumiere@piaille.fr"),
                        new Account(Platform.BLUESKY, "cafelumiere.bsky.social"),
                        new Account(Platform.INSTAGRAM, "cafe.lumiere")));
    }

    static Objective awareness() {
        return new Objective("notoriete", "Notoriété à Lyon", List.of(
                KpiTarget.atLeast(Metric.REACH, 120_000, NOVEMBER),
                KpiTarget.atLeast(Metric.ENGAGEMENT_RATE, 0.045, NOVEMBER)));
    }

    static Objective care() {
        return new Objective("service", "Service client réactif", List.of(
                KpiTarget.atMost(Metric.RESPONSE_TIME_MEDIAN_MINUTES, 60, NOVEMBER)));
    }

    /** A full month of every section, drawn from the seed. */
    static ClientReport full(Locale locale, long seed) {
        Random random = new Random(seed);
        ClientReport.Builder report = ClientReport.builder(brand(), NOVEMBER, locale, GENERATED_ON);
        boolean fr = locale.getLanguage().equals("fr");
        report.kpi(KpiTile.of(fr ? "Portée" : "Reach", Metric.REACH, Unit.COUNT, 12_345.6, 0.034))
                .kpi(KpiTile.notAvailable("Impressions", Metric.IMPRESSIONS, Unit.COUNT))
                .kpi(KpiTile.of(fr ? "Taux d'engagement (portée)" : "Engagement rate (reach)", Metric.ENGAGEMENT_RATE,
                        Unit.RATE, 0.0412 + random.nextDouble() / 100, -0.12))
                .kpi(KpiTile.of(fr ? "Temps de réponse médian" : "Median response time",
                        Metric.RESPONSE_TIME_MEDIAN_MINUTES, Unit.MINUTES, 42.5, -0.08).lowerIsBetter())
                .kpi(new KpiTile("CPC", Metric.of("cpc"), Unit.MONEY, OptionalDouble.of(0.37), OptionalDouble.empty(),
                        KpiTarget.Direction.AT_MOST));

        Objective awareness = awareness();
        report.objective(new ObjectiveProgress(awareness, awareness.targets().get(0), Unit.COUNT,
                        OptionalDouble.of(86_000 + random.nextInt(10_000)), OptionalDouble.of(118_500), Pacing.ON_TRACK))
                .objective(new ObjectiveProgress(awareness, awareness.targets().get(1), Unit.RATE,
                        OptionalDouble.of(0.031), OptionalDouble.of(0.036), Pacing.BEHIND));
        Objective care = care();
        report.objective(ObjectiveProgress.notAvailable(care, care.targets().get(0), Unit.MINUTES,
                new Unavailability.NoInteractionReceived()));

        int i = 0;
        for (Platform platform : PLATFORMS) {
            List<DailyValue> days = new ArrayList<>();
            double level = 80 + 60 * i++;
            for (LocalDate day = NOVEMBER.start(); !day.isAfter(NOVEMBER.end()); day = day.plusDays(1)) {
                level = Math.max(0, level + random.nextGaussian() * 15);
                days.add(new DailyValue(day, Math.round(level)));
            }
            report.engagement(new EngagementSeries(platform, days));
        }

        report.pillar(new PillarShare("Coulisses", 0.30, 0.22, 11))
                .pillar(new PillarShare("Produits", 0.40, 0.48, 24))
                .pillar(new PillarShare("Communauté", 0.30, 0.30, 15));

        List<HeatmapCell> cells = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 7; hour <= 22; hour++) {
                int samples = random.nextInt(9);
                if (samples > 0) {
                    double peak = Math.exp(-Math.pow(hour - 18, 2) / 8.0) + (day.getValue() >= 6 ? 0.3 : 0);
                    cells.add(new HeatmapCell(day, hour, 0.01 + 0.05 * peak + random.nextDouble() / 200, samples,
                            Math.min(1, samples / 8.0)));
                }
            }
        }
        report.bestTimes(new BestTimes(cells, 3));

        String[] excerpts = fr
                ? new String[] {"Nouveau latte noisette : dites-nous ce que vous en pensez !", "Les coulisses de la torréfaction, épisode 3",
                    "Merci pour vos 10 000 abonnements ☕", "Atelier latte art samedi, places limitées", "=HYPERLINK(\"x\") <b>pas du HTML</b>",
                    "Menu d'hiver : chocolat chaud \"à l'ancienne\", cannelle"}
                : new String[] {"New hazelnut latte: tell us what you think!", "Behind the roasting, episode 3",
                    "Thank you for 10,000 followers ☕", "Latte art workshop on Saturday, few seats", "=HYPERLINK(\"x\") <b>not HTML</b>",
                    "Winter menu: \"old-style\" hot chocolate, cinnamon"};
        for (int rank = 0; rank < 3; rank++) {
            report.topPost(new PostSummary("post-" + (100 + rank), PLATFORMS.get(rank), NOVEMBER.start().plusDays(3 + rank * 7L),
                    excerpts[rank], Optional.of(rank == 1 ? "Coulisses" : "Produits"), 1_500 - rank * 300L,
                    OptionalDouble.of(0.08 - rank * 0.01)));
            report.bottomPost(new PostSummary("post-" + (200 + rank), PLATFORMS.get(2 - rank), NOVEMBER.start().plusDays(5 + rank * 6L),
                    excerpts[3 + rank], rank == 2 ? Optional.empty() : Optional.of("Communauté"), 12 + rank * 5L,
                    rank == 0 ? OptionalDouble.empty() : OptionalDouble.of(0.004 * rank)));
        }

        for (LocalDate day = NOVEMBER.start(); !day.isAfter(NOVEMBER.end()); day = day.plusDays(1)) {
            int spike = day.getDayOfMonth() == 17 ? 40 : 0;
            report.sentiment(new SentimentDay(day, 20 + random.nextInt(25), 30 + random.nextInt(30),
                    3 + random.nextInt(8) + spike));
        }

        report.moderation(new ModerationCount("HIDE", "insult", 14 + random.nextInt(5)))
                .moderation(new ModerationCount("HIDE", "spam", 31))
                .moderation(new ModerationCount("DELETE", "spam", 22))
                .moderation(new ModerationCount("FLAG", "defamation", 3))
                .moderation(new ModerationCount("REPLY", "question", 57))
                .moderation(new ModerationCount("ESCALATE", "illegal", 1));
        return report.build();
    }

    /** A brand with no objectives over a period with no data at all. */
    static ClientReport empty(Locale locale) {
        return ClientReport.builder(brand(), NOVEMBER, locale, GENERATED_ON).build();
    }
}
