package io.cmkit.analytics.kpi;

/** What a KPI is computed from. */
public enum KpiSource {
    /** Metric snapshots, through the aggregation engine's {@link Counters}. */
    COUNTERS,
    /** The inbox: interactions and the brand's replies ({@link ResponseStats}). */
    INBOX,
    /** Listening: mention counts and sentiment ({@link ListeningKpis}). */
    LISTENING
}
