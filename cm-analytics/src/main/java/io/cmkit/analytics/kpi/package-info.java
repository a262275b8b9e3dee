/**
 * The KPI catalogue: each KPI's formula and source, typed values that say "not available"
 * instead of 0 when a platform does not expose a counter, and the KPIs of the inbox (response
 * rate and times) and of listening (share of voice, net sentiment).
 */
package io.cmkit.analytics.kpi;
