package io.cmkit.analytics.report;

/** How a KPI's number reads, so each renderer formats it for the report's language. */
public enum Unit {
    /** A count of things: impressions, followers, mentions ("12 345"). */
    COUNT,
    /** A fraction shown as a percentage: {@code 0.034} reads "3,4 %" / "3.4%". */
    RATE,
    /** A duration in minutes (median response time). */
    MINUTES,
    /** An amount in the report's currency (CPM, CPC, spend). */
    MONEY
}
