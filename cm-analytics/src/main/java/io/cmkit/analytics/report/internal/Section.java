package io.cmkit.analytics.report.internal;

import org.jfree.chart.JFreeChart;

import java.util.List;
import java.util.Optional;

/**
 * One section of the dashboard, the same for the HTML and the PDF.
 *
 * @param id a stable identifier, used as the HTML element id
 * @param title its heading in the report's language
 * @param empty the empty-state sentence when there is nothing to show
 * @param chart its chart, drawn anew for each renderer
 * @param tiles KPI tiles (the KPI section only)
 * @param table its table
 * @param note a sentence under the chart (legend, summary)
 */
public record Section(String id, String title, Optional<String> empty, Optional<JFreeChart> chart, List<Tile> tiles,
                      Optional<Table> table, Optional<String> note) {

    /**
     * A KPI tile as shown.
     *
     * @param label the KPI
     * @param value its formatted value or "n/a"
     * @param change its signed change, or "no comparison"
     * @param trend {@code good}, {@code bad}, {@code flat} or {@code none}: whether the change is good
     *              news for this KPI, for styling
     */
    public record Tile(String label, String value, String change, String trend) {
    }
}
