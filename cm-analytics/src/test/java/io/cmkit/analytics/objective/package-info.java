/** Tests of pacing and forecasts against hand-computed values, and of actuals read from snapshots. */
package io.cmkit.analytics.objective;
