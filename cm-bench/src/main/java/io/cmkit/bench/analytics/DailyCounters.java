package io.cmkit.bench.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The benchmark's result, as both systems produce it: per (group, day index) with at least one
 * snapshot, the snapshot count and each counter's net change, {@code null} when not available.
 *
 * @param byAccount keys {@code "account-index/day-index"}
 * @param byPlatform keys {@code "platform-id/day-index"}
 */
public record DailyCounters(Map<String, List<Long>> byAccount, Map<String, List<Long>> byPlatform) {

    public DailyCounters {
        byAccount = new TreeMap<>(byAccount);
        byPlatform = new TreeMap<>(byPlatform);
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
    }

    private static void compare(String what, Map<String, List<Long>> a, Map<String, List<Long>> b) {
        if (!a.keySet().equals(b.keySet())) {
            throw new IllegalStateException("per " + what + ": cmkit has " + a.size() + " rows, DuckDB " + b.size()
                    + "; first only in one: " + firstDifference(a, b));
        }
        for (Map.Entry<String, List<Long>> e : a.entrySet()) {
            if (!Objects.equals(e.getValue(), b.get(e.getKey()))) {
                throw new IllegalStateException("per " + what + " " + e.getKey() + ": cmkit " + e.getValue()
                        + ", DuckDB " + b.get(e.getKey()));
            }
        }
    }

    private static String firstDifference(Map<String, List<Long>> a, Map<String, List<Long>> b) {
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
