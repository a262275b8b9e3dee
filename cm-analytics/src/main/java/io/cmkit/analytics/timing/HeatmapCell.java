package io.cmkit.analytics.timing;

import io.cmkit.analytics.kpi.KpiValue;
import java.time.DayOfWeek;
import java.util.Objects;

/**
 * One weekday × hour of the heatmap.
 *
 * @param day the weekday, in the brand's time zone
 * @param hour the hour of day, 0 to 23, in the brand's time zone
 * @param posts how many posts went out in that hour
 * @param meanEngagementRate their mean engagement rate; not available under the minimum sample
 * @param index the mean against the platform's overall mean (1.0 = average); not available under the minimum sample
 * @param confidence how precisely the mean is known: {@code 1 − standard error / mean}, clamped to [0, 1]; 0 under the minimum sample
 * @param score what cells are ranked by: the one-sided 95 % lower bound {@code mean − 1.645 × standard error}; not available under the minimum sample
 */
public record HeatmapCell(DayOfWeek day, int hour, int posts, KpiValue meanEngagementRate, KpiValue index,
                          double confidence, KpiValue score) {

    public HeatmapCell {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(meanEngagementRate, "meanEngagementRate");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(score, "score");
    }

    /** Whether the cell has enough posts to be read. */
    public boolean isReadable() {
        return meanEngagementRate.isAvailable();
    }
}
