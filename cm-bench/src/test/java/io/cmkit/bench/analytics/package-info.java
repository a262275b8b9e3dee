/** Checks that the KPI aggregation benchmark compares like with like. */
package io.cmkit.bench.analytics;
