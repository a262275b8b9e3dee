package io.cmkit.analytics.report;

import io.cmkit.analytics.report.internal.ReportChecks;
import io.cmkit.core.model.Brand;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.InvalidModelException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything a client dashboard shows for one brand over one period, ready to render by
 * {@link ReportRenderer}. It holds results, not raw data: the analytics engine fills it.
 *
 * <p>Every number is checked when the report is built: a NaN or an infinity is refused with
 * the record and field that held it, so no renderer ever prints one. "Not available" is an empty
 * optional, never 0. An empty list is a section with nothing to show; the renderers say so in
 * the report's language ("no objectives set", "no data for this period").
 *
 * @param brand the client's brand
 * @param period the days reported on, in the brand's time zone
 * @param locale the report's language: French or English
 * @param currency the currency of {@link Unit#MONEY} values
 * @param generatedOn the day the report was produced
 * @param kpis the KPI tiles, in display order
 * @param objectives progress on each objective's targets; empty when the brand has none
 * @param engagement engagements per day, one series per platform
 * @param pillarMix planned against actual share per content pillar
 * @param bestTimes the best-time heatmap
 * @param topPosts the best posts of the period, best first
 * @param bottomPosts the weakest posts of the period, weakest first
 * @param sentiment mentions per day by sentiment
 * @param moderation comments treated per action and category
 */
public record ClientReport(Brand brand, DateRange period, Locale locale, Currency currency, LocalDate generatedOn,
                           List<KpiTile> kpis, List<ObjectiveProgress> objectives,
                           List<EngagementSeries> engagement, List<PillarShare> pillarMix, BestTimes bestTimes,
                           List<PostSummary> topPosts, List<PostSummary> bottomPosts,
                           List<SentimentDay> sentiment, List<ModerationCount> moderation) {

    /** The report languages. */
    public static final Set<String> LANGUAGES = Set.of("fr", "en");

    public ClientReport {
        ReportChecks.present("ClientReport", "brand", brand);
        ReportChecks.present("ClientReport", "period", period);
        ReportChecks.present("ClientReport", "locale", locale);
        if (!LANGUAGES.contains(locale.getLanguage())) {
            throw new InvalidModelException("ClientReport", "locale",
                    "must be French or English (fr, en), got '" + locale.toLanguageTag() + "'");
        }
        ReportChecks.present("ClientReport", "currency", currency);
        ReportChecks.present("ClientReport", "generatedOn", generatedOn);
        kpis = ReportChecks.list("ClientReport", "kpis", kpis);
        objectives = ReportChecks.list("ClientReport", "objectives", objectives);
        engagement = ReportChecks.list("ClientReport", "engagement", engagement);
        pillarMix = ReportChecks.list("ClientReport", "pillarMix", pillarMix);
        ReportChecks.present("ClientReport", "bestTimes", bestTimes);
        topPosts = ReportChecks.list("ClientReport", "topPosts", topPosts);
        bottomPosts = ReportChecks.list("ClientReport", "bottomPosts", bottomPosts);
        sentiment = ReportChecks.list("ClientReport", "sentiment", sentiment);
        moderation = ReportChecks.list("ClientReport", "moderation", moderation);

        unique("objectives", objectives, o -> o.objective().id() + " " + o.target().metric() + " over " + o.target().period()
                + o.target().platform().map(p -> " on " + p).orElse(""));
        unique("engagement", engagement, s -> s.platform().id());
        unique("pillarMix", pillarMix, PillarShare::pillar);
        unique("sentiment", sentiment, d -> d.day().toString());
        unique("moderation", moderation, m -> m.action() + "/" + m.category());
        for (int i = 0; i < engagement.size(); i++) {
            List<DailyValue> days = engagement.get(i).days();
            for (int j = 0; j < days.size(); j++) {
                inPeriod(period, "engagement[" + i + "].days[" + j + "]", days.get(j).day());
            }
        }
        for (int i = 0; i < sentiment.size(); i++) {
            inPeriod(period, "sentiment[" + i + "]", sentiment.get(i).day());
        }
        for (int i = 1; i < sentiment.size(); i++) {
            if (!sentiment.get(i).day().isAfter(sentiment.get(i - 1).day())) {
                throw new InvalidModelException("ClientReport", "sentiment[" + i + "]",
                        "must come after " + sentiment.get(i - 1).day() + " (got " + sentiment.get(i).day() + ")");
            }
        }
    }

    /** A builder for a report with every section empty, to fill section by section. */
    public static Builder builder(Brand brand, DateRange period, Locale locale, LocalDate generatedOn) {
        return new Builder(brand, period, locale, generatedOn);
    }

    private static void inPeriod(DateRange period, String field, LocalDate day) {
        if (!period.contains(day)) {
            throw new InvalidModelException("ClientReport", field, "is " + day + ", outside the period " + period);
        }
    }

    private static <T> void unique(String field, List<T> values, Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String k = key.apply(values.get(i));
            if (!seen.add(k)) {
                throw new InvalidModelException("ClientReport", field + "[" + i + "]", "duplicates '" + k + "'");
            }
        }
    }

    /** Builds a {@link ClientReport}; sections left alone are empty. Not thread-safe. */
    public static final class Builder {
        private final Brand brand;
        private final DateRange period;
        private final Locale locale;
        private final LocalDate generatedOn;
        private Currency currency = Currency.getInstance("EUR");
        private final List<KpiTile> kpis = new ArrayList<>();
        private final List<ObjectiveProgress> objectives = new ArrayList<>();
        private final List<EngagementSeries> engagement = new ArrayList<>();
        private final List<PillarShare> pillarMix = new ArrayList<>();
        private BestTimes bestTimes = BestTimes.none();
        private final List<PostSummary> topPosts = new ArrayList<>();
        private final List<PostSummary> bottomPosts = new ArrayList<>();
        private final List<SentimentDay> sentiment = new ArrayList<>();
        private final List<ModerationCount> moderation = new ArrayList<>();

        private Builder(Brand brand, DateRange period, Locale locale, LocalDate generatedOn) {
            this.brand = brand;
            this.period = period;
            this.locale = locale;
            this.generatedOn = generatedOn;
        }

        /** The currency of money KPIs; EUR unless set. */
        public Builder currency(Currency value) {
            this.currency = value;
            return this;
        }

        public Builder kpi(KpiTile tile) {
            kpis.add(tile);
            return this;
        }

        public Builder objective(ObjectiveProgress progress) {
            objectives.add(progress);
            return this;
        }

        public Builder engagement(EngagementSeries series) {
            engagement.add(series);
            return this;
        }

        public Builder pillar(PillarShare share) {
            pillarMix.add(share);
            return this;
        }

        public Builder bestTimes(BestTimes value) {
            this.bestTimes = value;
            return this;
        }

        public Builder topPost(PostSummary post) {
            topPosts.add(post);
            return this;
        }

        public Builder bottomPost(PostSummary post) {
            bottomPosts.add(post);
            return this;
        }

        public Builder sentiment(SentimentDay day) {
            sentiment.add(day);
            return this;
        }

        public Builder moderation(ModerationCount count) {
            moderation.add(count);
            return this;
        }

        /** The report; fails with the record and field of the first invalid value. */
        public ClientReport build() {
            return new ClientReport(brand, period, locale, currency, generatedOn, kpis, objectives, engagement,
                    pillarMix, bestTimes, topPosts, bottomPosts, sentiment, moderation);
        }
    }
}
