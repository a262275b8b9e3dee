package io.cmkit.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The scheduler configuration")
class SchedulerConfigTest {

    @Test
    @DisplayName("the defaults: 5-minute leases, batches of 50, 5 attempts, 30 s backoff doubling up to 1 h, ±50 % jitter")
    void defaults() {
        SchedulerConfig config = SchedulerConfig.ofDefaults();

        assertThat(config.leaseDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.batchSize()).isEqualTo(50);
        assertThat(config.dispatchConcurrency()).isEqualTo(8);
        assertThat(config.maxAttempts()).isEqualTo(5);
        assertThat(config.initialBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.backoffMultiplier()).isEqualTo(2.0);
        assertThat(config.maxBackoff()).isEqualTo(Duration.ofHours(1));
        assertThat(config.randomizationFactor()).isEqualTo(0.5);
        assertThat(config.randomSeed()).isEmpty();
    }

    @Test
    @DisplayName("the base backoff grows exponentially and stops at the maximum")
    void exponentialBackoff() {
        SchedulerConfig config = SchedulerConfig.custom().initialBackoff(Duration.ofSeconds(10)).backoffMultiplier(3)
                .maxBackoff(Duration.ofMinutes(2)).build();

        assertThat(config.baseBackoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.baseBackoff(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.baseBackoff(3)).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.baseBackoff(4)).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.baseBackoff(60)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    @DisplayName("from(other) starts a builder from another configuration and leaves it unchanged")
    void from() {
        SchedulerConfig base = SchedulerConfig.custom().batchSize(10).randomSeed(3).build();

        SchedulerConfig derived = SchedulerConfig.from(base).maxAttempts(2).build();

        assertThat(SchedulerConfig.from(SchedulerConfig.custom().dispatchConcurrency(3).build()).build()
                .dispatchConcurrency()).isEqualTo(3);
        assertThat(derived.batchSize()).isEqualTo(10);
        assertThat(derived.randomSeed()).hasValue(3);
        assertThat(derived.maxAttempts()).isEqualTo(2);
        assertThat(base.maxAttempts()).isEqualTo(5);
    }

    @Test
    @DisplayName("nonsense values are refused with the setting's name")
    void validation() {
        assertThatThrownBy(() -> SchedulerConfig.custom().batchSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> SchedulerConfig.custom().dispatchConcurrency(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SchedulerConfig.dispatchConcurrency must be at least 1, got 0");
        assertThatThrownBy(() -> SchedulerConfig.custom().maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> SchedulerConfig.custom().leaseDuration(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaseDuration");
        assertThatThrownBy(() -> SchedulerConfig.custom().randomizationFactor(1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("randomizationFactor");
        assertThatThrownBy(() -> SchedulerConfig.custom().backoffMultiplier(0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoffMultiplier");
        assertThatThrownBy(() -> SchedulerConfig.custom().initialBackoff(Duration.ofMinutes(5))
                .maxBackoff(Duration.ofMinutes(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff");
    }
}
