package io.cmkit.listening.alert;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpikeDetectorTest {

    private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
    private static final long HOUR = 3_600_000L;
    private static final SeriesKey KEY = new SeriesKey(SeriesKey.Scope.BRAND, "cafe", SeriesKey.Measure.VOLUME);

    /** Feeds hourly buckets from MONDAY, value per bucket index, as one update each; returns the spikes. */
    private static List<Spike> feed(SpikeDetector detector, int buckets, LongUnaryOperator value) {
        int id = detector.series(KEY);
        List<Spike> spikes = new ArrayList<>();
        for (int t = 0; t < buckets; t++) {
            detector.add(id, MONDAY.toEpochMilli() + t * HOUR, value.applyAsLong(t)).ifPresent(spikes::add);
        }
        return spikes;
    }

    @Test
    @DisplayName("nothing alerts before a baseline exists, however large the count")
    void noBaselineNoAlert() {
        SpikeDetector detector = new SpikeDetector(SpikeConfig.defaults());
        assertThat(feed(detector, 48, t -> t == 40 ? 10_000 : 20)).isEmpty();
    }

    @Test
    @DisplayName("a bucket alerts, once, at the first update that lifts it above median + 4 scales of its weekly slot")
    void seasonalThreshold() {
        SpikeDetector detector = new SpikeDetector(SpikeConfig.defaults());
        assertThat(feed(detector, 3 * 168, t -> 20)).isEmpty();
        int id = detector.series(KEY);
        long at = MONDAY.toEpochMilli() + 3 * 168 * HOUR + 10 * 60_000;
        List<Spike> spikes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            detector.add(id, at, 1).ifPresent(spikes::add);
        }
        // Flat history: MAD 0, no relative error, so the scale is sqrt(20) and the threshold 20 + 4 × 4.47.
        assertThat(spikes).hasSize(1);
        Spike spike = spikes.get(0);
        assertThat(spike.baselineKind()).isEqualTo(Spike.BaselineKind.SEASONAL);
        assertThat(spike.baseline()).isEqualTo(20);
        assertThat(spike.scale()).isCloseTo(Math.sqrt(20), within(1e-9));
        assertThat(spike.threshold()).isCloseTo(20 + 4 * Math.sqrt(20), within(1e-9));
        assertThat(spike.observed()).isEqualTo(38);
        assertThat(spike.bucketStart()).isEqualTo(MONDAY.plus(Duration.ofHours(3 * 168)));
        assertThat(spike.ratio()).isEqualTo(1.9);
        assertThat(detector.openCount(id)).contains(60L);
    }

    @Test
    @DisplayName("the weekly slot is day of week × hour: a busy Monday 9:00 is normal once weeks are known, the same count on Tuesday is a spike")
    void weeklySlots() {
        LongUnaryOperator mondayNine = t -> t % 168 == 9 ? 200 : 20;
        // The second Monday still has only the time-of-day baseline (other days at 9:00 were quiet): it alerts once.
        assertThat(feed(new SpikeDetector(SpikeConfig.defaults()), 4 * 168, mondayNine))
                .singleElement().satisfies(s -> {
                    assertThat(s.bucketStart()).isEqualTo(MONDAY.plus(Duration.ofHours(168 + 9)));
                    assertThat(s.baselineKind()).isEqualTo(Spike.BaselineKind.TIME_OF_DAY);
                });
        List<Spike> spikes = feed(new SpikeDetector(SpikeConfig.defaults()), 4 * 168,
                t -> t == 3 * 168 + 24 + 9 ? 200 : mondayNine.applyAsLong(t));
        assertThat(spikes).extracting(Spike::bucketStart)
                .containsExactly(MONDAY.plus(Duration.ofHours(168 + 9)), MONDAY.plus(Duration.ofHours(3 * 168 + 33)));
        assertThat(spikes.get(1).baselineKind()).isEqualTo(Spike.BaselineKind.SEASONAL);
    }

    @Test
    @DisplayName("before two weeks of history, the same time of day over the last days is the baseline")
    void timeOfDayBaseline() {
        List<Spike> spikes = feed(new SpikeDetector(SpikeConfig.defaults()), 5 * 24, t -> t == 4 * 24 + 14 ? 200 : 20);
        assertThat(spikes).singleElement().satisfies(s -> {
            assertThat(s.baselineKind()).isEqualTo(Spike.BaselineKind.TIME_OF_DAY);
            assertThat(s.bucketStart()).isEqualTo(MONDAY.plus(Duration.ofHours(4 * 24 + 14)));
        });
        // Only three days are needed: on the third day there are two, so nothing alerts yet.
        assertThat(feed(new SpikeDetector(SpikeConfig.defaults()), 3 * 24, t -> t == 2 * 24 + 14 ? 200 : 20)).isEmpty();
    }

    @Test
    @DisplayName("a quiet series needs the minimum volume: 9 mentions against 1 do not alert, 10 do")
    void minimumVolume() {
        assertThat(feed(new SpikeDetector(SpikeConfig.defaults()), 3 * 168 + 1, t -> t == 3 * 168 ? 9 : 1)).isEmpty();
        assertThat(feed(new SpikeDetector(SpikeConfig.defaults()), 3 * 168 + 1, t -> t == 3 * 168 ? 10 : 1)).hasSize(1);
        assertThat(feed(new SpikeDetector(SpikeConfig.defaults().withMinimumVolume(50)), 3 * 168 + 1,
                t -> t == 3 * 168 ? 49 : 1)).isEmpty();
    }

    @Test
    @DisplayName("after an alert the series is silent for the cooldown (6 hours by default), then alerts again")
    void cooldown() {
        int from = 3 * 168;
        List<Spike> spikes = feed(new SpikeDetector(SpikeConfig.defaults()), from + 8, t -> t >= from ? 500 : 20);
        assertThat(spikes).extracting(Spike::bucketStart)
                .containsExactly(MONDAY.plus(Duration.ofHours(from)), MONDAY.plus(Duration.ofHours(from + 6)));
        List<Spike> noCooldown = feed(new SpikeDetector(SpikeConfig.defaults().withCooldown(Duration.ZERO)), from + 3,
                t -> t >= from ? 500 : 20);
        assertThat(noCooldown).hasSize(3);
    }

    @Test
    @DisplayName("updates for a bucket older than the open one are counted as late and change nothing")
    void lateUpdates() {
        SpikeDetector detector = new SpikeDetector(SpikeConfig.defaults());
        int id = detector.series(KEY);
        detector.add(id, MONDAY.toEpochMilli() + 2 * HOUR, 5);
        assertThat(detector.add(id, MONDAY.toEpochMilli(), 1_000)).isEmpty();
        assertThat(detector.lateUpdates()).isEqualTo(1);
        assertThat(detector.openCount(id)).contains(5L);
    }

    @Test
    @DisplayName("buckets without updates count as zero, also when advanceTo closes them")
    void emptyBuckets() {
        SpikeDetector detector = new SpikeDetector(SpikeConfig.defaults());
        int id = detector.series(KEY);
        detector.add(id, MONDAY.toEpochMilli(), 30);
        detector.advanceTo(MONDAY.plus(Duration.ofDays(30)));
        assertThat(detector.openCount(id)).contains(0L);
        assertThat(detector.openBaseline(id)).contains(0.0);
        // Against a baseline of zero, the minimum volume decides.
        assertThat(detector.add(id, MONDAY.plus(Duration.ofDays(30)).toEpochMilli(), 10)).isPresent();
    }

    @Test
    @DisplayName("weekly slots follow local time across daylight saving: a daily 9:00 peak in Paris stays normal after the change")
    void daylightSaving() {
        Instant start = Instant.parse("2026-03-02T00:00:00Z");   // four weeks before the change of 2026-03-29
        LongUnaryOperator parisNine = t -> start.plusMillis(t * HOUR).atZone(ZoneId.of("Europe/Paris")).getHour() == 9 ? 200 : 20;
        int buckets = 5 * 168;
        SpikeDetector paris = new SpikeDetector(SpikeConfig.defaults().withZone(ZoneId.of("Europe/Paris")));
        SpikeDetector utc = new SpikeDetector(SpikeConfig.defaults().withZone(ZoneOffset.UTC));
        List<Spike> parisSpikes = new ArrayList<>();
        List<Spike> utcSpikes = new ArrayList<>();
        int p = paris.series(KEY);
        int u = utc.series(KEY);
        for (int t = 0; t < buckets; t++) {
            long at = start.toEpochMilli() + t * HOUR;
            paris.add(p, at, parisNine.applyAsLong(t)).ifPresent(parisSpikes::add);
            utc.add(u, at, parisNine.applyAsLong(t)).ifPresent(utcSpikes::add);
        }
        assertThat(parisSpikes).isEmpty();
        assertThat(utcSpikes).isNotEmpty().allSatisfy(s -> assertThat(s.bucketStart()).isAfter(Instant.parse("2026-03-29T00:00:00Z")));
    }

    @Test
    @DisplayName("buckets are aligned on the zone's standard offset: hours in Paris start on the local hour")
    void alignment() {
        SpikeDetector detector = new SpikeDetector(SpikeConfig.defaults().withZone(ZoneId.of("Asia/Kolkata")));
        Instant at = Instant.parse("2026-01-05T10:20:00Z");   // 15:50 in Kolkata (+05:30)
        assertThat(detector.bucketStart(detector.bucketOf(at))).isEqualTo(Instant.parse("2026-01-05T09:30:00Z"));
    }

    @Test
    @DisplayName("bad configurations and updates are refused, naming the field and the value")
    void errors() {
        assertThatThrownBy(() -> SpikeConfig.defaults().withBucket(Duration.ofMinutes(7)))
                .hasMessageContaining("SpikeConfig.bucket").hasMessageContaining("PT7M");
        assertThatThrownBy(() -> SpikeConfig.defaults().withBucket(Duration.ofSeconds(30))).hasMessageContaining("PT30S");
        assertThatThrownBy(() -> SpikeConfig.defaults().withHistory(4, 5))
                .hasMessage("SpikeConfig.minimumHistory must lie in 1..historyWeeks (4), got 5");
        assertThatThrownBy(() -> SpikeConfig.defaults().withThreshold(0, 1)).hasMessageContaining("thresholdScales");
        assertThatThrownBy(() -> SpikeConfig.defaults().withCooldown(Duration.ofHours(-1))).hasMessageContaining("cooldown");
        SpikeDetector detector = new SpikeDetector(SpikeConfig.defaults());
        assertThatThrownBy(() -> detector.add(detector.series(KEY), 0, -1)).hasMessageContaining("got -1");
        assertThatThrownBy(() -> detector.add(7, 0, 1)).hasMessage("no series with index 7 (1 registered)");
        assertThat(detector.add(KEY, MONDAY, 1)).isEqualTo(Optional.empty());
    }
}
