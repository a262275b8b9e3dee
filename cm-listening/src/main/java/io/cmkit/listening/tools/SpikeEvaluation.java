package io.cmkit.listening.tools;

import io.cmkit.listening.alert.SeriesKey;
import io.cmkit.listening.alert.Spike;
import io.cmkit.listening.alert.SpikeConfig;
import io.cmkit.listening.alert.SpikeDetector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the detector over synthetic series and counts how many planted spikes were alerted within
 * two buckets of their start, and how many alerts fell where nothing was planted (outside every
 * planted spike's buckets plus two).
 */
public final class SpikeEvaluation {

    /** The counts over every series. */
    public record Result(int series, long buckets, int planted, int detected, int alerts, int falseAlerts) {
        public double recall() {
            return planted == 0 ? 0 : (double) detected / planted;
        }

        /** False alerts per 1,000 buckets. */
        public double falseAlertsPerThousandBuckets() {
            return 1000.0 * falseAlerts / buckets;
        }

        public String format() {
            return String.format(Locale.ROOT,
                    "series %d, buckets %d: planted spikes %d, alerted within 2 buckets of their start %d (%.1f %%); "
                            + "alerts %d, where nothing was planted %d (%.3f per 1,000 buckets)",
                    series, buckets, planted, detected, 100 * recall(), alerts, falseAlerts, falseAlertsPerThousandBuckets());
        }
    }

    private SpikeEvaluation() {
    }

    /** Generates one series per seed from {@code spec} (its seed replaced) and evaluates the detector on each. */
    public static Result run(SyntheticSeries.Spec spec, List<Long> seeds, SpikeConfig config) {
        if (!config.bucket().equals(spec.bucket())) {
            throw new IllegalArgumentException("the detector's bucket (" + config.bucket() + ") must equal the series' ("
                    + spec.bucket() + ")");
        }
        int planted = 0;
        int detected = 0;
        int alerts = 0;
        int falseAlerts = 0;
        long buckets = 0;
        for (long seed : seeds) {
            SyntheticSeries.Series series = SyntheticSeries.generate(spec.withSeed(seed));
            List<Long> alertBuckets = alertBuckets(series, config, spec.bucket());
            buckets += series.points().size();
            planted += series.spikes().size();
            alerts += alertBuckets.size();
            for (SyntheticSeries.PlantedSpike spike : series.spikes()) {
                if (alertBuckets.stream().anyMatch(b -> b >= spike.bucket() && b <= spike.bucket() + 2)) {
                    detected++;
                }
            }
            for (long b : alertBuckets) {
                boolean inPlanted = series.spikes().stream()
                        .anyMatch(s -> b >= s.bucket() && b <= s.bucket() + s.buckets() + 1);
                if (!inPlanted) {
                    falseAlerts++;
                }
            }
        }
        return new Result(seeds.size(), buckets, planted, detected, alerts, falseAlerts);
    }

    /** The bucket indexes (0 = the series' first) where the detector alerted. */
    static List<Long> alertBuckets(SyntheticSeries.Series series, SpikeConfig config, Duration bucket) {
        SpikeDetector detector = new SpikeDetector(config);
        int id = detector.series(new SeriesKey(SeriesKey.Scope.QUERY, "synthetic", SeriesKey.Measure.VOLUME));
        long first = series.points().get(0).at().toEpochMilli();
        List<Long> alerts = new ArrayList<>();
        for (SyntheticSeries.Point point : series.points()) {
            Optional<Spike> spike = detector.add(id, point.at().toEpochMilli(), point.value());
            if (spike.isPresent()) {
                alerts.add((spike.get().bucketStart().toEpochMilli() - first) / bucket.toMillis());
            }
        }
        return alerts;
    }
}
