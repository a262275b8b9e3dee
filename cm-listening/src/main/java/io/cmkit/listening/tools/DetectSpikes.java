package io.cmkit.listening.tools;

import io.cmkit.listening.alert.SeriesKey;
import io.cmkit.listening.alert.Spike;
import io.cmkit.listening.alert.SpikeConfig;
import io.cmkit.listening.alert.SpikeDetector;
import io.cmkit.listening.tools.internal.Options;
import io.cmkit.listening.tools.internal.SeriesCsv;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a time series CSV ({@code timestamp,value}) and prints the alerts the detector raises: the
 * start of the alerting bucket and its count against the baseline. Each row adds its value to the
 * bucket holding its timestamp, in file order.
 *
 * <p>Options: {@code --file FILE [--zone UTC] [--bucket PT1H] [--history-weeks 4] [--minimum-history 2]
 * [--minimum-days 3] [--threshold 4] [--minimum-volume 10] [--cooldown PT6H]}; defaults are
 * {@link SpikeConfig#defaults()}.
 */
public final class DetectSpikes {

    private DetectSpikes() {
    }

    public static void main(String[] args) throws IOException {
        try {
            List<Spike> spikes = run(args);
            System.out.println("start,observed,baseline,threshold,ratio,scales,baseline_kind");
            for (Spike spike : spikes) {
                System.out.println(line(spike));
            }
            System.out.println("# " + spikes.size() + " alerts");
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** One output line: start, observed, baseline, threshold, ratio, scales, baseline kind. */
    public static String line(Spike spike) {
        return String.format(Locale.ROOT, "%s,%d,%.1f,%.1f,%.2f,%.1f,%s", spike.bucketStart(), spike.observed(),
                spike.baseline(), spike.threshold(), spike.ratio(), spike.scales(),
                spike.baselineKind().name().toLowerCase(Locale.ROOT));
    }

    /** Runs the detector over the file and returns its spikes in order. */
    public static List<Spike> run(String[] args) throws IOException {
        Options options = Options.parse("DetectSpikes", args, List.of("file", "zone", "bucket", "history-weeks",
                "minimum-history", "minimum-days", "threshold", "minimum-volume", "cooldown"));
        SpikeConfig defaults = SpikeConfig.defaults();
        ZoneId zone = zone(options.optional("zone").orElse("UTC"));
        SpikeConfig config = new SpikeConfig(
                duration("bucket", options.optional("bucket").orElse(defaults.bucket().toString())),
                zone,
                (int) options.longValue("history-weeks", defaults.historyWeeks()),
                (int) options.longValue("minimum-history", defaults.minimumHistory()),
                (int) options.longValue("minimum-days", defaults.minimumDays()),
                options.doubleValue("threshold", defaults.thresholdScales()),
                defaults.minimumScale(),
                options.longValue("minimum-volume", defaults.minimumVolume()),
                duration("cooldown", options.optional("cooldown").orElse(defaults.cooldown().toString())));
        List<SeriesCsv.Row> rows = SeriesCsv.read(Path.of(options.required("file")), zone);
        SpikeDetector detector = new SpikeDetector(config);
        int id = detector.series(new SeriesKey(SeriesKey.Scope.QUERY, "file", SeriesKey.Measure.VOLUME));
        List<Spike> spikes = new ArrayList<>();
        for (SeriesCsv.Row row : rows) {
            detector.add(id, row.at().toEpochMilli(), row.value()).ifPresent(spikes::add);
        }
        return spikes;
    }

    private static Duration duration(String option, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("DetectSpikes: option --" + option + " must be an ISO-8601 duration such as PT1H or PT15M, got '"
                    + text + "'");
        }
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("DetectSpikes: option --zone must be a time zone such as UTC or Europe/Paris, got '"
                    + text + "'");
        }
    }
}
