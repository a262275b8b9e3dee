package io.cmkit.analytics.kpi;

/** How a KPI's number reads. */
public enum KpiUnit {
    /** A count of things (impressions, followers). */
    COUNT,
    /** A fraction: 0.045 reads 4.5 %. */
    RATIO,
    /** A duration in minutes. */
    MINUTES,
    /** An amount in the catalogue's currency, in major units (euros, not cents). */
    MONEY
}
