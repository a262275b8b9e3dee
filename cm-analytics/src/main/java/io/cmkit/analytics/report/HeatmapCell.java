package io.cmkit.analytics.report;

import io.cmkit.analytics.report.internal.ReportChecks;
import io.cmkit.core.model.InvalidModelException;

import java.time.DayOfWeek;

/**
 * One weekday-and-hour cell of the best-time heatmap.
 *
 * @param day the weekday, in the brand's time zone
 * @param hour the hour of the day, 0 to 23
 * @param engagementRate the mean engagement rate of posts published then, normalised by audience
 *                       size, as a fraction
 * @param samples how many posts it rests on
 * @param confidence how much to trust it, from 0 (none) to 1
 */
public record HeatmapCell(DayOfWeek day, int hour, double engagementRate, int samples, double confidence) {

    public HeatmapCell {
        ReportChecks.present("HeatmapCell", "day", day);
        if (hour < 0 || hour > 23) {
            throw new InvalidModelException("HeatmapCell", "hour", "must be between 0 and 23 (got " + hour + ")");
        }
        ReportChecks.finiteNotNegative("HeatmapCell", "engagementRate", engagementRate);
        ReportChecks.notNegative("HeatmapCell", "samples", samples);
        ReportChecks.fraction("HeatmapCell", "confidence", confidence);
    }
}
