package io.cmkit.analytics.aggregate;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.analytics.kpi.Counters;
import io.cmkit.analytics.kpi.Kpi;
import io.cmkit.analytics.kpi.KpiCatalogue;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.kpi.Unavailability;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.Platform;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The result of an aggregation: per group and period, the net change of each counter, its level
 * at the period's edges, the snapshots and the posts first seen. Built by {@link Aggregator};
 * {@link #rollUp} sums it to fewer dimensions without reading the snapshots again.
 *
 * <p><b>Availability.</b> A counter is available in a group only if every series of the group
 * that has data reported it at least once: when a group mixes a platform that exposes impressions
 * with one that does not, its impressions are not available (a partial sum would mislead), and the
 * reason names the platforms. A change is not available in a period with no snapshot of the group.
 */
public final class AggregateTable {

    private final ZoneId zone;
    private final PeriodUnit unit;
    private final Set<Dimension> dimensions;
    private final List<LocalDate> periods;
    private final List<Metric> metrics;
    private final List<GroupKey> groups;
    private final long[] delta;
    private final long[] baseline;
    private final long[] snapshots;
    private final long[] newPosts;
    private final int[] seriesCount;
    private final int[] exposedCount;
    private final List<Set<Platform>> notExposedOn;
    private final long duplicates;

    AggregateTable(ZoneId zone, PeriodUnit unit, Set<Dimension> dimensions, List<LocalDate> periods,
                   List<Metric> metrics, List<GroupKey> groups, long[] delta, long[] baseline, long[] snapshots,
                   long[] newPosts, int[] seriesCount, int[] exposedCount, List<Set<Platform>> notExposedOn,
                   long duplicates) {
        this.zone = zone;
        this.unit = unit;
        this.dimensions = dimensions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(dimensions));
        this.periods = List.copyOf(periods);
        this.metrics = List.copyOf(metrics);
        this.groups = List.copyOf(groups);
        this.delta = delta;
        this.baseline = baseline;
        this.snapshots = snapshots;
        this.newPosts = newPosts;
        this.seriesCount = seriesCount;
        this.exposedCount = exposedCount;
        this.notExposedOn = notExposedOn;
        this.duplicates = duplicates;
    }

    /** The brand's time zone. */
    public ZoneId zone() {
        return zone;
    }

    /** The period length. */
    public PeriodUnit unit() {
        return unit;
    }

    /** What rows are grouped by. */
    public Set<Dimension> dimensions() {
        return dimensions;
    }

    /** The first day of each period, in order. */
    public List<LocalDate> periods() {
        return periods;
    }

    /** The counters the snapshots carried. */
    public List<Metric> metrics() {
        return metrics;
    }

    /** The groups, in order. */
    public List<GroupKey> groups() {
        return groups;
    }

    /** Rows whose time repeated their series' previous reading (kept as one, the larger values winning). */
    public long duplicates() {
        return duplicates;
    }

    /** Whether no snapshot fell in any period: a report shows an empty section, not zeros. */
    public boolean isEmpty() {
        int stride = periods.size() + 1;
        for (int g = 0; g < groups.size(); g++) {
            for (int p = 1; p < stride; p++) {
                if (snapshots[g * stride + p] > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every row: by group, then period. Periods with no data are there, with nothing available. */
    public List<AggregateRow> rows() {
        List<AggregateRow> out = new ArrayList<>(groups.size() * periods.size());
        for (int g = 0; g < groups.size(); g++) {
            out.addAll(rowsOf(g));
        }
        return out;
    }

    /** The row of one group and period. */
    public Optional<AggregateRow> row(GroupKey key, LocalDate periodStart) {
        int g = groups.indexOf(key);
        int p = periods.indexOf(periodStart);
        if (g < 0 || p < 0) {
            return Optional.empty();
        }
        return Optional.of(rowsOf(g).get(p));
    }

    private List<AggregateRow> rowsOf(int g) {
        int stride = periods.size() + 1;
        int m = metrics.size();
        long[] level = new long[m];
        long seenSnapshots = snapshots[g * stride];
        for (int k = 0; k < m; k++) {
            level[k] = delta[g * stride * m + k] + baseline[g * stride * m + k];
        }
        Map<Metric, Unavailability> unavailable = new HashMap<>();
        for (int k = 0; k < m; k++) {
            Unavailability reason = exposureProblem(g, k);
            if (reason != null) {
                unavailable.put(metrics.get(k), reason);
            }
        }
        List<AggregateRow> out = new ArrayList<>(periods.size());
        for (int p = 1; p < stride; p++) {
            int cell = g * stride + p;
            Map<Metric, Long> changes = new LinkedHashMap<>();
            Map<Metric, Long> start = new LinkedHashMap<>();
            Map<Metric, Long> end = new LinkedHashMap<>();
            boolean hadBefore = seenSnapshots > 0;
            seenSnapshots += snapshots[cell];
            for (int k = 0; k < m; k++) {
                Metric metric = metrics.get(k);
                if (unavailable.containsKey(metric)) {
                    continue;
                }
                if (hadBefore) {
                    start.put(metric, level[k]);
                }
                level[k] += delta[cell * m + k] + baseline[cell * m + k];
                if (snapshots[cell] > 0) {
                    changes.put(metric, delta[cell * m + k]);
                }
                if (seenSnapshots > 0) {
                    end.put(metric, level[k]);
                }
            }
            out.add(new AggregateRow(groups.get(g), periods.get(p - 1),
                    new Counters(changes, start, end, unavailable, newPosts[cell], snapshots[cell])));
        }
        return out;
    }

    /**
     * A group's counters over consecutive periods {@code from..to} (first days of periods of this
     * table), as if they were one period: changes summed over the periods with snapshots (a
     * period without one moved its increments to the next), levels at the first period's start
     * and the last period's end.
     *
     * @throws AnalyticsException when the group or a period is not in the table, or {@code to} is before {@code from}
     */
    public Counters total(GroupKey key, LocalDate from, LocalDate to) {
        int g = groups.indexOf(key);
        if (g < 0) {
            throw new AnalyticsException("key", key + " is not a group of this table " + groups);
        }
        int first = periods.indexOf(from);
        int last = periods.indexOf(to);
        if (first < 0 || last < 0 || last < first) {
            throw new AnalyticsException("periods", from + ".." + to + " are not periods of this table, in order "
                    + periods.get(0) + ".." + periods.get(periods.size() - 1));
        }
        List<AggregateRow> rows = rowsOf(g).subList(first, last + 1);
        Map<Metric, Long> changes = new LinkedHashMap<>();
        long newPostCount = 0;
        long snapshotCount = 0;
        for (AggregateRow row : rows) {
            row.counters().changes().forEach((metric, value) -> changes.merge(metric, value, Long::sum));
            newPostCount += row.counters().newPosts();
            snapshotCount += row.counters().snapshots();
        }
        Counters head = rows.get(0).counters();
        Counters tail = rows.get(rows.size() - 1).counters();
        return new Counters(changes, head.levelsAtStart(), tail.levelsAtEnd(), head.unavailable(), newPostCount,
                snapshotCount);
    }

    private Unavailability exposureProblem(int g, int k) {
        int n = seriesCount[g];
        int exposed = exposedCount[g * metrics.size() + k];
        if (exposed == n) {
            return null;
        }
        Metric metric = metrics.get(k);
        List<Platform> platforms = List.copyOf(notExposedOn.get(g * metrics.size() + k));
        return exposed == 0 ? new Unavailability.NotExposed(metric, platforms)
                : new Unavailability.PartlyExposed(metric, exposed, n, platforms);
    }

    /**
     * The same table summed to fewer dimensions, e.g. from accounts to platforms, or to the whole
     * brand with an empty set.
     *
     * @throws AnalyticsException when {@code to} names a dimension this table is not grouped by
     */
    public AggregateTable rollUp(Set<Dimension> to) {
        Objects.requireNonNull(to, "to");
        Set<Dimension> target = to.isEmpty() ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(to);
        for (Dimension d : target) {
            boolean derivable = dimensions.contains(d) || (d == Dimension.PLATFORM && dimensions.contains(Dimension.ACCOUNT));
            if (!derivable) {
                throw new AnalyticsException("rollUp." + d, "cannot be rolled up to: the table is grouped by " + dimensions);
            }
        }
        Map<GroupKey, Integer> index = new LinkedHashMap<>();
        int[] mapTo = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            mapTo[g] = index.computeIfAbsent(groups.get(g).keep(target), key -> index.size());
        }
        int stride = periods.size() + 1;
        int m = metrics.size();
        int newGroups = index.size();
        long[] d = new long[newGroups * stride * m];
        long[] b = new long[newGroups * stride * m];
        long[] s = new long[newGroups * stride];
        long[] np = new long[newGroups * stride];
        int[] sc = new int[newGroups];
        int[] ec = new int[newGroups * m];
        List<Set<Platform>> ne = new ArrayList<>();
        for (int i = 0; i < newGroups * m; i++) {
            ne.add(new TreeSet<>());
        }
        for (int g = 0; g < groups.size(); g++) {
            int to2 = mapTo[g];
            for (int c = 0; c < stride; c++) {
                s[to2 * stride + c] += snapshots[g * stride + c];
                np[to2 * stride + c] += newPosts[g * stride + c];
                for (int k = 0; k < m; k++) {
                    d[(to2 * stride + c) * m + k] += delta[(g * stride + c) * m + k];
                    b[(to2 * stride + c) * m + k] += baseline[(g * stride + c) * m + k];
                }
            }
            sc[to2] += seriesCount[g];
            for (int k = 0; k < m; k++) {
                ec[to2 * m + k] += exposedCount[g * m + k];
                ne.get(to2 * m + k).addAll(notExposedOn.get(g * m + k));
            }
        }
        return new AggregateTable(zone, unit, target, periods, metrics, new ArrayList<>(index.keySet()), d, b, s, np,
                sc, ec, ne, duplicates);
    }

    /** The given KPIs of every row. */
    public KpiTable kpis(KpiCatalogue catalogue, List<Kpi> kpis) {
        Objects.requireNonNull(catalogue, "catalogue");
        List<Kpi> columns = requireCounterKpis(kpis);
        List<KpiRow> rows = new ArrayList<>();
        for (AggregateRow row : rows()) {
            Map<Kpi, KpiValue> values = new EnumMap<>(Kpi.class);
            for (Kpi kpi : columns) {
                values.put(kpi, catalogue.compute(kpi, row.counters()));
            }
            rows.add(new KpiRow(row.key(), row.periodStart(), values));
        }
        return new KpiTable(zone, unit, columns, rows);
    }

    /**
     * Each group's KPIs in a period against the period before, both of which must be in the table.
     *
     * @throws AnalyticsException when the period, or the one before it, is not in the table
     */
    public List<PeriodComparison> compare(LocalDate period, KpiCatalogue catalogue, List<Kpi> kpis) {
        Objects.requireNonNull(period, "period");
        List<Kpi> columns = requireCounterKpis(kpis);
        int p = periods.indexOf(period);
        if (p < 0) {
            throw new AnalyticsException("period", period + " does not start a period of this table " + periods);
        }
        if (p == 0) {
            throw new AnalyticsException("period", period + " is the table's first period: the period before it"
                    + " is not in the table; aggregate from " + periods.get(0).minusDays(1) + "'s period on");
        }
        List<PeriodComparison> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<AggregateRow> rows = rowsOf(g);
            for (Kpi kpi : columns) {
                out.add(PeriodComparison.of(groups.get(g), kpi, period, periods.get(p - 1),
                        catalogue.compute(kpi, rows.get(p).counters()), catalogue.compute(kpi, rows.get(p - 1).counters())));
            }
        }
        return out;
    }

    private static List<Kpi> requireCounterKpis(List<Kpi> kpis) {
        List<Kpi> columns = List.copyOf(Objects.requireNonNull(kpis, "kpis"));
        for (int i = 0; i < columns.size(); i++) {
            if (!Kpi.fromCounters().contains(columns.get(i))) {
                throw new AnalyticsException("kpis[" + i + "]", columns.get(i).metric().id() + " is computed from "
                        + columns.get(i).source() + ", not from counters");
            }
        }
        return columns;
    }
}
