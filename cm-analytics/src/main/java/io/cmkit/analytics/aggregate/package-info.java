/**
 * The aggregation engine: cumulative metric snapshots turned into per-period changes and levels,
 * grouped by platform, account, pillar, campaign and post, in days, weeks or months of the
 * brand's time zone; KPI tables and period-over-period comparisons built from them. A columnar
 * path ({@link io.cmkit.analytics.aggregate.SnapshotColumns}) takes millions of snapshots without
 * one object per snapshot.
 */
package io.cmkit.analytics.aggregate;
