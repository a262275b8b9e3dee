package io.cmkit.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.Platform;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KpiCatalogueTest {

    private final KpiCatalogue catalogue = KpiCatalogue.euros();

    /** A sponsored X post's week: every counter exposed. */
    private static Counters xWeek() {
        Map<Metric, Long> changes = new HashMap<>();
        changes.put(Metric.IMPRESSIONS, 20_000L);
        changes.put(Metric.REACH, 8_000L);
        changes.put(Metric.LIKES, 300L);
        changes.put(Metric.SHARES, 40L);
        changes.put(Metric.COMMENTS, 25L);
        changes.put(Metric.QUOTES, 10L);
        changes.put(Metric.SAVES, 25L);
        changes.put(Metric.CLICKS, 160L);
        changes.put(Metric.VIDEO_VIEWS, 5_000L);
        changes.put(Metric.SPEND_CENTS, 12_000L);
        changes.put(Metric.FOLLOWERS, 100L);
        return new Counters(changes, Map.of(Metric.FOLLOWERS, 4_900L), Map.of(Metric.FOLLOWERS, 5_000L), Map.of(), 4, 168);
    }

    private double value(Kpi kpi, Counters c) {
        KpiValue v = catalogue.compute(kpi, c);
        assertThat(v.isAvailable()).as(kpi + " " + v).isTrue();
        return v.asDouble().getAsDouble();
    }

    @Test
    @DisplayName("counts, engagements and engagement rates follow their formulas")
    void countsAndEngagementRates() {
        Counters c = xWeek();
        assertThat(value(Kpi.IMPRESSIONS, c)).isEqualTo(20_000);
        assertThat(value(Kpi.REACH, c)).isEqualTo(8_000);
        // 300 likes + 40 shares + 25 comments + 10 quotes + 25 saves
        assertThat(value(Kpi.ENGAGEMENTS, c)).isEqualTo(400);
        assertThat(value(Kpi.ENGAGEMENT_RATE_BY_REACH, c)).isEqualTo(0.05);        // 400 / 8000
        assertThat(value(Kpi.ENGAGEMENT_RATE_BY_IMPRESSIONS, c)).isEqualTo(0.02);  // 400 / 20000
        assertThat(value(Kpi.ENGAGEMENT_RATE_BY_FOLLOWERS, c)).isEqualTo(0.08);    // 400 / 5000
    }

    @Test
    @DisplayName("Kaushik's amplification, applause and conversation rates are per post and per follower")
    void kaushikRates() {
        Counters c = xWeek();
        // (40 shares + 10 quotes) / 4 posts / 5000 followers = 0.0025
        assertThat(value(Kpi.AMPLIFICATION_RATE, c)).isCloseTo(0.0025, within(1e-12));
        // (300 likes + 25 saves) / 4 / 5000 = 0.01625
        assertThat(value(Kpi.APPLAUSE_RATE, c)).isCloseTo(0.01625, within(1e-12));
        // 25 comments / 4 / 5000 = 0.00125
        assertThat(value(Kpi.CONVERSATION_RATE, c)).isCloseTo(0.00125, within(1e-12));
    }

    @Test
    @DisplayName("followers, follower growth, CTR and video view rate")
    void followersAndRates() {
        Counters c = xWeek();
        assertThat(value(Kpi.FOLLOWERS, c)).isEqualTo(5_000);
        assertThat(value(Kpi.FOLLOWER_GROWTH_RATE, c)).isCloseTo(100.0 / 4_900, within(1e-12));
        assertThat(value(Kpi.CLICK_THROUGH_RATE, c)).isEqualTo(0.008);           // 160 / 20000
        assertThat(value(Kpi.VIDEO_VIEW_RATE, c)).isEqualTo(0.25);               // 5000 / 20000
    }

    @Test
    @DisplayName("costs read spend in cents and come out in euros: CPM, CPC, CPE")
    void costs() {
        Counters c = xWeek();
        assertThat(value(Kpi.CPM, c)).isCloseTo(6.0, within(1e-12));   // 120 EUR / 20000 × 1000
        assertThat(value(Kpi.CPC, c)).isCloseTo(0.75, within(1e-12));  // 120 / 160
        assertThat(value(Kpi.CPE, c)).isCloseTo(0.30, within(1e-12));  // 120 / 400
        KpiCatalogue yen = new KpiCatalogue(Currency.getInstance("JPY"));
        assertThat(yen.compute(Kpi.CPC, c).asDouble().getAsDouble()).isCloseTo(75.0, within(1e-12)); // no minor unit
    }

    @Test
    @DisplayName("a Mastodon week has no impressions, clicks or spend: those KPIs are not available, never 0")
    void notAvailableOnMastodon() {
        Counters mastodon = new Counters(Map.of(Metric.LIKES, 30L, Metric.SHARES, 12L, Metric.COMMENTS, 8L),
                Map.of(Metric.FOLLOWERS, 1_000L), Map.of(Metric.FOLLOWERS, 1_000L),
                Map.of(Metric.IMPRESSIONS, new Unavailability.NotExposed(Metric.IMPRESSIONS, List.of(Platform.MASTODON))), 2, 10);
        assertThat(value(Kpi.ENGAGEMENTS, mastodon)).isEqualTo(50);
        KpiValue er = catalogue.compute(Kpi.ENGAGEMENT_RATE_BY_IMPRESSIONS, mastodon);
        assertThat(er).isEqualTo(KpiValue.notAvailable(new Unavailability.NotExposed(Metric.IMPRESSIONS, List.of(Platform.MASTODON))));
        assertThat(catalogue.compute(Kpi.CPM, mastodon).isAvailable()).isFalse();
        assertThat(catalogue.compute(Kpi.CLICK_THROUGH_RATE, mastodon))
                .isEqualTo(KpiValue.notAvailable(new Unavailability.NotReported(Metric.CLICKS)));
        assertThat(value(Kpi.FOLLOWER_GROWTH_RATE, mastodon)).isEqualTo(0.0);   // a real 0: no change
    }

    @Test
    @DisplayName("a zero denominator is not available with its name, not NaN or infinity")
    void zeroDenominator() {
        Counters quiet = new Counters(Map.of(Metric.LIKES, 0L, Metric.REACH, 0L), Map.of(), Map.of(), Map.of(), 0, 3);
        assertThat(catalogue.compute(Kpi.ENGAGEMENT_RATE_BY_REACH, quiet)).isEqualTo(KpiValue.notAvailable(new Unavailability.Zero(Metric.REACH)));
        assertThat(catalogue.compute(Kpi.APPLAUSE_RATE, quiet))
                .isEqualTo(KpiValue.notAvailable(new Unavailability.NoPostPublished()));
        assertThat(catalogue.compute(Kpi.FOLLOWERS, quiet)).isEqualTo(KpiValue.notAvailable(new Unavailability.NotReported(Metric.FOLLOWERS)));
    }

    @Test
    @DisplayName("a period without any snapshot says so")
    void noSnapshot() {
        Counters empty = new Counters(Map.of(), Map.of(), Map.of(), Map.of(), 0, 0);
        assertThat(catalogue.compute(Kpi.IMPRESSIONS, empty)).isEqualTo(KpiValue.notAvailable(new Unavailability.NoSnapshotInPeriod()));
    }

    @Test
    @DisplayName("inbox and listening KPIs are refused by the counter catalogue, naming the source")
    void refusesOtherSources() {
        assertThatThrownBy(() -> catalogue.compute(Kpi.RESPONSE_RATE, xWeek()))
                .isInstanceOf(AnalyticsException.class)
                .hasMessage("kpi response_rate is computed from INBOX, not from counters")
                .extracting(e -> ((AnalyticsException) e).field()).isEqualTo("kpi");
    }

    @Test
    @DisplayName("values are finite: NaN cannot be built")
    void noNaN() {
        assertThatThrownBy(() -> KpiValue.of(Double.NaN)).isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("KpiValue.value must be a finite number");
    }

    @Test
    @DisplayName("every KPI has a formula and a source, and objectives find them by metric")
    void catalogueIsDocumented() {
        for (Kpi kpi : Kpi.values()) {
            assertThat(kpi.formula()).isNotBlank();
            assertThat(kpi.reference()).isNotBlank();
            assertThat(Kpi.forMetric(kpi.metric())).contains(kpi);
        }
        assertThat(Kpi.forMetric(Metric.ENGAGEMENT_RATE)).contains(Kpi.ENGAGEMENT_RATE_BY_REACH);
        assertThat(Kpi.forMetric(Metric.RESPONSE_TIME_MEDIAN_MINUTES)).contains(Kpi.RESPONSE_TIME_MEDIAN);
    }
}
