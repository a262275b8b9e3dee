/** The wording of the KPI package's reasons and metric names, in French and English (resource bundles). */
package io.cmkit.analytics.kpi.internal;
