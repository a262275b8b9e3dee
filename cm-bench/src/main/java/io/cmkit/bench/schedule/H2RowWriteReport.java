package io.cmkit.bench.schedule;

import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.schedule.PostAction;
import io.cmkit.core.schedule.PostState;
import io.cmkit.core.schedule.Publication;
import io.cmkit.core.schedule.ScheduledPost;
import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The row writes each design needs per item on H2, alone: no scheduler, no connector, no reads, no
 * objects, only the {@code UPDATE}s, {@code DELETE}s, locks and commits, in this thread, timed as its
 * CPU. It shows how much of the scheduler benchmark's gap on H2 with one instance is the writes
 * themselves, which no tuning of the code around them removes. H2 2.3 writes a row's update as the old
 * row removed from every index of its table and the new one added (its {@code Table.updateRows}),
 * after a lock of the row, and its commit visits each of those writes again.
 *
 * <ul>
 *   <li><b>cmkit</b>: the store's writes on its own schema (migrated by {@link JdbcScheduleStore},
 *   the rows written by the store): per batch of 50, a claim (each publication locked
 *   {@code FOR UPDATE}, one key per statement where the store locks up to 100 per statement, leased, its post moved to PUBLISHING with the DISPATCH kept on its row) and a
 *   completion (the publication PUBLISHED, its post PUBLISHED with the end kept on its row), one
 *   transaction each.</li>
 *   <li><b>cmkit, least</b>: the fewest writes that still keep what the issue asks of a post (its state
 *   and who moved it when) and a lease a crash can be taken over from: the claim only leases the
 *   publication (no lock before, the post untouched); the completion deletes the publication and
 *   updates its post. A model of a floor, not something the store does.</li>
 *   <li><b>db-scheduler</b>: its table for H2 and its two writes per one-time task, each committed
 *   on its own as it does: the pick ({@code update ... set picked = ?, picked_by = ?,
 *   last_heartbeat = ?, version = version + 1 where picked = ? and task_name = ? and task_instance = ?
 *   and version = ?}) and the removal ({@code delete from ... where task_name = ? and
 *   task_instance = ? and version = ?}), as its JdbcTaskRepository issues them.</li>
 * </ul>
 *
 * Each round writes {@code items} items with each design in a fresh database, then checks that every
 * item ended (PUBLISHED, removed) before its time counts.
 *
 * <pre>
 * mvn -q -Pbench -DskipTests package -pl cm-bench -am -Dbench.main=io.cmkit.bench.schedule.H2RowWriteReport \
 *     -Dbench.args="15 10 2000"      # warmup rounds items
 * </pre>
 */
public final class H2RowWriteReport {

    /** The designs measured. */
    public enum Design {
        CMKIT("cmkit (the store's writes)"),
        CMKIT_LEAST("cmkit, least (a floor)"),
        DB_SCHEDULER("db-scheduler 16");

        private final String label;

        Design(String label) {
            this.label = label;
        }
    }

    private static final int BATCH = 50;
    private static final Account ACCOUNT = new Account(Platform.MASTODON, "cafe_lumiere@mastodon.social");
    private static final Instant DUE = Instant.parse("2026-03-02T08:00:00Z");
    private static final String BRAND = "cafe-lumiere";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private H2RowWriteReport() {
    }

    public static void main(String[] args) throws SQLException {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int items = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Map<Design, List<Double>> measured = new EnumMap<>(Design.class);
        for (int round = 0; round < warmup + rounds; round++) {
            for (Design d : Design.values()) {
                double micros = microsPerItem(d, items);
                if (round >= warmup) {
                    measured.computeIfAbsent(d, k -> new ArrayList<>()).add(micros);
                }
            }
        }
        System.out.printf(Locale.ROOT, "H2, %d items, batches of %d, %d rounds after %d warm-up: "
                + "thread CPU µs per item of the row writes alone, median [min - max]%n", items, BATCH, rounds, warmup);
        double anchor = median(measured.get(Design.DB_SCHEDULER));
        for (Design d : Design.values()) {
            double[] sorted = measured.get(d).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted[sorted.length / 2];
            System.out.printf(Locale.ROOT, "%-28s %6.1f [%.1f - %.1f]  x%.2f db-scheduler's%n", d.label, median,
                    sorted[0], sorted[sorted.length - 1], median / anchor);
        }
    }

    private static double median(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray()[values.size() / 2];
    }

    /**
     * One round of {@code design} over {@code items} items in a fresh database: this thread's CPU µs per
     * item of the writes.
     *
     * @throws IllegalStateException when an item did not end (not PUBLISHED, or not removed)
     */
    public static double microsPerItem(Design design, int items) throws SQLException {
        try (BenchDatabase db = BenchDatabase.fresh(BenchDatabase.Engine.H2, "rowwrites")) {
            List<String> names = ExactlyOnce.itemNames(items);
            if (design == Design.DB_SCHEDULER) {
                db.execute(DbSchedulerThroughputRun.H2_TABLE);
                try (Connection c = DriverManager.getConnection(db.url(), db.user(), "")) {
                    insertTasks(c, names);
                    long nanos = dbSchedulerWrites(c, names);
                    requireCount(db, "SELECT COUNT(*) FROM scheduled_tasks", 0, design);
                    return nanos / 1e3 / items;
                }
            }
            List<String> keys = new ArrayList<>(items);
            try (JdbcScheduleStore store = JdbcScheduleStore.connect(db.url(), db.user(), "", JdbcStoreConfig.ofDefaults())) {
                for (String name : names) {
                    keys.add(schedule(store, name));
                }
            }
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), "")) {
                c.setAutoCommit(false);
                long nanos = design == Design.CMKIT ? cmkitWrites(c, names, keys) : leastWrites(c, names, keys);
                requireCount(db, "SELECT COUNT(*) FROM cm_schedule_post WHERE state = 'PUBLISHED'", items, design);
                requireCount(db, "SELECT COUNT(*) FROM cm_schedule_publication WHERE status <> 'PUBLISHED'", 0, design);
                return nanos / 1e3 / items;
            }
        }
    }

    private static void requireCount(BenchDatabase db, String sql, long expected, Design design) {
        long n = db.count(sql);
        if (n != expected) {
            throw new IllegalStateException(design.label + ": " + sql + " gave " + n + ", not " + expected);
        }
    }

    /** A post SCHEDULED with one PENDING publication, written by the store; returns the publication's key. */
    private static String schedule(JdbcScheduleStore store, String name) {
        Post post = new Post(name, BRAND, Optional.empty(), Optional.empty(),
                List.of(PostVariant.text(Platform.MASTODON, "Notre latte du lundi ☕ " + name)));
        ScheduledPost draft = store.insert(ScheduledPost.draft(post, List.of(ACCOUNT), "camille", DUE));
        ScheduledPost scheduled = draft.transition(PostAction.SCHEDULE, PostState.SCHEDULED, "lea", DUE, Optional.empty())
                .withScheduledAt(Optional.of(DUE));
        Publication p = Publication.pending(draft.key(), ACCOUNT, post.variantFor(Platform.MASTODON).orElseThrow(), DUE, DUE);
        store.update(scheduled, draft.version(), Optional.of(List.of(p)));
        return p.idempotencyKey();
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long cmkitWrites(Connection c, List<String> names, List<String> keys) throws SQLException {
        long at = DUE.plusSeconds(60).toEpochMilli();
        long t0 = cpu();
        try (PreparedStatement lock = c.prepareStatement("SELECT status FROM cm_schedule_publication "
                + "WHERE idempotency_key = ? FOR UPDATE SKIP LOCKED");
             PreparedStatement lease = c.prepareStatement("UPDATE cm_schedule_publication SET status = 'PUBLISHING', "
                     + "claimable_at = ?, lease_owner = ?, lease_token = ?, lease_expires_at = ?, outcome_unknown = FALSE, "
                     + "updated_at = ? WHERE idempotency_key = ? AND claimable_at <= ?");
             PreparedStatement dispatch = c.prepareStatement("UPDATE cm_schedule_post SET state = 'PUBLISHING', "
                     + "version = version + 1, dispatch_actor = ?, dispatch_second = ?, dispatch_nano = ? "
                     + "WHERE brand_id = ? AND post_id = ? AND state = 'SCHEDULED'");
             PreparedStatement end = c.prepareStatement("UPDATE cm_schedule_publication SET status = 'PUBLISHED', "
                     + "claimable_at = NULL, lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, published = ?, "
                     + "updated_at = ? WHERE idempotency_key = ? AND status = 'PUBLISHING' AND lease_token = ?");
             PreparedStatement settle = c.prepareStatement("UPDATE cm_schedule_post SET state = 'PUBLISHED', "
                     + "version = version + 1, open_publications = 0, end_action = 'COMPLETE', end_state = 'PUBLISHED', "
                     + "end_actor = ?, end_second = ?, end_nano = ? WHERE brand_id = ? AND post_id = ? AND state = 'PUBLISHING'")) {
            for (int b = 0; b < keys.size(); b += BATCH) {
                int to = Math.min(keys.size(), b + BATCH);
                for (int i = b; i < to; i++) {
                    lock.setString(1, keys.get(i));
                    try (ResultSet rs = lock.executeQuery()) {
                        requireRow(rs, keys.get(i));
                    }
                }
                bindLeases(lease, keys, b, to, at);
                lease.executeBatch();
                bindPosts(dispatch, names, b, to, at);
                dispatch.executeBatch();
                c.commit();
                for (int i = b; i < to; i++) {
                    end.setString(1, "{\"id\":\"id-" + i + "\"}");
                    end.setLong(2, at);
                    end.setString(3, keys.get(i));
                    end.setString(4, "token-" + i);
                    end.addBatch();
                }
                end.executeBatch();
                bindPosts(settle, names, b, to, at);
                settle.executeBatch();
                c.commit();
            }
        }
        return cpu() - t0;
    }

    private static long leastWrites(Connection c, List<String> names, List<String> keys) throws SQLException {
        long at = DUE.plusSeconds(60).toEpochMilli();
        long t0 = cpu();
        try (PreparedStatement lease = c.prepareStatement("UPDATE cm_schedule_publication SET status = 'PUBLISHING', "
                + "claimable_at = ?, lease_owner = ?, lease_token = ?, lease_expires_at = ?, updated_at = ? "
                + "WHERE idempotency_key = ? AND claimable_at <= ?");
             PreparedStatement remove = c.prepareStatement("DELETE FROM cm_schedule_publication "
                     + "WHERE idempotency_key = ? AND lease_token = ?");
             PreparedStatement settle = c.prepareStatement("UPDATE cm_schedule_post SET state = 'PUBLISHED', "
                     + "version = version + 1, open_publications = 0, end_action = 'COMPLETE', end_state = 'PUBLISHED', "
                     + "end_actor = ?, end_second = ?, end_nano = ? WHERE brand_id = ? AND post_id = ?")) {
            for (int b = 0; b < keys.size(); b += BATCH) {
                int to = Math.min(keys.size(), b + BATCH);
                bindLeases(lease, keys, b, to, at);
                lease.executeBatch();
                c.commit();
                for (int i = b; i < to; i++) {
                    remove.setString(1, keys.get(i));
                    remove.setString(2, "token-" + i);
                    remove.addBatch();
                }
                remove.executeBatch();
                bindPosts(settle, names, b, to, at);
                settle.executeBatch();
                c.commit();
            }
        }
        return cpu() - t0;
    }

    /** Binds the lease (5 minutes from at, token "token-i") and the due check of items {@code from} to {@code to}, one batch entry each. */
    private static void bindLeases(PreparedStatement ps, List<String> keys, int from, int to, long at) throws SQLException {
        for (int i = from; i < to; i++) {
            ps.setLong(1, at + 300_000);
            ps.setString(2, "instance-1");
            ps.setString(3, "token-" + i);
            ps.setLong(4, at + 300_000);
            ps.setLong(5, at);
            ps.setString(6, keys.get(i));
            ps.setLong(7, at);
            ps.addBatch();
        }
    }

    /** Binds who (the instance) and when (at) and the post's key of items {@code from} to {@code to}, one batch entry each. */
    private static void bindPosts(PreparedStatement ps, List<String> names, int from, int to, long at) throws SQLException {
        for (int i = from; i < to; i++) {
            ps.setString(1, "instance-1");
            ps.setLong(2, at / 1000);
            ps.setInt(3, 0);
            ps.setString(4, BRAND);
            ps.setString(5, names.get(i));
            ps.addBatch();
        }
    }

    private static void requireRow(ResultSet rs, String key) throws SQLException {
        if (!rs.next()) {
            throw new IllegalStateException("publication " + key + " was not there to lock");
        }
    }

    private static void insertTasks(Connection c, List<String> names) throws SQLException {
        Timestamp due = Timestamp.from(DUE);
        try (PreparedStatement ps = c.prepareStatement("insert into scheduled_tasks(task_name, task_instance, task_data, "
                + "execution_time, picked, version) values(?, ?, ?, ?, ?, ?)")) {
            for (String name : names) {
                ps.setString(1, "publish");
                ps.setString(2, name);
                ps.setBytes(3, null);
                ps.setTimestamp(4, due);
                ps.setBoolean(5, false);
                ps.setLong(6, 1);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static long dbSchedulerWrites(Connection c, List<String> names) throws SQLException {
        Timestamp now = Timestamp.from(DUE.plusSeconds(60));
        long t0 = cpu();
        try (PreparedStatement pick = c.prepareStatement("update scheduled_tasks set picked = ?, picked_by = ?, "
                + "last_heartbeat = ?, version = version + 1 where picked = ? and task_name = ? and task_instance = ? "
                + "and version = ?");
             PreparedStatement remove = c.prepareStatement("delete from scheduled_tasks where task_name = ? "
                     + "and task_instance = ? and version = ?")) {
            for (String name : names) {
                pick.setBoolean(1, true);
                pick.setString(2, "db-scheduler-0");
                pick.setTimestamp(3, now);
                pick.setBoolean(4, false);
                pick.setString(5, "publish");
                pick.setString(6, name);
                pick.setLong(7, 1);
                if (pick.executeUpdate() != 1) {
                    throw new IllegalStateException("db-scheduler: " + name + " was not picked");
                }
                remove.setString(1, "publish");
                remove.setString(2, name);
                remove.setLong(3, 2);
                if (remove.executeUpdate() != 1) {
                    throw new IllegalStateException("db-scheduler: " + name + " was not removed");
                }
            }
        }
        return cpu() - t0;
    }
}
