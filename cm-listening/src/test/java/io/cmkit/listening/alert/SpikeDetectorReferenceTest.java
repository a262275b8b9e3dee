package io.cmkit.listening.alert;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector's rings and running estimates against a plain re-computation from the whole history
 * of counts (slots read with {@code ZonedDateTime}), on seeded random series with quiet stretches,
 * several updates per bucket and a daylight-saving change.
 */
class SpikeDetectorReferenceTest {

    @ParameterizedTest(name = "bucket {0} min, seed {1}")
    @CsvSource({"60, 1", "60, 2", "30, 3", "120, 4"})
    @DisplayName("the detector raises exactly the spikes a from-scratch computation over the whole history finds")
    void sameSpikesAsReference(int bucketMinutes, long seed) {
        SpikeConfig config = SpikeConfig.defaults().withZone(ZoneId.of("Europe/Paris"))
                .withBucket(Duration.ofMinutes(bucketMinutes)).withHistory(3, 2).withCooldown(Duration.ofHours(3));
        Random random = new Random(seed);
        long bucketMillis = bucketMinutes * 60_000L;
        long align = 3_600_000L;   // Paris' standard offset
        long first = Math.floorDiv(Instant.parse("2026-03-01T00:00:00Z").toEpochMilli() + align, bucketMillis);
        int buckets = (int) (Duration.ofDays(42).toMillis() / bucketMillis);
        // Updates: per bucket 0 to 3 updates, a daily cycle, rare bursts, and quiet stretches of up to two days.
        List<long[]> updates = new ArrayList<>();   // {bucket offset, epochMilli, amount}
        int quietUntil = -1;
        for (int t = 0; t < buckets; t++) {
            if (t > quietUntil && random.nextInt(400) == 0) {
                quietUntil = t + random.nextInt((int) (Duration.ofDays(2).toMillis() / bucketMillis));
            }
            if (t <= quietUntil) {
                continue;
            }
            int parts = 1 + random.nextInt(3);
            double hour = ((t * bucketMinutes) / 60.0) % 24;
            long level = Math.round((8 + 6 * Math.cos(2 * Math.PI * (hour - 14) / 24)) * bucketMinutes / 60.0);
            long total = Math.max(0, level + random.nextInt(5) - 2) + (random.nextInt(150) == 0 ? 40 + random.nextInt(60) : 0);
            for (int p = 0; p < parts; p++) {
                long amount = p == parts - 1 ? total : random.nextInt((int) total + 1);
                total -= amount;
                long at = (first + t) * bucketMillis - align + (p * bucketMillis) / parts;
                updates.add(new long[] {t, at, amount});
            }
        }

        SpikeDetector detector = new SpikeDetector(config);
        int id = detector.series(new SeriesKey(SeriesKey.Scope.QUERY, "q", SeriesKey.Measure.VOLUME));
        List<String> actual = new ArrayList<>();
        for (long[] u : updates) {
            detector.add(id, u[1], u[2]).ifPresent(s -> actual.add(describe(s.bucketStart(), s.observed(), s.threshold())));
        }
        List<String> expected = reference(config, first, buckets, updates, align);
        assertThat(expected).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
    }

    private static String describe(Instant start, long observed, double threshold) {
        return start + " " + observed + " " + threshold;
    }

    private static List<String> reference(SpikeConfig config, long first, int buckets, List<long[]> updates, long align) {
        long bucketMillis = config.bucket().toMillis();
        int bucketMinutes = (int) (bucketMillis / 60_000);
        int slots = config.bucketsPerWeek();
        int perDay = config.bucketsPerDay();
        int window = Math.max(24, Math.min(slots, 672));
        int rhoPeriod = Math.max(1, Math.min(perDay, 96));
        long cooldown = Math.max(1, config.cooldownBuckets());
        long[] counts = new long[buckets];
        for (long[] u : updates) {
            counts[(int) u[0]] += u[2];
        }
        int firstUpdated = (int) updates.get(0)[0];
        int lastUpdated = (int) updates.get(updates.size() - 1)[0];
        int[] slot = new int[buckets];
        for (int t = 0; t < buckets; t++) {
            ZonedDateTime local = Instant.ofEpochMilli((first + t) * bucketMillis - align).atZone(config.zone());
            slot[t] = ((local.getDayOfWeek().getValue() - 1) * 1440 + local.getHour() * 60 + local.getMinute()) / bucketMinutes;
        }
        List<Double> relative = new ArrayList<>();
        List<Double> poisson = new ArrayList<>();
        double rho = 0;
        double dispersion = 1;
        int closedSinceRho = 0;
        long silentUntil = Long.MIN_VALUE;
        List<String> spikes = new ArrayList<>();
        int next = 0;
        for (int t = firstUpdated; t <= lastUpdated; t++) {
            List<Double> sameSlot = new ArrayList<>();
            for (int u = t - 1; u >= firstUpdated && sameSlot.size() < config.historyWeeks(); u--) {
                if (slot[u] == slot[t]) {
                    sameSlot.add((double) counts[u]);
                }
            }
            List<Double> values = sameSlot;
            if (sameSlot.size() < config.minimumHistory()) {
                values = new ArrayList<>();
                for (int day = 1; day <= 7 && day * perDay <= Math.min(t - firstUpdated, slots); day++) {
                    values.add((double) counts[t - day * perDay]);
                }
                if (values.size() < config.minimumDays()) {
                    values = List.of();
                }
            }
            boolean hasBaseline = !values.isEmpty();
            double median = 0;
            long alarm = Long.MAX_VALUE;
            double threshold = 0;
            if (hasBaseline) {
                median = median(values);
                List<Double> deviations = new ArrayList<>();
                for (double v : values) {
                    deviations.add(Math.abs(v - median));
                }
                double mad = median(deviations);
                double scale = Math.max(Math.max(1.4826 * mad, dispersion * Math.sqrt(median)),
                        Math.max(rho * median, config.minimumScale()));
                threshold = median + config.thresholdScales() * scale;
                if (t + first >= silentUntil) {
                    alarm = Math.max(config.minimumVolume(), (long) Math.floor(threshold) + 1);
                }
            }
            long cumulative = 0;
            while (next < updates.size() && updates.get(next)[0] == t) {
                cumulative += updates.get(next)[2];
                next++;
                if (cumulative >= alarm) {
                    spikes.add(describe(Instant.ofEpochMilli((first + t) * bucketMillis - align), cumulative, threshold));
                    alarm = Long.MAX_VALUE;
                    silentUntil = t + first + cooldown;
                }
            }
            if (hasBaseline && median >= 1) {
                relative.add(Math.abs(counts[t] - median) / median);
                poisson.add(Math.abs(counts[t] - median) / Math.sqrt(median));
                if (relative.size() > window) {
                    relative.remove(0);
                    poisson.remove(0);
                }
                if (++closedSinceRho >= rhoPeriod || relative.size() < window) {
                    closedSinceRho = 0;
                    rho = 1.4826 * median(relative);
                    dispersion = Math.max(1, 1.4826 * median(poisson));
                }
            }
        }
        return spikes;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
