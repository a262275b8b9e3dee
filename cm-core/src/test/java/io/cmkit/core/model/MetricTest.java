package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Metric")
class MetricTest {

    @Test
    @DisplayName("Metric.of forgives case and '-' and finds the known metric")
    void lenientOf() {
        assertThat(Metric.of("Engagement-Rate")).isEqualTo(Metric.ENGAGEMENT_RATE);
        assertThat(Metric.of(" followers ")).isEqualTo(Metric.FOLLOWERS);
    }

    @Test
    @DisplayName("a host can name its own metric")
    void customMetric() {
        Metric visits = Metric.of("store_visits");

        assertThat(visits.id()).isEqualTo("store_visits");
        assertThat(visits).hasToString("store_visits");
        assertThat(Metric.wellKnown()).doesNotContain(visits).contains(Metric.LIKES, Metric.CLICK_THROUGH_RATE);
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("an id that is not snake_case")
        void notSnakeCase() {
            assertRejected(() -> new Metric("EngagementRate"), "Metric", "id",
                    "Metric.id must be snake_case: a lower-case letter, then letters, digits or '_', got 'EngagementRate'");
            assertRejected(() -> Metric.of("1st_visit"), "Metric", "id",
                    "Metric.id must be snake_case: a lower-case letter, then letters, digits or '_', got '1st_visit'");
        }

        @Test
        @DisplayName("a missing or blank id")
        void blank() {
            assertRejected(() -> new Metric(null), "Metric", "id", "Metric.id is required");
            assertRejected(() -> Metric.of(" "), "Metric", "id", "Metric.id must not be blank");
        }
    }
}
