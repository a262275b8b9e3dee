/**
 * The KPI aggregation benchmark: seeded cumulative metric snapshots aggregated into daily
 * counters per account and platform by cmkit's columnar engine and, in the same run, by DuckDB
 * in process (loaded through its appender); identical results are checked before timing.
 */
package io.cmkit.bench.analytics;
