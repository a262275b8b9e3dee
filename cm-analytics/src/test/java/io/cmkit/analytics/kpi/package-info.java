/** Tests of the KPI formulas against hand-computed values, and of "not available". */
package io.cmkit.analytics.kpi;
