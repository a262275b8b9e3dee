package io.cmkit.core.schedule.jdbc.internal;

import io.cmkit.core.jdbc.Dialect;
import io.cmkit.core.jdbc.JdbcStoreException;
import io.cmkit.core.jdbc.StoreDatabase;
import io.cmkit.core.jdbc.StoreSchema;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.schedule.ConcurrentEditException;
import io.cmkit.core.schedule.Lease;
import io.cmkit.core.schedule.Outcome;
import io.cmkit.core.schedule.PostAction;
import io.cmkit.core.schedule.PostKey;
import io.cmkit.core.schedule.PostState;
import io.cmkit.core.schedule.Publication;
import io.cmkit.core.schedule.PublicationStatus;
import io.cmkit.core.schedule.ScheduledPost;
import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import io.cmkit.core.schedule.jdbc.JdbcScheduleStoreConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@link JdbcScheduleStore}. Every method is one transaction on one connection, taken from the
 * data source and given back before it returns; a failure rolls back. Locks are always taken in
 * the same order, publications before their post, except in {@link #update}, which locks the post
 * first and then tries its publications without waiting ({@code NOWAIT}): a claim or a completion
 * holding one of them means the post is being published, which is a concurrent edit anyway.
 */
public final class DefaultJdbcScheduleStore implements JdbcScheduleStore {

    private static final String PUB_COLUMNS = "idempotency_key, brand_id, post_id, platform, handle, variant, status, "
            + "due_at, attempts, lease_owner, lease_token, lease_expires_at, outcome_unknown, published, last_error, updated_at, "
            + "reply_to";

    /** The store's versioned scripts, component {@code schedule} in the version table. */
    public static final StoreSchema SCHEMA = new StoreSchema("schedule", DefaultJdbcScheduleStore.class, List.of(
            new StoreSchema.Migration(1, "posts and publications", "/io/cmkit/core/schedule/jdbc/db/V1__schedule.sql"),
            new StoreSchema.Migration(2, "replies: reply_to of publications", "/io/cmkit/core/schedule/jdbc/db/V2__reply_to.sql")));

    /** Posts locked by one statement of a claim. */
    private static final int POSTS_PER_STATEMENT = 100;

    private final StoreDatabase db;
    private final Dialect dialect;
    private final String url;
    private final int schemaVersion;
    private final String posts;
    private final String pubs;

    private DefaultJdbcScheduleStore(StoreDatabase db, int schemaVersion, String prefix) {
        this.db = db;
        this.dialect = db.dialect();
        this.url = db.redactedUrl();
        this.schemaVersion = schemaVersion;
        this.posts = prefix + "schedule_post";
        this.pubs = prefix + "schedule_publication";
    }

    /** Opens the store on {@code db} (closed with the store): checks or migrates the schema. */
    public static DefaultJdbcScheduleStore open(StoreDatabase db, JdbcScheduleStoreConfig config) {
        int version = db.migrate(SCHEMA, config.tablePrefix(), config.migrate(), config.migrationLockTimeout());
        return new DefaultJdbcScheduleStore(db, version, config.tablePrefix());
    }

    @Override
    public String jdbcUrl() {
        return url;
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "JdbcScheduleStore[" + dialect + ", " + url + ", schema version " + schemaVersion + "]";
    }

    // ---------------------------------------------------------------- posts

    @Override
    public ScheduledPost insert(ScheduledPost post) {
        Objects.requireNonNull(post, "post");
        ScheduledPost stored = post.withVersion(1);
        return inTransaction("insert post " + post.key(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + posts
                    + " (brand_id, post_id, state, scheduled_at, version, body) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, post.key().brandId());
                ps.setString(2, post.key().postId());
                ps.setString(3, stored.state().name());
                setMillis(ps, 4, stored.scheduledAt());
                ps.setLong(5, 1);
                ps.setString(6, JsonCodec.body(stored));
                ps.executeUpdate();
            } catch (SQLException e) {
                if (Dialect.isDuplicateKey(e)) {
                    throw new ConcurrentEditException(post.key(), "already exists");
                }
                throw e;
            }
            return stored;
        });
    }

    @Override
    public Optional<ScheduledPost> find(PostKey key) {
        Objects.requireNonNull(key, "key");
        return inTransaction("find post " + key, c -> readPost(c, key, false));
    }

    @Override
    public List<ScheduledPost> findByState(PostState state) {
        Objects.requireNonNull(state, "state");
        return inTransaction("find posts " + state, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT state, version, body FROM " + posts
                    + " WHERE state = ?")) {
                ps.setString(1, state.name());
                List<ScheduledPost> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(post(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public ScheduledPost update(ScheduledPost next, long expectedVersion, Optional<List<Publication>> replace) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(replace, "replacePublications");
        PostKey key = next.key();
        replace.ifPresent(list -> {
            Set<String> seen = new HashSet<>();
            for (Publication p : list) {
                if (!p.post().equals(key) || p.status() != PublicationStatus.PENDING || !seen.add(p.idempotencyKey())) {
                    throw new IllegalArgumentException("publication " + p.idempotencyKey() + " to " + p.account()
                            + " is not a new PENDING publication of post " + key);
                }
            }
        });
        return inTransaction("update post " + key, c -> {
            Optional<ScheduledPost> stored = readPost(c, key, true);
            if (stored.isEmpty()) {
                throw new ConcurrentEditException(key, "is not in the store");
            }
            if (stored.get().version() != expectedVersion) {
                throw new ConcurrentEditException(key, "was changed (version " + stored.get().version() + ", expected "
                        + expectedVersion + ")");
            }
            if (replace.isPresent()) {
                replacePublications(c, key, replace.get());
            }
            ScheduledPost result = next.withVersion(expectedVersion + 1);
            writePost(c, result);
            return result;
        });
    }

    private void replacePublications(Connection c, PostKey key, List<Publication> given) throws SQLException {
        Set<String> published = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key, status, platform, handle FROM " + pubs
                + " WHERE brand_id = ? AND post_id = ? FOR UPDATE NOWAIT")) {
            ps.setString(1, key.brandId());
            ps.setString(2, key.postId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PublicationStatus status = PublicationStatus.valueOf(rs.getString(2));
                    if (status == PublicationStatus.PUBLISHING) {
                        throw new ConcurrentEditException(key, "publication to "
                                + new Account(new Platform(rs.getString(3)), rs.getString(4)) + " is being published");
                    }
                    if (status == PublicationStatus.PUBLISHED) {
                        published.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            if (dialect.isLockTimeout(e)) {
                throw new ConcurrentEditException(key, "a scheduler is claiming or completing one of its publications");
            }
            throw e;
        }
        for (Publication p : given) {
            if (published.contains(p.idempotencyKey())) {
                throw new IllegalArgumentException("publication " + p.idempotencyKey() + " to " + p.account()
                        + " is not a new PENDING publication of post " + key + ": it is already published");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + pubs
                + " WHERE brand_id = ? AND post_id = ? AND status <> 'PUBLISHED'")) {
            ps.setString(1, key.brandId());
            ps.setString(2, key.postId());
            ps.executeUpdate();
        }
        if (given.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + pubs + " (" + PUB_COLUMNS
                + ", claimable_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Publication p : given) {
                ps.setString(1, p.idempotencyKey());
                ps.setString(2, key.brandId());
                ps.setString(3, key.postId());
                ps.setString(4, p.account().platform().id());
                ps.setString(5, p.account().handle());
                ps.setString(6, JsonCodec.variant(p.variant()));
                ps.setString(7, p.status().name());
                ps.setLong(8, p.dueAt().toEpochMilli());
                ps.setInt(9, p.attempts());
                ps.setNull(10, Types.VARCHAR);
                ps.setNull(11, Types.VARCHAR);
                ps.setNull(12, Types.BIGINT);
                ps.setBoolean(13, p.outcomeUnknown());
                ps.setNull(14, Types.VARCHAR);
                setText(ps, 15, p.lastError());
                ps.setLong(16, p.updatedAt().toEpochMilli());
                setText(ps, 17, p.replyTo().map(JsonCodec::replyTo));
                ps.setLong(18, p.dueAt().toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            if (Dialect.isDuplicateKey(e)) {
                throw new IllegalArgumentException("idempotency key "
                        + given.stream().map(Publication::idempotencyKey).collect(Collectors.joining(" or "))
                        + " of post " + key + " is already used by another post's publication", e);
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- publications

    @Override
    public List<Publication> publications(PostKey key) {
        Objects.requireNonNull(key, "key");
        return inTransaction("read publications of " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + PUB_COLUMNS + " FROM " + pubs
                    + " WHERE brand_id = ? AND post_id = ? ORDER BY seq")) {
                ps.setString(1, key.brandId());
                ps.setString(2, key.postId());
                return publicationsOf(ps);
            }
        });
    }

    @Override
    public Optional<Publication> publication(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return inTransaction("read publication " + idempotencyKey, c -> readPublication(c, idempotencyKey, false));
    }

    /**
     * One transaction: {@code SELECT ... WHERE claimable_at <= now ORDER BY claimable_at, seq LIMIT n
     * FOR UPDATE SKIP LOCKED}, then the lease on each row, then the posts still SCHEDULED move to
     * PUBLISHING (their rows locked by one statement per 100 posts, ordered by key, and rewritten in one batch).
     */
    @Override
    public List<Publication> claimDue(String owner, Instant now, Duration leaseFor, int limit) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(leaseFor, "leaseFor");
        if (limit <= 0 || leaseFor.isNegative() || leaseFor.isZero()) {
            throw new IllegalArgumentException("limit and leaseFor must be positive");
        }
        Instant at = millis(now);
        Instant expiresAt = at.plusMillis(Math.max(1, leaseFor.toMillis()));
        return inTransaction("claim due publications for " + owner, c -> {
            List<Publication> due;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + PUB_COLUMNS + " FROM " + pubs
                    + " WHERE claimable_at <= ? ORDER BY claimable_at, seq LIMIT ? FOR UPDATE SKIP LOCKED")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setInt(2, limit);
                due = publicationsOf(ps);
            }
            List<Publication> claimed = new ArrayList<>(due.size());
            for (Publication p : due) {
                if (p.isClaimableAt(at)) {
                    claimed.add(p.claimed(new Lease(owner, UUID.randomUUID().toString(), expiresAt), at));
                }
            }
            if (claimed.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + pubs + " SET status = 'PUBLISHING', "
                    + "claimable_at = ?, lease_owner = ?, lease_token = ?, lease_expires_at = ?, outcome_unknown = ?, "
                    + "updated_at = ? WHERE idempotency_key = ?")) {
                for (Publication p : claimed) {
                    Lease lease = p.lease().orElseThrow();
                    ps.setLong(1, expiresAt.toEpochMilli());
                    ps.setString(2, lease.owner());
                    ps.setString(3, lease.token());
                    ps.setLong(4, expiresAt.toEpochMilli());
                    ps.setBoolean(5, p.outcomeUnknown());
                    ps.setLong(6, at.toEpochMilli());
                    ps.setString(7, p.idempotencyKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Map<String, PostKey> postKeys = new TreeMap<>();
            claimed.forEach(p -> postKeys.put(p.post().brandId() + '\u0000' + p.post().postId(), p.post()));
            List<ScheduledPost> dispatched = new ArrayList<>();
            for (ScheduledPost post : readPostsForUpdate(c, List.copyOf(postKeys.values()))) {
                if (post.state() == PostState.SCHEDULED) {
                    dispatched.add(post.transition(PostAction.DISPATCH, PostState.PUBLISHING, owner, now,
                            Optional.empty()).withVersion(post.version() + 1));
                }
            }
            writePosts(c, dispatched);
            return List.copyOf(claimed);
        });
    }

    @Override
    public boolean renew(String idempotencyKey, String token, Instant expiresAt, Instant now) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(token, "token");
        long until = expiresAt.toEpochMilli();
        long at = now.toEpochMilli();
        return inTransaction("renew the lease on " + idempotencyKey, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + pubs + " SET lease_expires_at = ?, claimable_at = ?, "
                    + "updated_at = ? WHERE idempotency_key = ? AND status = 'PUBLISHING' AND lease_token = ? "
                    + "AND lease_expires_at > ?")) {
                ps.setLong(1, until);
                ps.setLong(2, until);
                ps.setLong(3, at);
                ps.setString(4, idempotencyKey);
                ps.setString(5, token);
                ps.setLong(6, at);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean complete(String idempotencyKey, String token, Outcome outcome, Instant now) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(outcome, "outcome");
        return inTransaction("complete " + idempotencyKey, c -> {
            Optional<Publication> p = readPublication(c, idempotencyKey, true);
            if (p.isEmpty() || p.get().status() != PublicationStatus.PUBLISHING
                    || !p.get().lease().orElseThrow().token().equals(token)) {
                return false;
            }
            writePublication(c, p.get().apply(outcome, millis(now)));
            completePost(c, p.get().post(), PostAction.COMPLETE, p.get().lease().orElseThrow().owner(), now);
            return true;
        });
    }

    @Override
    public boolean resolve(String idempotencyKey, String actor, Outcome outcome, Instant now) {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome instanceof Outcome.NeedsCheck) {
            throw new IllegalArgumentException("a resolution must settle the publication, not ask for another check");
        }
        return inTransaction("resolve " + idempotencyKey, c -> {
            Optional<Publication> p = readPublication(c, idempotencyKey, true);
            if (p.isEmpty() || p.get().status() != PublicationStatus.NEEDS_CHECK) {
                return false;
            }
            writePublication(c, p.get().apply(outcome, millis(now)));
            completePost(c, p.get().post(), PostAction.RESOLVE, actor, now);
            return true;
        });
    }

    @Override
    public Optional<Instant> nextClaimableAt() {
        return inTransaction("find the next claimable time", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(claimable_at) FROM " + pubs);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(v));
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    private void completePost(Connection c, PostKey key, PostAction action, String actor, Instant now)
            throws SQLException {
        Optional<ScheduledPost> post = readPost(c, key, true);
        if (post.isEmpty() || post.get().state() != PostState.PUBLISHING) {
            return;
        }
        Map<Account, PublicationStatus> statuses = new LinkedHashMap<>();
        Map<Account, Optional<String>> errors = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT platform, handle, status, last_error FROM " + pubs
                + " WHERE brand_id = ? AND post_id = ? ORDER BY seq")) {
            ps.setString(1, key.brandId());
            ps.setString(2, key.postId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Account account = new Account(new Platform(rs.getString(1)), rs.getString(2));
                    statuses.put(account, PublicationStatus.valueOf(rs.getString(3)));
                    errors.put(account, Optional.ofNullable(rs.getString(4)));
                }
            }
        }
        Optional<PostState> done = Publication.completedState(statuses.values());
        if (done.isEmpty()) {
            return;
        }
        Optional<String> comment = done.get() == PostState.FAILED
                ? Optional.of(statuses.entrySet().stream().filter(e -> e.getValue() == PublicationStatus.FAILED)
                        .map(e -> e.getKey() + ": " + errors.get(e.getKey()).orElse("failed"))
                        .collect(Collectors.joining("; ")))
                : Optional.empty();
        writePost(c, post.get().transition(action, done.get(), actor, now, comment)
                .withVersion(post.get().version() + 1));
    }

    private Optional<ScheduledPost> readPost(Connection c, PostKey key, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state, version, body FROM " + posts
                + " WHERE brand_id = ? AND post_id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, key.brandId());
            ps.setString(2, key.postId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(post(rs)) : Optional.empty();
            }
        }
    }

    /** Posts read and locked a chunk per statement (in key order), rather than one statement per post. */
    private List<ScheduledPost> readPostsForUpdate(Connection c, List<PostKey> keys) throws SQLException {
        List<ScheduledPost> out = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += POSTS_PER_STATEMENT) {
            List<PostKey> chunk = keys.subList(from, Math.min(keys.size(), from + POSTS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("SELECT state, version, body FROM ").append(posts).append(" WHERE ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("(brand_id = ? AND post_id = ?)");
            }
            sql.append(" ORDER BY brand_id, post_id FOR UPDATE");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int index = 1;
                for (PostKey key : chunk) {
                    ps.setString(index++, key.brandId());
                    ps.setString(index++, key.postId());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(post(rs));
                    }
                }
            }
        }
        return out;
    }

    /** {@link #writePost} for several posts, in one JDBC batch. */
    private void writePosts(Connection c, List<ScheduledPost> list) throws SQLException {
        if (list.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + posts
                + " SET state = ?, scheduled_at = ?, version = ?, body = ? WHERE brand_id = ? AND post_id = ?")) {
            for (ScheduledPost post : list) {
                ps.setString(1, post.state().name());
                setMillis(ps, 2, post.scheduledAt());
                ps.setLong(3, post.version());
                ps.setString(4, JsonCodec.body(post));
                ps.setString(5, post.key().brandId());
                ps.setString(6, post.key().postId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static ScheduledPost post(ResultSet rs) throws SQLException {
        JsonCodec.Body body = JsonCodec.body(rs.getString(3));
        return new ScheduledPost(body.post(), body.accounts(), PostState.valueOf(rs.getString(1)), body.scheduledAt(),
                body.history(), rs.getLong(2), body.options());
    }

    private void writePost(Connection c, ScheduledPost post) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + posts
                + " SET state = ?, scheduled_at = ?, version = ?, body = ? WHERE brand_id = ? AND post_id = ?")) {
            ps.setString(1, post.state().name());
            setMillis(ps, 2, post.scheduledAt());
            ps.setLong(3, post.version());
            ps.setString(4, JsonCodec.body(post));
            ps.setString(5, post.key().brandId());
            ps.setString(6, post.key().postId());
            if (ps.executeUpdate() != 1) {
                throw new ConcurrentEditException(post.key(), "is not in the store");
            }
        }
    }

    private Optional<Publication> readPublication(Connection c, String key, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PUB_COLUMNS + " FROM " + pubs
                + " WHERE idempotency_key = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, key);
            List<Publication> found = publicationsOf(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<Publication> publicationsOf(PreparedStatement ps) throws SQLException {
        List<Publication> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(publication(rs));
            }
        }
        return out;
    }

    private static Publication publication(ResultSet rs) throws SQLException {
        String owner = rs.getString(10);
        Optional<Lease> lease = owner == null ? Optional.empty()
                : Optional.of(new Lease(owner, rs.getString(11), Instant.ofEpochMilli(rs.getLong(12))));
        String published = rs.getString(14);
        return new Publication(rs.getString(1), new PostKey(rs.getString(2), rs.getString(3)),
                new Account(new Platform(rs.getString(4)), rs.getString(5)), JsonCodec.variant(rs.getString(6)),
                PublicationStatus.valueOf(rs.getString(7)), Instant.ofEpochMilli(rs.getLong(8)), rs.getInt(9), lease,
                rs.getBoolean(13), Optional.ofNullable(published).map(JsonCodec::published),
                Optional.ofNullable(rs.getString(15)), Instant.ofEpochMilli(rs.getLong(16)),
                Optional.ofNullable(rs.getString(17)).map(JsonCodec::replyTo));
    }

    private void writePublication(Connection c, Publication p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + pubs + " SET status = ?, due_at = ?, claimable_at = ?, "
                + "attempts = ?, lease_owner = ?, lease_token = ?, lease_expires_at = ?, outcome_unknown = ?, "
                + "published = ?, last_error = ?, updated_at = ? WHERE idempotency_key = ?")) {
            ps.setString(1, p.status().name());
            ps.setLong(2, p.dueAt().toEpochMilli());
            Optional<Instant> claimable = switch (p.status()) {
                case PENDING -> Optional.of(p.dueAt());
                case PUBLISHING -> Optional.of(p.lease().orElseThrow().expiresAt());
                default -> Optional.empty();
            };
            setMillis(ps, 3, claimable);
            ps.setInt(4, p.attempts());
            setText(ps, 5, p.lease().map(Lease::owner));
            setText(ps, 6, p.lease().map(Lease::token));
            setMillis(ps, 7, p.lease().map(Lease::expiresAt));
            ps.setBoolean(8, p.outcomeUnknown());
            setText(ps, 9, p.published().map(JsonCodec::published));
            setText(ps, 10, p.lastError());
            ps.setLong(11, p.updatedAt().toEpochMilli());
            ps.setString(12, p.idempotencyKey());
            ps.executeUpdate();
        }
    }

    private static void setMillis(PreparedStatement ps, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, value.get().toEpochMilli());
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }

    private static void setText(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    private static Instant millis(Instant t) {
        return Instant.ofEpochMilli(t.toEpochMilli());
    }

    /** Runs {@code work} in one transaction, again when the database asks (deadlock, serialization). */
    private <T> T inTransaction(String what, StoreDatabase.Work<T> work) {
        return db.inTransaction(what, work);
    }
}
