package io.cmkit.core.spi;

import java.time.Clock;
import java.util.Objects;

/**
 * What the host lends every connector it opens.
 *
 * @param clock the time source; tests and simulations pass their own
 */
public record ConnectorContext(Clock clock) {

    public ConnectorContext {
        Objects.requireNonNull(clock, "clock");
    }

    /** The system clock in UTC. */
    public static ConnectorContext ofDefaults() {
        return new ConnectorContext(Clock.systemUTC());
    }
}
