package io.cmkit.analytics.report;

import io.cmkit.analytics.report.internal.ReportChecks;
import io.cmkit.core.model.InvalidModelException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The best-time heatmap: engagement rate per weekday and hour. Cells resting on fewer than
 * {@code minimumSamples} posts are shown as "not enough data", never as a colour of their own;
 * a cell that is absent had no post at all.
 *
 * @param cells at most one per weekday and hour
 * @param minimumSamples the sample rule: cells below it are not trusted; at least 1
 */
public record BestTimes(List<HeatmapCell> cells, int minimumSamples) {

    public BestTimes {
        cells = ReportChecks.list("BestTimes", "cells", cells);
        if (minimumSamples < 1) {
            throw new InvalidModelException("BestTimes", "minimumSamples", "must be at least 1 (got " + minimumSamples + ")");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            HeatmapCell cell = cells.get(i);
            if (!seen.add(cell.day() + " " + cell.hour())) {
                throw new InvalidModelException("BestTimes", "cells[" + i + "]",
                        "duplicates the cell of " + cell.day() + " at " + cell.hour() + ":00");
            }
        }
    }

    /** No cell at all: nothing was published over the period. */
    public static BestTimes none() {
        return new BestTimes(List.of(), 1);
    }

    /** Whether the cell meets the sample rule. */
    public boolean isTrusted(HeatmapCell cell) {
        return cell.samples() >= minimumSamples;
    }
}
