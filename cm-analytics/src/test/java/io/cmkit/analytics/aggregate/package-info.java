/** Tests of the aggregation engine: deltas, grouping, periods in the brand's zone, bad input. */
package io.cmkit.analytics.aggregate;
