/**
 * Objectives against their targets: the actual value of each target's KPI so far, pacing (ahead,
 * on track, behind) for the time elapsed, and a forecast to the end of the target's period.
 */
package io.cmkit.analytics.objective;
