/** The aggregation kernel over primitive arrays, period boundaries and the sort for unordered input. */
package io.cmkit.analytics.aggregate.internal;
