package io.cmkit.analytics.aggregate;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Metric snapshots in columns: one row per snapshot, a series index, a time in epoch
 * milliseconds and one {@code long} column per metric, with {@link #ABSENT} where the platform
 * does not expose the counter. The aggregation engine reads these arrays directly, so millions of
 * snapshots cost a few arrays instead of one object and one map each.
 *
 * <p>Rows may come in any order (collection order, usually all series at one time then the next);
 * counters are validated when the columns are built: a negative value other than {@link #ABSENT}
 * is an error naming the row and the metric.
 */
public final class SnapshotColumns {

    /** The value of a counter the platform does not expose in that snapshot. */
    public static final long ABSENT = -1;

    /** The most metric columns a batch may have. */
    public static final int MAX_METRICS = 64;

    private final List<SeriesKey> series;
    private final List<Metric> metrics;
    private final int[] seriesIndex;
    private final long[] takenAtMillis;
    private final long[][] values;
    private final int size;

    private SnapshotColumns(List<SeriesKey> series, List<Metric> metrics, int[] seriesIndex, long[] takenAtMillis,
                            long[][] values, int size) {
        this.series = series;
        this.metrics = metrics;
        this.seriesIndex = seriesIndex;
        this.takenAtMillis = takenAtMillis;
        this.values = values;
        this.size = size;
    }

    /**
     * Columns over existing arrays, without copying them (the caller must not change them
     * afterwards). Only the first {@code size} rows are read.
     *
     * @param series the series the rows point to, by index
     * @param metrics the metric of each value column
     * @param seriesIndex per row, an index into {@code series}
     * @param takenAtMillis per row, when the counters were read (epoch milliseconds)
     * @param values per metric, per row, the counter or {@link #ABSENT}
     * @param size the number of rows
     * @throws AnalyticsException naming the row and field of the first bad value
     */
    public static SnapshotColumns wrap(List<SeriesKey> series, List<Metric> metrics, int[] seriesIndex,
                                       long[] takenAtMillis, long[][] values, int size) {
        List<SeriesKey> seriesCopy = List.copyOf(series);
        List<Metric> metricCopy = checkMetrics(metrics);
        Objects.requireNonNull(seriesIndex, "seriesIndex");
        Objects.requireNonNull(takenAtMillis, "takenAtMillis");
        Objects.requireNonNull(values, "values");
        if (size < 0 || seriesIndex.length < size || takenAtMillis.length < size) {
            throw new AnalyticsException("size", "is " + size + " but seriesIndex has " + seriesIndex.length
                    + " and takenAtMillis " + takenAtMillis.length + " rows");
        }
        if (values.length != metricCopy.size()) {
            throw new AnalyticsException("values", "has " + values.length + " columns for " + metricCopy.size() + " metrics");
        }
        for (int m = 0; m < values.length; m++) {
            long[] column = values[m];
            if (column == null || column.length < size) {
                throw new AnalyticsException("values." + metricCopy.get(m).id(), "has fewer than " + size + " rows");
            }
            for (int i = 0; i < size; i++) {
                if (column[i] < ABSENT) {
                    throw new AnalyticsException("rows[" + i + "].values." + metricCopy.get(m).id(),
                            "must not be negative (got " + column[i] + ")");
                }
            }
        }
        int seriesCount = seriesCopy.size();
        for (int i = 0; i < size; i++) {
            if (seriesIndex[i] < 0 || seriesIndex[i] >= seriesCount) {
                throw new AnalyticsException("rows[" + i + "].series",
                        "is " + seriesIndex[i] + ", not an index of the " + seriesCount + " series");
            }
        }
        return new SnapshotColumns(seriesCopy, metricCopy, seriesIndex, takenAtMillis, values, size);
    }

    /** The columns of these snapshots, in their order; the metrics are all those any snapshot reports. */
    public static SnapshotColumns of(List<MetricSnapshot> snapshots) {
        Objects.requireNonNull(snapshots, "snapshots");
        Set<Metric> metrics = new LinkedHashSet<>();
        snapshots.forEach(s -> metrics.addAll(s.values().keySet()));
        if (metrics.size() > MAX_METRICS) {
            throw new AnalyticsException("snapshots", "report " + metrics.size() + " metrics, at most " + MAX_METRICS);
        }
        Builder builder = builder(new ArrayList<>(metrics));
        List<Metric> order = builder.metrics;
        long[] row = new long[order.size()];
        for (MetricSnapshot s : snapshots) {
            for (int m = 0; m < row.length; m++) {
                row[m] = s.values().getOrDefault(order.get(m), ABSENT);
            }
            builder.add(builder.series(SeriesKey.of(s)), s.takenAt().toEpochMilli(), row);
        }
        return builder.build();
    }

    /** A builder that appends rows, growing its arrays as it goes. */
    public static Builder builder(List<Metric> metrics) {
        return new Builder(checkMetrics(metrics));
    }

    private static List<Metric> checkMetrics(List<Metric> metrics) {
        List<Metric> copy = List.copyOf(metrics);
        if (copy.size() > MAX_METRICS) {
            throw new AnalyticsException("metrics", "has " + copy.size() + " columns, at most " + MAX_METRICS);
        }
        if (new LinkedHashSet<>(copy).size() != copy.size()) {
            throw new AnalyticsException("metrics", "names a metric twice: " + copy);
        }
        return copy;
    }

    /** The series, by index. */
    public List<SeriesKey> series() {
        return series;
    }

    /** The metric of each value column. */
    public List<Metric> metrics() {
        return metrics;
    }

    /** The number of rows. */
    public int size() {
        return size;
    }

    /** The series index of a row. */
    public int seriesOf(int row) {
        return seriesIndex[row];
    }

    /** When a row's counters were read, in epoch milliseconds. */
    public long takenAtMillis(int row) {
        return takenAtMillis[row];
    }

    /** A row's value for metric column {@code m}, or {@link #ABSENT}. */
    public long value(int row, int m) {
        return values[m][row];
    }

    // Raw access for the kernel; not copied, not to be changed.
    int[] seriesIndexArray() {
        return seriesIndex;
    }

    long[] takenAtArray() {
        return takenAtMillis;
    }

    long[][] valueArrays() {
        return values;
    }

    /** Appends rows; {@link #series} gives each distinct series one index. */
    public static final class Builder {
        private final List<Metric> metrics;
        private final List<SeriesKey> series = new ArrayList<>();
        private final Map<SeriesKey, Integer> seriesIds = new HashMap<>();
        private int[] seriesIndex = new int[1024];
        private long[] takenAt = new long[1024];
        private long[][] values;
        private int size;

        private Builder(List<Metric> metrics) {
            this.metrics = metrics;
            this.values = new long[metrics.size()][1024];
        }

        /** The index of a series, given on first sight. */
        public int series(SeriesKey key) {
            Objects.requireNonNull(key, "key");
            Integer id = seriesIds.get(key);
            if (id == null) {
                id = series.size();
                series.add(key);
                seriesIds.put(key, id);
            }
            return id;
        }

        /** Makes room for {@code rows} more rows at once. */
        public Builder reserve(int rows) {
            grow(size + rows);
            return this;
        }

        /**
         * Appends one row.
         *
         * @param series an index from {@link #series}
         * @param takenAtMillis when the counters were read, epoch milliseconds
         * @param rowValues one value per metric, in the builder's metric order, {@link #ABSENT} for none
         * @throws AnalyticsException on a negative counter or an unknown series, naming the row; the row is not added
         */
        public Builder add(int series, long takenAtMillis, long... rowValues) {
            if (rowValues.length != metrics.size()) {
                throw new AnalyticsException("rows[" + size + "].values",
                        "has " + rowValues.length + " values for " + metrics.size() + " metrics");
            }
            if (series < 0 || series >= this.series.size()) {
                throw new AnalyticsException("rows[" + size + "].series", "is " + series + ", not a known series index");
            }
            for (int m = 0; m < rowValues.length; m++) {
                if (rowValues[m] < ABSENT) {
                    throw new AnalyticsException("rows[" + size + "].values." + metrics.get(m).id(),
                            "must not be negative (got " + rowValues[m] + ")");
                }
            }
            if (size == seriesIndex.length) {
                grow(size + 1);
            }
            seriesIndex[size] = series;
            takenAt[size] = takenAtMillis;
            for (int m = 0; m < rowValues.length; m++) {
                values[m][size] = rowValues[m];
            }
            size++;
            return this;
        }

        private void grow(int needed) {
            if (needed <= seriesIndex.length) {
                return;
            }
            int capacity = Math.max(needed, seriesIndex.length + (seriesIndex.length >> 1));
            seriesIndex = Arrays.copyOf(seriesIndex, capacity);
            takenAt = Arrays.copyOf(takenAt, capacity);
            for (int m = 0; m < values.length; m++) {
                values[m] = Arrays.copyOf(values[m], capacity);
            }
        }

        /** The columns; the builder must not be used afterwards. */
        public SnapshotColumns build() {
            return new SnapshotColumns(List.copyOf(series), metrics, seriesIndex, takenAt, values, size);
        }
    }
}
