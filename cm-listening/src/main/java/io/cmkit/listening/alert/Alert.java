package io.cmkit.listening.alert;

import java.time.Duration;
import java.time.Instant;
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

    /** A one-line summary for logs and chat messages. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%s %s: %d in the bucket from %s against a baseline of %.1f (x%.1f, threshold %.1f)",
                kind, spike.series(), spike.observed(), spike.bucketStart(), spike.baseline(), spike.ratio(), spike.threshold());
    }
}
