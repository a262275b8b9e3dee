package io.cmkit.analytics.objective;

/** Where a target stands against the time elapsed in its period. */
public enum Pacing {
    /** The period has not begun. */
    NOT_STARTED,
    /** Better than expected by now, beyond the tolerance. */
    AHEAD,
    /** Within the tolerance of what is expected by now. */
    ON_TRACK,
    /** Worse than expected by now, beyond the tolerance. */
    BEHIND,
    /** The period is over and the target was met. */
    MET,
    /** The period is over and the target was missed. */
    MISSED,
    /** The actual value is not available (the reason is in the progress). */
    UNKNOWN
}
