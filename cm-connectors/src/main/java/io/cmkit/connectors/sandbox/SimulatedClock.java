package io.cmkit.connectors.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until told to move: tests and the demo advance it by hand to run a
 * week in milliseconds. Thread-safe; {@link #withZone(ZoneId)} gives a view sharing the same time.
 *
 * <pre>{@code
 * SimulatedClock clock = SimulatedClock.at(Instant.parse("2025-03-03T08:00:00Z"));
 * SandboxWorld world = SandboxWorld.builder().seed(42).clock(clock).build();
 * clock.advance(Duration.ofHours(6));
 * }</pre>
 */
public final class SimulatedClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private SimulatedClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock showing this instant, in UTC. */
    public static SimulatedClock at(Instant start) {
        return new SimulatedClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /** A clock showing this ISO-8601 instant ({@code "2025-03-03T08:00:00Z"}), in UTC. */
    public static SimulatedClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /** Moves time forward and returns the new instant. */
    public Instant advance(Duration step) {
        Objects.requireNonNull(step, "step");
        if (step.isNegative()) {
            throw new IllegalArgumentException("a simulated clock only moves forward with advance (got " + step
                    + "); use set to jump");
        }
        return now.updateAndGet(t -> t.plus(step));
    }

    /**
     * Shows this instant from now on. Going back is allowed, but a {@link SandboxWorld} never
     * un-happens what it already showed: it keeps its latest present until the clock passes it.
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public SimulatedClock withZone(ZoneId zone) {
        return new SimulatedClock(now, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SimulatedClock o && o.now == now && o.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(now) * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return "SimulatedClock[" + now.get() + ", " + zone + "]";
    }
}
