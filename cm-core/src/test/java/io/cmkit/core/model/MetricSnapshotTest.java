package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static io.cmkit.core.model.Samples.BLUESKY_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("MetricSnapshot")
class MetricSnapshotTest {

    private static final Instant AT = Instant.parse("2026-03-02T18:00:00Z");

    @Test
    @DisplayName("keeps the counters read at one moment for a post")
    void postCounters() {
        MetricSnapshot snapshot = new MetricSnapshot(BLUESKY_ACCOUNT, Optional.of("at://did:plc:abc/app.bsky.feed.post/3k"),
                AT, Map.of(Metric.LIKES, 42L, Metric.SHARES, 0L));

        assertThat(snapshot.account()).isEqualTo(BLUESKY_ACCOUNT);
        assertThat(snapshot.postId()).contains("at://did:plc:abc/app.bsky.feed.post/3k");
        assertThat(snapshot.takenAt()).isEqualTo(AT);
        assertThat(snapshot.value(Metric.LIKES)).contains(42L);
        assertThat(snapshot.value(Metric.SHARES)).contains(0L);
    }

    @Test
    @DisplayName("a counter the platform does not expose is absent, not zero")
    void absentCounter() {
        MetricSnapshot snapshot = new MetricSnapshot(BLUESKY_ACCOUNT, Optional.empty(), AT, Map.of(Metric.FOLLOWERS, 1200L));

        assertThat(snapshot.value(Metric.IMPRESSIONS)).isEmpty();
    }

    @Test
    @DisplayName("keeps its own copy of the counters")
    void defensiveCopy() {
        Map<Metric, Long> values = new HashMap<>(Map.of(Metric.FOLLOWERS, 1200L));
        MetricSnapshot snapshot = new MetricSnapshot(BLUESKY_ACCOUNT, Optional.empty(), AT, values);

        values.put(Metric.FOLLOWERS, 0L);
        values.put(Metric.LIKES, 5L);

        assertThat(snapshot.values()).containsExactly(Map.entry(Metric.FOLLOWERS, 1200L));
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a negative counter, naming the metric")
        void negativeValue() {
            assertRejected(() -> new MetricSnapshot(BLUESKY_ACCOUNT, Optional.empty(), AT,
                    Map.of(Metric.FOLLOWERS, 10L, Metric.LIKES, -3L)), "MetricSnapshot", "values.likes",
                    "MetricSnapshot.values.likes must not be negative (got -3)");
        }

        @Test
        @DisplayName("null metrics or counters")
        void nullEntries() {
            Map<Metric, Long> values = new HashMap<>();
            values.put(Metric.LIKES, null);
            assertRejected(() -> new MetricSnapshot(BLUESKY_ACCOUNT, Optional.empty(), AT, values), "MetricSnapshot",
                    "values", "MetricSnapshot.values must not contain null keys or values");
        }

        @Test
        @DisplayName("missing parts")
        void missing() {
            assertRejected(() -> new MetricSnapshot(null, Optional.empty(), AT, Map.of()), "MetricSnapshot", "account",
                    "MetricSnapshot.account is required");
            assertRejected(() -> new MetricSnapshot(BLUESKY_ACCOUNT, null, AT, Map.of()), "MetricSnapshot", "postId",
                    "MetricSnapshot.postId is required");
            assertRejected(() -> new MetricSnapshot(BLUESKY_ACCOUNT, Optional.empty(), null, Map.of()), "MetricSnapshot",
                    "takenAt", "MetricSnapshot.takenAt is required");
            assertRejected(() -> new MetricSnapshot(BLUESKY_ACCOUNT, Optional.empty(), AT, null), "MetricSnapshot",
                    "values", "MetricSnapshot.values is required");
        }
    }
}
