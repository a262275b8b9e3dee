package io.cmkit.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A simulated clock")
class SimulatedClockTest {

    @Test
    @DisplayName("stands still until advanced or set, and its zoned views share the same time")
    void advanceAndSet() {
        SimulatedClock clock = SimulatedClock.at("2025-03-03T07:00:00Z");
        SimulatedClock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        assertThat(clock.advance(Duration.ofHours(2))).isEqualTo(Instant.parse("2025-03-03T09:00:00Z"));
        assertThat(paris.instant()).isEqualTo(clock.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        clock.set(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(paris.millis()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z").toEpochMilli());
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("set back in time, the world keeps its present: what happened stays happened")
    void worldNeverGoesBack() {
        SimulatedClock clock = SimulatedClock.at("2025-03-03T07:00:00Z");
        SandboxWorld world = SandboxWorld.builder().clock(clock).build();
        clock.advance(Duration.ofDays(1));
        Instant later = world.now();
        clock.set(Instant.parse("2025-03-03T07:00:00Z"));

        assertThat(world.now()).isEqualTo(later);
        assertThat(world.genesis()).isEqualTo(Instant.parse("2025-03-03T07:00:00Z"));
    }
}
