/** Tests of the heatmap (minimum sample, confidence, time zone), the cadence and the slot plan. */
package io.cmkit.analytics.timing;
