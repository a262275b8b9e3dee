package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static io.cmkit.core.model.Samples.Q1;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("KpiTarget")
class KpiTargetTest {

    @Test
    @DisplayName("an AT_LEAST target is met by reaching it or more")
    void atLeast() {
        KpiTarget target = KpiTarget.atLeast(Metric.ENGAGEMENT_RATE, 0.045, Q1);

        assertThat(target.direction()).isEqualTo(KpiTarget.Direction.AT_LEAST);
        assertThat(target.platform()).isEmpty();
        assertThat(target.period()).isEqualTo(Q1);
        assertThat(target.isMetBy(0.045)).isTrue();
        assertThat(target.isMetBy(0.05)).isTrue();
        assertThat(target.isMetBy(0.044)).isFalse();
    }

    @Test
    @DisplayName("an AT_MOST target is met by staying at it or under")
    void atMost() {
        KpiTarget target = KpiTarget.atMost(Metric.RESPONSE_TIME_MEDIAN_MINUTES, 60, Q1);

        assertThat(target.isMetBy(60)).isTrue();
        assertThat(target.isMetBy(45)).isTrue();
        assertThat(target.isMetBy(61)).isFalse();
    }

    @Test
    @DisplayName("a target may be restricted to one platform, and zero is a valid target")
    void onePlatform() {
        KpiTarget target = new KpiTarget(Metric.MENTIONS, 0, KpiTarget.Direction.AT_MOST, Q1,
                Optional.of(Platform.X));

        assertThat(target.platform()).contains(Platform.X);
        assertThat(target.target()).isZero();
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a negative target")
        void negative() {
            assertRejected(() -> KpiTarget.atLeast(Metric.FOLLOWERS, -1, Q1), "KpiTarget", "target",
                    "KpiTarget.target must not be negative (got -1.0)");
        }

        @Test
        @DisplayName("a target that is not a finite number")
        void notFinite() {
            assertRejected(() -> KpiTarget.atLeast(Metric.FOLLOWERS, Double.NaN, Q1), "KpiTarget", "target",
                    "KpiTarget.target must be a finite number (got NaN)");
            assertRejected(() -> KpiTarget.atLeast(Metric.FOLLOWERS, Double.POSITIVE_INFINITY, Q1), "KpiTarget", "target",
                    "KpiTarget.target must be a finite number (got Infinity)");
        }

        @Test
        @DisplayName("missing parts")
        void missing() {
            assertRejected(() -> KpiTarget.atLeast(null, 1, Q1), "KpiTarget", "metric", "KpiTarget.metric is required");
            assertRejected(() -> new KpiTarget(Metric.LIKES, 1, null, Q1, Optional.empty()), "KpiTarget", "direction",
                    "KpiTarget.direction is required");
            assertRejected(() -> KpiTarget.atLeast(Metric.LIKES, 1, null), "KpiTarget", "period",
                    "KpiTarget.period is required");
            assertRejected(() -> new KpiTarget(Metric.LIKES, 1, KpiTarget.Direction.AT_LEAST, Q1, null), "KpiTarget",
                    "platform", "KpiTarget.platform is required");
        }
    }
}
