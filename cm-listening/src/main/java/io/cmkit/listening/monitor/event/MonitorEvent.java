package io.cmkit.listening.monitor.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Something that happened inside a monitor. */
public sealed interface MonitorEvent {

    /** When it happened, by the monitor's clock. */
    Instant at();

    /**
     * The base layer was rebuilt from every query and swapped in, in the background or by
     * {@code compact()} / a large {@code addAll()}.
     *
     * @param at when the new base was published
     * @param queries how many queries the new base holds
     * @param took how long compiling it took
     * @param changesCarriedOver changes made while it was compiled, kept in the new delta
     */
    record BaseRebuilt(Instant at, int queries, Duration took, int changesCarriedOver) implements MonitorEvent {
        public BaseRebuilt {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(took, "took");
        }
    }

    /**
     * A background rebuild failed; matching goes on with the previous base and a growing delta.
     *
     * @param at when it failed
     * @param queries how many queries it was compiling
     * @param reason the failure's message
     */
    record RebuildFailed(Instant at, int queries, String reason) implements MonitorEvent {
        public RebuildFailed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
