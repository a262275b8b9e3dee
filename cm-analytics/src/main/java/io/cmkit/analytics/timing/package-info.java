/**
 * When and how often to post: a weekday × hour heatmap of engagement rate normalised by audience
 * size, with a minimum-sample rule and a confidence value; a cadence per platform; both turned
 * into the editorial calendar's {@link io.cmkit.core.calendar.SlotPlan}.
 */
package io.cmkit.analytics.timing;
