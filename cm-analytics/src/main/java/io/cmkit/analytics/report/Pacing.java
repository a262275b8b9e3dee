package io.cmkit.analytics.report;

/** Where an objective stands given the time elapsed in its period. */
public enum Pacing {
    /** Ahead of the straight line from start to target. */
    AHEAD,
    /** Close enough to the straight line to reach the target. */
    ON_TRACK,
    /** Behind: at this pace the target will be missed. */
    BEHIND,
    /** No data yet to judge. */
    NOT_AVAILABLE
}
