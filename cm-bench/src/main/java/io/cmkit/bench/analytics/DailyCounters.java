package io.cmkit.bench.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The benchmark's result, as both systems produce it: per (group, day index) with at least one
 * snapshot, the snapshot count and each counter's net change, and the day's KPIs (engagements,
 * engagement rate by impressions, click-through rate); {@code null} where not available.
 *
 * @param byAccount keys {@code "account-index/day-index"}
 * @param byPlatform keys {@code "platform-id/day-index"}
 * @param kpisByAccount same keys as {@code byAccount}
 * @param kpisByPlatform same keys as {@code byPlatform}
 */
public record DailyCounters(Map<String, List<Long>> byAccount, Map<String, List<Long>> byPlatform,
                            Map<String, List<Double>> kpisByAccount, Map<String, List<Double>> kpisByPlatform) {

    public DailyCounters {
        byAccount = new TreeMap<>(byAccount);
        byPlatform = new TreeMap<>(byPlatform);
        kpisByAccount = new TreeMap<>(kpisByAccount);
        kpisByPlatform = new TreeMap<>(kpisByPlatform);
    }

    /** Counters only, no KPIs (for tests of the comparison). */
    static DailyCounters ofCounters(Map<String, List<Long>> byAccount, Map<String, List<Long>> byPlatform) {
        return new DailyCounters(byAccount, byPlatform, Map.of(), Map.of());
    }

    /** A row's cells: snapshots then one per metric. */
    static List<Long> cells(long snapshots, Long... changes) {
        List<Long> out = new ArrayList<>(changes.length + 1);
        out.add(snapshots);
        out.addAll(java.util.Arrays.asList(changes));
        return out;
    }

    /**
     * Throws unless both results are identical, naming the first differing row.
     *
     * @throws IllegalStateException on the first difference
     */
    public static void requireIdentical(DailyCounters cmkit, DailyCounters duckdb) {
        compare("account", cmkit.byAccount, duckdb.byAccount);
        compare("platform", cmkit.byPlatform, duckdb.byPlatform);
        compare("account KPIs", cmkit.kpisByAccount, duckdb.kpisByAccount);
        compare("platform KPIs", cmkit.kpisByPlatform, duckdb.kpisByPlatform);
    }

    private static <T> void compare(String what, Map<String, List<T>> a, Map<String, List<T>> b) {
        if (!a.keySet().equals(b.keySet())) {
            throw new IllegalStateException("per " + what + ": cmkit has " + a.size() + " rows, DuckDB " + b.size()
                    + "; first only in one: " + firstDifference(a, b));
        }
        for (Map.Entry<String, List<T>> e : a.entrySet()) {
            if (!Objects.equals(e.getValue(), b.get(e.getKey()))) {
                throw new IllegalStateException("per " + what + " " + e.getKey() + ": cmkit " + e.getValue()
                        + ", DuckDB " + b.get(e.getKey()));
            }
        }
    }

    private static <T> String firstDifference(Map<String, List<T>> a, Map<String, List<T>> b) {
        for (String k : a.keySet()) {
            if (!b.containsKey(k)) {
                return k + " (cmkit only)";
            }
        }
        for (String k : b.keySet()) {
            if (!a.containsKey(k)) {
                return k + " (DuckDB only)";
            }
        }
        return "none";
    }

    /** Total of one cell over the rows per account, for a sanity line in the report. */
    public long totalByAccount(int cell) {
        return byAccount.values().stream().map(r -> r.get(cell)).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }
}
