package io.cmkit.listening.tools;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Seeded synthetic mention-volume series: a daily cycle, a weekend dip, a linear trend,
 * multiplicative log-normal noise and Poisson counts, with planted spikes of known start, length
 * and size. Same spec, same series.
 *
 * <p>Expected level of bucket {@code t} at local hour {@code h}: {@code base × (1 + dailyAmplitude ×
 * cos(2π(h − 14)/24)) × (weekend ? 1 − weekendDip : 1) × (1 + trendPerWeek × t / bucketsPerWeek)},
 * scaled to the bucket length (base is per hour). A spike of size {@code m} starting at {@code s}
 * adds {@code (m − 1) × level(s) × 0.5^k} to bucket {@code s + k}, for {@code k} below its length.
 */
public final class SyntheticSeries {

    /**
     * What to generate.
     *
     * @param seed the random seed
     * @param start the first bucket's start
     * @param zone where the hours of the daily cycle and the weekend are read
     * @param bucket bucket length
     * @param weeks how many weeks
     * @param baseLevel mean mentions per hour before cycles and trend (> 0)
     * @param dailyAmplitude relative swing of the daily cycle, peak at 14:00 (0..1)
     * @param weekendDip relative drop on Saturdays and Sundays (0..1)
     * @param trendPerWeek relative growth per week (> -1 / weeks)
     * @param noise standard deviation of the log-normal factor on each bucket's level (>= 0)
     * @param spikes how many spikes to plant
     * @param warmupWeeks weeks at the start without spikes (a detector's history)
     * @param minSpikeSize smallest size: the spike's first bucket against the expected level (> 1)
     * @param maxSpikeSize largest size
     * @param maxSpikeBuckets longest spike, in buckets (>= 1); lengths are drawn in 1..max
     */
    public record Spec(long seed, Instant start, ZoneId zone, Duration bucket, int weeks, double baseLevel,
                       double dailyAmplitude, double weekendDip, double trendPerWeek, double noise, int spikes,
                       int warmupWeeks, double minSpikeSize, double maxSpikeSize, int maxSpikeBuckets) {

        public Spec {
            Objects.requireNonNull(start, "Spec.start");
            Objects.requireNonNull(zone, "Spec.zone");
            Objects.requireNonNull(bucket, "Spec.bucket");
            if (weeks < 1 || warmupWeeks < 0 || warmupWeeks >= weeks) {
                throw new IllegalArgumentException("Spec: weeks must be at least 1 and warmupWeeks in 0..weeks-1, got "
                        + weeks + " and " + warmupWeeks);
            }
            if (!(baseLevel > 0) || !(dailyAmplitude >= 0 && dailyAmplitude < 1) || !(weekendDip >= 0 && weekendDip < 1)
                    || !(noise >= 0) || !(minSpikeSize > 1) || !(maxSpikeSize >= minSpikeSize) || maxSpikeBuckets < 1
                    || spikes < 0 || !(trendPerWeek * weeks > -1)) {
                throw new IllegalArgumentException("Spec: a parameter is out of range: " + this);
            }
        }

        /** Eight hourly weeks in UTC from Monday 2026-01-05, 40 mentions an hour, 6 spikes of size 3 to 8 after 3 weeks. */
        public static Spec defaults(long seed) {
            return new Spec(seed, Instant.parse("2026-01-05T00:00:00Z"), ZoneOffset.UTC, Duration.ofHours(1), 8, 40,
                    0.7, 0.3, 0.03, 0.15, 6, 3, 3, 8, 4);
        }

        public Spec withSeed(long value) {
            return new Spec(value, start, zone, bucket, weeks, baseLevel, dailyAmplitude, weekendDip, trendPerWeek, noise,
                    spikes, warmupWeeks, minSpikeSize, maxSpikeSize, maxSpikeBuckets);
        }

        public Spec withLevel(double base, double noiseSigma) {
            return new Spec(seed, start, zone, bucket, weeks, base, dailyAmplitude, weekendDip, trendPerWeek, noiseSigma,
                    spikes, warmupWeeks, minSpikeSize, maxSpikeSize, maxSpikeBuckets);
        }
    }

    /** One bucket's count. */
    public record Point(Instant at, long value) { }

    /** A planted spike: its first bucket (index and start), length, size and the mentions it added. */
    public record PlantedSpike(int bucket, Instant start, int buckets, double size, long extra) { }

    /** The generated series and what was planted in it. */
    public record Series(List<Point> points, List<PlantedSpike> spikes) {
        public Series {
            points = List.copyOf(points);
            spikes = List.copyOf(spikes);
        }
    }

    private SyntheticSeries() {
    }

    /** Generates a series from a spec. */
    public static Series generate(Spec spec) {
        Random random = new Random(spec.seed());
        long bucketMillis = spec.bucket().toMillis();
        int perWeek = (int) (Duration.ofDays(7).toMillis() / bucketMillis);
        int n = perWeek * spec.weeks();
        double[] level = new double[n];
        for (int t = 0; t < n; t++) {
            level[t] = expected(spec, t, perWeek, bucketMillis);
        }
        double[] extra = new double[n];
        List<PlantedSpike> planted = new ArrayList<>();
        int first = spec.warmupWeeks() * perWeek;
        int spacing = Math.max(48, 2 * spec.maxSpikeBuckets() + 8);
        int attempts = 0;
        while (planted.size() < spec.spikes() && attempts++ < 10_000) {
            int start = first + random.nextInt(n - first - spec.maxSpikeBuckets());
            if (planted.stream().anyMatch(p -> Math.abs(p.bucket() - start) < spacing)) {
                continue;
            }
            int length = 1 + random.nextInt(spec.maxSpikeBuckets());
            double size = spec.minSpikeSize() + random.nextDouble() * (spec.maxSpikeSize() - spec.minSpikeSize());
            long added = 0;
            for (int k = 0; k < length; k++) {
                double more = (size - 1) * level[start] * Math.pow(0.5, k);
                extra[start + k] += more;
                added += Math.round(more);
            }
            planted.add(new PlantedSpike(start, spec.start().plusMillis(start * bucketMillis), length, size, added));
        }
        planted.sort((a, b) -> Integer.compare(a.bucket(), b.bucket()));
        List<Point> points = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            double factor = Math.exp(spec.noise() * random.nextGaussian() - spec.noise() * spec.noise() / 2);
            long value = poisson(level[t] * factor, random) + Math.round(extra[t]);
            points.add(new Point(spec.start().plusMillis(t * bucketMillis), value));
        }
        return new Series(points, planted);
    }

    static double expected(Spec spec, int t, int perWeek, long bucketMillis) {
        ZonedDateTime local = spec.start().plusMillis(t * bucketMillis).atZone(spec.zone());
        double hour = local.getHour() + local.getMinute() / 60.0;
        double daily = 1 + spec.dailyAmplitude() * Math.cos(2 * Math.PI * (hour - 14) / 24);
        int dow = local.getDayOfWeek().getValue();
        double weekly = dow >= 6 ? 1 - spec.weekendDip() : 1;
        double trend = 1 + spec.trendPerWeek() * t / perWeek;
        return spec.baseLevel() * bucketMillis / 3_600_000.0 * daily * weekly * trend;
    }

    // Knuth's method for small means, a rounded normal above (the difference does not matter here).
    static long poisson(double mean, Random random) {
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            long k = 0;
            while (product > limit) {
                product *= random.nextDouble();
                k++;
            }
            return k;
        }
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
}
