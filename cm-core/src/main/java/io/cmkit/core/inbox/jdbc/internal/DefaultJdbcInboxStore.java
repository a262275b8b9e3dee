package io.cmkit.core.inbox.jdbc.internal;

import io.cmkit.core.inbox.FeedKey;
import io.cmkit.core.inbox.FeedState;
import io.cmkit.core.inbox.InboxStore;
import io.cmkit.core.inbox.PendingDelivery;
import io.cmkit.core.inbox.jdbc.JdbcInboxStore;
import io.cmkit.core.jdbc.InteractionJson;
import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.jdbc.StoreDatabase;
import io.cmkit.core.jdbc.StoreSchema;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.Cursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The {@link JdbcInboxStore}: every method is one transaction. */
public final class DefaultJdbcInboxStore implements JdbcInboxStore {

    /** The store's versioned scripts, component {@code inbox} in the version table. */
    public static final StoreSchema SCHEMA = new StoreSchema("inbox", DefaultJdbcInboxStore.class, List.of(
            new StoreSchema.Migration(1, "feeds, seen interactions, pending deliveries",
                    "/io/cmkit/core/inbox/jdbc/db/V1__inbox.sql")));

    /** Keys looked up per statement in {@link #seen}. */
    private static final int KEYS_PER_STATEMENT = 100;

    private final StoreDatabase db;
    private final boolean ownsDatabase;
    private final int schemaVersion;
    private final String feeds;
    private final String seen;
    private final String pending;

    private DefaultJdbcInboxStore(StoreDatabase db, boolean ownsDatabase, int schemaVersion, String prefix) {
        this.db = db;
        this.ownsDatabase = ownsDatabase;
        this.schemaVersion = schemaVersion;
        this.feeds = prefix + "inbox_feed";
        this.seen = prefix + "inbox_seen";
        this.pending = prefix + "inbox_pending";
    }

    /** The store on {@code db}; {@code owns}: close the database with the store. */
    public static DefaultJdbcInboxStore open(StoreDatabase db, JdbcStoreConfig config, boolean owns) {
        return new DefaultJdbcInboxStore(db, owns, db.migrate(SCHEMA, config), config.tablePrefix());
    }

    @Override
    public String jdbcUrl() {
        return db.redactedUrl();
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public void close() {
        if (ownsDatabase) {
            db.close();
        }
    }

    @Override
    public String toString() {
        return "JdbcInboxStore[" + db.dialect() + ", " + db.redactedUrl() + ", schema version " + schemaVersion + "]";
    }

    @Override
    public Optional<FeedState> feed(FeedKey feed) {
        Objects.requireNonNull(feed, "feed");
        return db.inTransaction("read feed " + feed.id(), c -> readFeed(c, feed));
    }

    private Optional<FeedState> readFeed(Connection c, FeedKey feed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT feed_cursor, wait_until FROM " + feeds + " WHERE feed_id = ?")) {
            ps.setString(1, feed.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Optional<Cursor> cursor = Optional.ofNullable(rs.getString(1)).map(Cursor::of);
                long wait = rs.getLong(2);
                Optional<Instant> waitUntil = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(wait));
                return Optional.of(new FeedState(feed, cursor, waitUntil));
            }
        }
    }

    @Override
    public Set<String> seen(Collection<String> deliveryKeys) {
        List<String> keys = List.copyOf(new LinkedHashSet<>(deliveryKeys));
        if (keys.isEmpty()) {
            return Set.of();
        }
        return db.inTransaction("look up " + keys.size() + " seen interactions", c -> seenIn(c, keys));
    }

    @Override
    public void commitPage(FeedKey feed, Optional<Cursor> next, List<Taken> taken, Instant now) {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(now, "now");
        db.inTransaction("record a page of " + feed.id(), c -> {
            if (!taken.isEmpty()) {
                Set<String> known = new HashSet<>();
                for (Taken t : taken) {
                    known.add(InboxStore.deliveryKey(t.interaction()));
                }
                known = seenIn(c, known);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + seen + " (delivery_key, seen_at) VALUES (?, ?)")) {
                    int batched = 0;
                    for (Taken t : taken) {
                        String key = InboxStore.deliveryKey(t.interaction());
                        if (known.add(key)) {
                            ps.setString(1, key);
                            ps.setLong(2, now.toEpochMilli());
                            ps.addBatch();
                            batched++;
                        }
                    }
                    if (batched > 0) {
                        ps.executeBatch();
                    }
                }
                for (Taken t : taken) {
                    if (!t.failedHandlers().isEmpty()) {
                        String key = InboxStore.deliveryKey(t.interaction());
                        upsertPending(c, new PendingDelivery(key, feed, t.interaction(), t.failedHandlers(), 1, t.error(),
                                now, false));
                    }
                }
            }
            Optional<FeedState> state = readFeed(c, feed);
            Optional<Cursor> cursor = next.isPresent() ? next : state.flatMap(FeedState::cursor);
            writeFeed(c, feed, cursor, Optional.empty(), now, state.isPresent());
            return null;
        });
    }

    private Set<String> seenIn(Connection c, Collection<String> keys) throws SQLException {
        Set<String> out = new HashSet<>();
        List<String> list = List.copyOf(keys);
        for (int from = 0; from < list.size(); from += KEYS_PER_STATEMENT) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + KEYS_PER_STATEMENT));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT delivery_key FROM " + seen
                    + " WHERE delivery_key IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private void writeFeed(Connection c, FeedKey feed, Optional<Cursor> cursor, Optional<Instant> waitUntil,
                           Instant updatedAt, boolean exists) throws SQLException {
        String sql = exists
                ? "UPDATE " + feeds + " SET feed_cursor = ?, wait_until = ?, updated_at = ? WHERE feed_id = ?"
                : "INSERT INTO " + feeds + " (feed_cursor, wait_until, updated_at, feed_id, account, kind, post_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (cursor.isPresent()) {
                ps.setString(1, cursor.get().value());
            } else {
                ps.setNull(1, Types.VARCHAR);
            }
            if (waitUntil.isPresent()) {
                ps.setLong(2, waitUntil.get().toEpochMilli());
            } else {
                ps.setNull(2, Types.BIGINT);
            }
            ps.setLong(3, updatedAt.toEpochMilli());
            ps.setString(4, feed.id());
            if (!exists) {
                ps.setString(5, feed.account().platform().id() + ":" + feed.account().handle());
                ps.setString(6, feed.kind().name());
                if (feed.postId().isPresent()) {
                    ps.setString(7, feed.postId().get());
                } else {
                    ps.setNull(7, Types.VARCHAR);
                }
            }
            ps.executeUpdate();
        }
    }

    @Override
    public void waitUntil(FeedKey feed, Instant until) {
        Objects.requireNonNull(until, "until");
        db.inTransaction("hold feed " + feed.id(), c -> {
            Optional<FeedState> state = readFeed(c, feed);
            if (state.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + feeds + " SET wait_until = ? WHERE feed_id = ?")) {
                    ps.setLong(1, until.toEpochMilli());
                    ps.setString(2, feed.id());
                    ps.executeUpdate();
                }
            } else {
                writeFeed(c, feed, Optional.empty(), Optional.of(until), until, false);
            }
            return null;
        });
    }

    @Override
    public List<PendingDelivery> pending(int limit) {
        return deliveries(false, limit);
    }

    @Override
    public List<PendingDelivery> abandoned(int limit) {
        return deliveries(true, limit);
    }

    private List<PendingDelivery> deliveries(boolean abandoned, int limit) {
        return db.inTransaction("read " + (abandoned ? "abandoned" : "pending") + " deliveries", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT d.delivery_key, d.interaction, d.handlers, d.attempts, "
                    + "d.last_error, d.first_failed_at, f.account, f.kind, f.post_id FROM " + pending + " d JOIN " + feeds
                    + " f ON f.feed_id = d.feed_id WHERE d.abandoned = ? ORDER BY d.first_failed_at, d.delivery_key LIMIT ?")) {
                ps.setBoolean(1, abandoned);
                ps.setInt(2, limit);
                List<PendingDelivery> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        FeedKey feed = new FeedKey(account(rs.getString(7)), FeedKey.Kind.valueOf(rs.getString(8)),
                                Optional.ofNullable(rs.getString(9)));
                        Set<String> handlers = new LinkedHashSet<>(Arrays.asList(rs.getString(3).split("\n")));
                        out.add(new PendingDelivery(rs.getString(1), feed, InteractionJson.read(rs.getString(2)), handlers,
                                rs.getInt(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), abandoned));
                    }
                }
                return out;
            }
        });
    }

    /** The account of a feed row: {@code platform:handle}, the handle as the account has it. */
    private static Account account(String key) {
        int colon = key.indexOf(':');
        return new Account(Platform.of(key.substring(0, colon)), key.substring(colon + 1));
    }

    @Override
    public void updatePending(PendingDelivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        db.inTransaction("update delivery " + delivery.deliveryKey(), c -> {
            if (delivery.handlers().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + pending + " WHERE delivery_key = ?")) {
                    ps.setString(1, delivery.deliveryKey());
                    ps.executeUpdate();
                }
            } else {
                upsertPending(c, delivery);
            }
            return null;
        });
    }

    private void upsertPending(Connection c, PendingDelivery d) throws SQLException {
        for (String h : d.handlers()) {
            if (h.contains("\n")) {
                throw new IllegalArgumentException("handler name " + h.replace("\n", "\\n") + " contains a new line");
            }
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + pending + " WHERE delivery_key = ?")) {
            del.setString(1, d.deliveryKey());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + pending + " (delivery_key, feed_id, interaction, "
                + "handlers, attempts, last_error, first_failed_at, abandoned) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.deliveryKey());
            ps.setString(2, d.feed().id());
            ps.setString(3, InteractionJson.write(d.interaction()));
            ps.setString(4, String.join("\n", new java.util.TreeSet<>(d.handlers())));
            ps.setInt(5, d.attempts());
            ps.setString(6, d.lastError());
            ps.setLong(7, d.firstFailedAt().toEpochMilli());
            ps.setBoolean(8, d.abandoned());
            ps.executeUpdate();
        }
    }

    @Override
    public int forgetBefore(Instant before) {
        return db.inTransaction("forget interactions seen before " + before, c -> {
            int forgotten;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + seen + " WHERE seen_at < ? AND NOT EXISTS "
                    + "(SELECT 1 FROM " + pending + " d WHERE d.delivery_key = " + seen + ".delivery_key)")) {
                ps.setLong(1, before.toEpochMilli());
                forgotten = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + feeds + " WHERE kind = 'COMMENTS' AND updated_at < ? "
                    + "AND NOT EXISTS (SELECT 1 FROM " + pending + " d WHERE d.feed_id = " + feeds + ".feed_id)")) {
                ps.setLong(1, before.toEpochMilli());
                ps.executeUpdate();
            }
            return forgotten;
        });
    }
}
