package io.cmkit.analytics.timing;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.core.model.Platform;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The best-time heatmap of one platform: 7 × 24 cells, Monday 00:00 first, in the brand's zone.
 *
 * @param platform the platform
 * @param zone the brand's time zone
 * @param minimumPosts the minimum sample: cells with fewer posts are not read
 * @param overallMeanEngagementRate the mean engagement rate of every post; not available without posts
 * @param cells 168 cells, index {@code (day − 1) × 24 + hour}
 */
public record Heatmap(Platform platform, ZoneId zone, int minimumPosts, KpiValue overallMeanEngagementRate,
                      List<HeatmapCell> cells) {

    public Heatmap {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(overallMeanEngagementRate, "overallMeanEngagementRate");
        cells = List.copyOf(cells);
        if (cells.size() != 7 * 24) {
            throw new AnalyticsException("Heatmap.cells", "must have 168 cells, one per weekday and hour (got " + cells.size() + ")");
        }
    }

    /** The cell of a weekday and hour. */
    public HeatmapCell cell(DayOfWeek day, int hour) {
        return cells.get((day.getValue() - 1) * 24 + hour);
    }

    /** The readable cells, best score first (ties: earlier in the week first). */
    public List<HeatmapCell> ranked() {
        return cells.stream().filter(HeatmapCell::isReadable)
                .sorted(Comparator.comparingDouble((HeatmapCell c) -> -c.score().asDouble().getAsDouble())
                        .thenComparing(HeatmapCell::day).thenComparingInt(HeatmapCell::hour))
                .toList();
    }

    /** How many cells have enough posts to be read. */
    public long readableCells() {
        return cells.stream().filter(HeatmapCell::isReadable).count();
    }
}
