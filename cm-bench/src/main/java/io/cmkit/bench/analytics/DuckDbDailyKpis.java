package io.cmkit.bench.analytics;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The anchor: DuckDB in process. Rows are loaded through its {@link DuckDBAppender}; deltas come
 * from {@code lag()} over each series ordered by time (the first reading of a post counts from
 * zero, as in cmkit); the day is found by an {@code ASOF JOIN} on the start instants of the
 * brand's days in Paris (23 and 25-hour days included); per-platform rows sum the per-account ones.
 */
final class DuckDbDailyKpis implements AutoCloseable {

    /** Times of one run, in nanoseconds, and its result. */
    record Run(long loadNanos, long queryNanos, long processCpuNanos, DailyCounters result) {
        long totalNanos() {
            return loadNanos + queryNanos;
        }
    }

    private final Connection connection;

    DuckDbDailyKpis(int threads) throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        if (threads > 0) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET threads = " + threads);
            }
        }
    }

    /** The threads DuckDB uses. */
    String threads() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('threads')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    Run run(SnapshotWorkload w) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS snaps");
            s.execute("DROP TABLE IF EXISTS days");
            s.execute("DROP TABLE IF EXISTS accounts");
        }
        long cpu0 = ProcessCpu.nanos();
        long t0 = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE snaps (series INTEGER, account INTEGER, ts BIGINT, impressions BIGINT, likes BIGINT,"
                    + " shares BIGINT, comments BIGINT, clicks BIGINT)");
            s.execute("CREATE TABLE days (day INTEGER, start_ms BIGINT)");
            s.execute("CREATE TABLE accounts (account INTEGER, platform VARCHAR)");
        }
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "snaps")) {
            int[] series = w.seriesIndex();
            long[] ts = w.takenAtMillis();
            long[][] v = w.values();
            int[] accountOf = w.accountOfSeries();
            for (int i = 0; i < w.size(); i++) {
                appender.beginRow();
                appender.append(series[i]);
                appender.append(accountOf[series[i]]);
                appender.append(ts[i]);
                for (long[] column : v) {
                    if (column[i] < 0) {
                        appender.appendNull();
                    } else {
                        appender.append(column[i]);
                    }
                }
                appender.endRow();
            }
        }
        try (DuckDBAppender days = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "days")) {
            LocalDate day = w.quarter().start();
            for (int d = 0; d < w.quarter().days(); d++, day = day.plusDays(1)) {
                days.beginRow();
                days.append(d);
                days.append(day.atStartOfDay(w.brand().timeZone()).toInstant().toEpochMilli());
                days.endRow();
            }
        }
        try (DuckDBAppender accounts = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "accounts")) {
            for (int a = 0; a < w.accountPlatforms().size(); a++) {
                accounts.beginRow();
                accounts.append(a);
                accounts.append(w.accountPlatforms().get(a).id());
                accounts.endRow();
            }
        }
        long t1 = System.nanoTime();
        long end = w.quarter().end().plusDays(1).atStartOfDay(w.brand().timeZone()).toInstant().toEpochMilli();
        Map<String, List<Long>> byAccount = new HashMap<>();
        Map<String, List<Long>> byPlatform = new HashMap<>();
        Map<String, List<Double>> kpisByAccount = new HashMap<>();
        Map<String, List<Double>> kpisByPlatform = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE account_days AS"
                    + " WITH d AS (SELECT account, ts,"
                    + "   impressions - coalesce(lag(impressions) OVER w, 0) AS impressions,"
                    + "   likes - coalesce(lag(likes) OVER w, 0) AS likes,"
                    + "   shares - coalesce(lag(shares) OVER w, 0) AS shares,"
                    + "   comments - coalesce(lag(comments) OVER w, 0) AS comments,"
                    + "   clicks - coalesce(lag(clicks) OVER w, 0) AS clicks"
                    + "   FROM snaps WHERE ts < " + end + " WINDOW w AS (PARTITION BY series ORDER BY ts))"
                    + " SELECT d.account, days.day, count(*) AS snapshots, sum(impressions) AS impressions,"
                    + "   sum(likes) AS likes, sum(shares) AS shares, sum(comments) AS comments, sum(clicks) AS clicks"
                    + " FROM d ASOF JOIN days ON d.ts >= days.start_ms GROUP BY d.account, days.day");
            try (ResultSet rs = s.executeQuery("SELECT account, day, snapshots, impressions, likes, shares, comments, clicks,"
                    + KPIS + " FROM account_days")) {
                while (rs.next()) {
                    String key = rs.getInt(1) + "/" + rs.getInt(2);
                    byAccount.put(key, row(rs));
                    kpisByAccount.put(key, kpis(rs));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT *, " + KPIS + " FROM (SELECT a.platform, ad.day,"
                    + " sum(snapshots) AS snapshots, sum(impressions) AS impressions, sum(likes) AS likes,"
                    + " sum(shares) AS shares, sum(comments) AS comments, sum(clicks) AS clicks"
                    + " FROM account_days ad JOIN accounts a USING (account) GROUP BY a.platform, ad.day)")) {
                while (rs.next()) {
                    String key = rs.getString(1) + "/" + rs.getInt(2);
                    byPlatform.put(key, row(rs));
                    kpisByPlatform.put(key, kpis(rs));
                }
            }
            s.execute("DROP TABLE account_days");
        }
        long t2 = System.nanoTime();
        return new Run(t1 - t0, t2 - t1, ProcessCpu.nanos() - cpu0,
                new DailyCounters(byAccount, byPlatform, kpisByAccount, kpisByPlatform));
    }

    /**
     * The KPIs cmkit's catalogue computes, in SQL: engagements (likes + shares + comments, the
     * components this workload exposes), engagements / impressions and clicks / impressions, as
     * doubles; NULL where impressions are not exposed or 0.
     */
    private static final String KPIS = "CAST(likes + shares + comments AS DOUBLE) AS engagements,"
            + " CAST(likes + shares + comments AS DOUBLE) / CAST(NULLIF(impressions, 0) AS DOUBLE) AS er_impressions,"
            + " CAST(clicks AS DOUBLE) / CAST(NULLIF(impressions, 0) AS DOUBLE) AS ctr";

    private static List<Double> kpis(ResultSet rs) throws SQLException {
        List<Double> cells = new ArrayList<>(3);
        for (int c = 9; c <= 11; c++) {
            double v = rs.getDouble(c);
            cells.add(rs.wasNull() ? null : v);
        }
        return cells;
    }

    private static List<Long> row(ResultSet rs) throws SQLException {
        List<Long> cells = new ArrayList<>(6);
        for (int c = 3; c <= 8; c++) {
            long v = rs.getLong(c);
            cells.add(rs.wasNull() ? null : v);
        }
        return cells;
    }

    /** Bytes DuckDB reports in use (its own buffer manager, outside the Java heap). */
    long memoryBytes() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(memory_usage_bytes) FROM duckdb_memory()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
