package io.cmkit.analytics.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cmkit.analytics.aggregate.Aggregator;
import io.cmkit.analytics.aggregate.SnapshotColumns;
import io.cmkit.analytics.kpi.KpiCatalogue;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.kpi.Unavailability;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Brand;
import io.cmkit.core.model.ContentPillar;
import io.cmkit.core.model.EditorialLine;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Objective;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Strategy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectiveTrackerTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final DateRange FEBRUARY = DateRange.parse("2026-02");
    /** A quarter of February (7 of 28 days, no DST change) has elapsed: 2026-02-08 00:00 in Paris. */
    static final Clock QUARTER_IN = Clock.fixed(Instant.parse("2026-02-07T23:00:00Z"), ZoneOffset.UTC);

    private final ObjectiveTracker tracker = new ObjectiveTracker(PARIS, QUARTER_IN);

    private static ActualSource constant(double value) {
        return (target, from, to) -> KpiValue.of(value);
    }

    @ParameterizedTest(name = "{0} impressions after a quarter of the month: {1}, forecast {2}")
    @CsvSource({"9000, AHEAD, 36000", "7000, ON_TRACK, 28000", "6700, BEHIND, 26800", "6750, ON_TRACK, 27000"})
    @DisplayName("a cumulative target is expected at target × elapsed and forecast by its run rate")
    void cumulative(double actual, Pacing pacing, double forecast) {
        TargetProgress p = tracker.progress(KpiTarget.atLeast(Metric.IMPRESSIONS, 30_000, FEBRUARY), constant(actual));
        assertThat(p.elapsed()).isEqualTo(0.25);
        assertThat(p.expectedByNow()).isEqualTo(KpiValue.of(7_500));
        assertThat(p.pacing()).isEqualTo(pacing);
        assertThat(p.forecast().asDouble().getAsDouble()).isCloseTo(forecast, within(1e-9));
        assertThat(p.kind()).isEqualTo(KpiKind.CUMULATIVE);
    }

    @ParameterizedTest(name = "median response of {0} min against at most 60: {1}")
    @CsvSource({"50, AHEAD", "63, ON_TRACK", "70, BEHIND"})
    @DisplayName("a rate to stay at most is compared with the target itself, and forecast to stay")
    void rateAtMost(double actual, Pacing pacing) {
        TargetProgress p = tracker.progress(KpiTarget.atMost(Metric.RESPONSE_TIME_MEDIAN_MINUTES, 60, FEBRUARY),
                constant(actual));
        assertThat(p.kind()).isEqualTo(KpiKind.RATE);
        assertThat(p.expectedByNow()).isEqualTo(KpiValue.of(60));
        assertThat(p.forecast()).isEqualTo(KpiValue.of(actual));
        assertThat(p.pacing()).isEqualTo(pacing);
    }

    @Test
    @DisplayName("followers compare the growth since the start, not the whole audience")
    void level() {
        ActualSource source = new ActualSource() {
            @Override
            public KpiValue actual(KpiTarget target, java.time.LocalDate from, java.time.LocalDate to) {
                return KpiValue.of(10_400);
            }

            @Override
            public KpiValue levelAtStart(KpiTarget target, java.time.LocalDate from) {
                return KpiValue.of(10_000);
            }
        };
        TargetProgress p = tracker.progress(KpiTarget.atLeast(Metric.FOLLOWERS, 12_000, FEBRUARY), source);
        assertThat(p.kind()).isEqualTo(KpiKind.LEVEL);
        assertThat(p.expectedByNow()).isEqualTo(KpiValue.of(10_500));  // 10000 + 2000 × 0.25
        assertThat(p.pacing()).isEqualTo(Pacing.BEHIND);                // +400 against +500
        assertThat(p.forecast()).isEqualTo(KpiValue.of(11_600));        // 10000 + 400 / 0.25
        assertThat(p.forecastMeetsTarget()).isFalse();
    }

    @Test
    @DisplayName("before the period it has not started; after it, met or missed; without data, unknown")
    void edges() {
        KpiTarget march = KpiTarget.atLeast(Metric.IMPRESSIONS, 100, DateRange.parse("2026-03"));
        assertThat(tracker.progress(march, constant(5)).pacing()).isEqualTo(Pacing.NOT_STARTED);
        // Exactly at the first instant nothing has elapsed: not started, no forecast, no division by zero.
        ObjectiveTracker atStart = new ObjectiveTracker(PARIS, Clock.fixed(Instant.parse("2026-01-31T23:00:00Z"), ZoneOffset.UTC));
        TargetProgress first = atStart.progress(KpiTarget.atLeast(Metric.IMPRESSIONS, 100, FEBRUARY), constant(0));
        assertThat(first.pacing()).isEqualTo(Pacing.NOT_STARTED);
        assertThat(first.forecast().isAvailable()).isFalse();
        KpiTarget january = KpiTarget.atLeast(Metric.IMPRESSIONS, 100, DateRange.parse("2026-01"));
        assertThat(tracker.progress(january, constant(100)).pacing()).isEqualTo(Pacing.MET);
        assertThat(tracker.progress(january, constant(99)).pacing()).isEqualTo(Pacing.MISSED);
        TargetProgress unknown = tracker.progress(KpiTarget.atLeast(Metric.IMPRESSIONS, 100, FEBRUARY),
                (t, f, to) -> KpiValue.notAvailable(new Unavailability.NotExposed(Metric.IMPRESSIONS, List.of(Platform.MASTODON))));
        assertThat(unknown.pacing()).isEqualTo(Pacing.UNKNOWN);
        assertThat(unknown.explanation()).isEqualTo("actual not available: impressions: not provided by Mastodon");
        Objective both = new Objective("awareness", "Be seen", List.of(january,
                KpiTarget.atLeast(Metric.IMPRESSIONS, 30_000, FEBRUARY)));
        assertThat(tracker.track(both, constant(9_000)).pacing()).isEqualTo(Pacing.AHEAD);
        assertThat(tracker.track(both, constant(50)).pacing()).isEqualTo(Pacing.MISSED);
    }

    @Test
    @DisplayName("actuals read from snapshots: X impressions over the elapsed days of February")
    void fromSnapshots() {
        Account x = new Account(Platform.X, "cafe");
        Account mastodon = new Account(Platform.MASTODON, "cafe@mastodon.social");
        Brand brand = new Brand("cafe", "Café", PARIS, Locale.FRENCH, List.of(x, mastodon));
        List<MetricSnapshot> snapshots = List.of(
                snap(x, "p1", "2026-02-02T10:00:00Z", 1_000),
                snap(x, "p1", "2026-02-06T10:00:00Z", 2_500),
                snap(x, "p2", "2026-02-07T10:00:00Z", 500),
                snap(x, "p2", "2026-02-20T10:00:00Z", 9_000),   // after now: the tracker does not read it
                new MetricSnapshot(mastodon, Optional.of("m1"), Instant.parse("2026-02-03T10:00:00Z"), Map.of(Metric.LIKES, 3L)));
        CounterActuals actuals = new CounterActuals(new Aggregator(brand), SnapshotColumns.of(snapshots),
                DateRange.parse("2026-01-25..2026-02-28"), KpiCatalogue.euros());
        TargetProgress onX = tracker.progress(new KpiTarget(Metric.IMPRESSIONS, 10_000, KpiTarget.Direction.AT_LEAST,
                FEBRUARY, Optional.of(Platform.X)), actuals);
        assertThat(onX.actual()).isEqualTo(KpiValue.of(3_000));
        assertThat(onX.pacing()).isEqualTo(Pacing.AHEAD);                // 3000 against 2500
        assertThat(onX.forecast()).isEqualTo(KpiValue.of(12_000));
        TargetProgress everywhere = tracker.progress(KpiTarget.atLeast(Metric.IMPRESSIONS, 10_000, FEBRUARY), actuals);
        assertThat(everywhere.pacing()).isEqualTo(Pacing.UNKNOWN);
        assertThat(everywhere.explanation()).contains("not by Mastodon");
        TargetProgress likes = tracker.progress(new KpiTarget(Metric.LIKES, 12, KpiTarget.Direction.AT_LEAST, FEBRUARY,
                Optional.of(Platform.MASTODON)), actuals);
        assertThat(likes.actual()).isEqualTo(KpiValue.of(3));          // a raw counter, cumulative
    }

    @Test
    @DisplayName("a strategy without objectives gives an empty list, not an error")
    void noObjectives() {
        Brand brand = new Brand("cafe", "Café", PARIS, Locale.FRENCH, List.of(new Account(Platform.X, "cafe")));
        Strategy strategy = new Strategy(brand, List.of(), List.of(), new EditorialLine("warm", List.of(Locale.FRENCH),
                List.of(new ContentPillar("coffee", 100, "")), List.of(), List.of(), List.of()));
        assertThat(tracker.track(strategy, constant(1))).isEmpty();
    }

    private static MetricSnapshot snap(Account a, String post, String at, long impressions) {
        return new MetricSnapshot(a, Optional.of(post), Instant.parse(at), Map.of(Metric.IMPRESSIONS, impressions));
    }
}
