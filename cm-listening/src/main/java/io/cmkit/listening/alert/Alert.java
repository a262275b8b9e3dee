package io.cmkit.listening.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An alert delivered to the {@link AlertSink}s: what spiked, by how much against its baseline, and
 * the evidence.
 *
 * @param kind volume spike, bad buzz, competitor volume or competitor engagement
 * @param spike the detection: series, bucket start, count against baseline and threshold
 * @param bucket the bucket length
 * @param raisedAt the clock's time when it was raised
 * @param evidence top mentions, terms and posts
 */
public record Alert(AlertKind kind, Spike spike, Duration bucket, Instant raisedAt, Evidence evidence) {

    public Alert {
        Objects.requireNonNull(kind, "Alert.kind");
        Objects.requireNonNull(spike, "Alert.spike");
        Objects.requireNonNull(bucket, "Alert.bucket");
        Objects.requireNonNull(raisedAt, "Alert.raisedAt");
        Objects.requireNonNull(evidence, "Alert.evidence");
    }

    /** The series that spiked. */
    public SeriesKey series() {
        return spike.series();
    }

    /** A one-line summary for logs and chat messages, in English. */
    public String summary() {
        return String.format(Locale.ROOT, "%s %s: %d in the bucket from %s against a baseline of %.1f (x%.1f, threshold %.1f)",
                kind, spike.series(), spike.observed(), spike.bucketStart(), spike.baseline(), spike.ratio(), spike.threshold());
    }

    /**
     * The one-line summary in {@code locale}'s language, for a chat message or a file the client
     * reads: French for a French locale ("bad buzz brand:cafe:negative : 10 dans la tranche du
     * 2026-05-08T08:00:00Z, pour une référence de 0,0 (×10,0, seuil 4,0)"), {@link #summary()} otherwise.
     * The series stays an identifier; the instant stays ISO-8601 (UTC), unambiguous in every language.
     */
    public String summary(Locale locale) {
        if (!locale.getLanguage().equals("fr")) {
            return summary();
        }
        return String.format(Locale.FRENCH, "%s %s : %d dans la tranche du %s, pour une référence de %.1f (×%.1f, seuil %.1f)",
                kind.label(locale), spike.series(), spike.observed(), spike.bucketStart(), spike.baseline(), spike.ratio(),
                spike.threshold());
    }
}
