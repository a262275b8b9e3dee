package io.cmkit.core.schedule.jdbc.internal;

import io.cmkit.core.jdbc.Dialect;
import io.cmkit.core.jdbc.JdbcStoreException;
import io.cmkit.core.jdbc.StoreDatabase;
import io.cmkit.core.jdbc.StoreSchema;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.schedule.Completion;
import io.cmkit.core.schedule.ConcurrentEditException;
import io.cmkit.core.schedule.Lease;
import io.cmkit.core.schedule.Outcome;
import io.cmkit.core.schedule.PostAction;
import io.cmkit.core.schedule.PostKey;
import io.cmkit.core.schedule.PostState;
import io.cmkit.core.schedule.Publication;
import io.cmkit.core.schedule.PublicationStatus;
import io.cmkit.core.schedule.ScheduleStore;
import io.cmkit.core.schedule.ScheduledPost;
import io.cmkit.core.schedule.Transition;
import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import io.cmkit.core.jdbc.JdbcStoreConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@link JdbcScheduleStore}. Every method is one transaction on one connection, taken from the
 * data source and given back before it returns; a failure rolls back. Locks are always taken in
 * the same order, publications before their post, and posts in key order, except in
 * {@link #update}, which locks the post first and then tries its publications without waiting
 * ({@code NOWAIT}): a claim or a completion holding one of them means the post is being published,
 * which is a concurrent edit anyway.
 *
 * <p>Schema version 3 keeps a post's state and version in columns, its history in a table of its
 * own, and counts of its open (not yet PUBLISHED or FAILED) and failed publications on its row, so
 * that the scheduler's hot path never reads or rewrites a post's JSON body, and writes each row
 * once: a claim locks only the publications it takes ({@link #lockDue}), moves its SCHEDULED posts
 * with one batch of guarded updates ({@code WHERE key AND state = 'SCHEDULED'}); {@link #completeAll}
 * records a batch's outcomes with one read of the publications, one batch of guarded updates
 * ({@code WHERE key AND status AND lease token}), and one update per post of its counts and state
 * that returns the row as it was ({@link #settlePostsInPlace}). H2 takes a write lock (an undo-log
 * entry) for every row a {@code SELECT ... FOR UPDATE} matches, so the completion does not lock by
 * reading. Schema version 4 drops the indexes whose upkeep served no read (see its scripts).
 * Schema version 5 keeps the scheduler's own transitions (a claim's DISPATCH, a completion's or
 * resolution's end) on the post's row, in the update that moves its state, instead of a row of the
 * history table each (the history's <em>tail</em>, {@link TransitionRows#tail}); the workflow's
 * next {@link #update} moves them into the table.
 *
 * <p>On PostgreSQL the claim and the completion are each one statement with data-modifying
 * {@code WITH} clauses ({@link #claimInOneStatement}, {@link #completeInOneStatement}): the same
 * rows, guards and lock order, in one round trip.
 */
public final class DefaultJdbcScheduleStore implements JdbcScheduleStore {

    private static final String PUB_COLUMNS = "idempotency_key, brand_id, post_id, platform, handle, variant, status, "
            + "due_at, attempts, lease_owner, lease_token, lease_expires_at, outcome_unknown, published, last_error, updated_at, "
            + "reply_to";

    /** The store's versioned scripts, component {@code schedule} in the version table. */
    public static final StoreSchema SCHEMA = new StoreSchema("schedule", DefaultJdbcScheduleStore.class, List.of(
            new StoreSchema.Migration(1, "posts and publications", "/io/cmkit/core/schedule/jdbc/db/V1__schedule.sql"),
            new StoreSchema.Migration(2, "replies: reply_to of publications", "/io/cmkit/core/schedule/jdbc/db/V2__reply_to.sql"),
            new StoreSchema.Migration(3, "history in a table, open publications counted",
                    "/io/cmkit/core/schedule/jdbc/db/V3__history_table.sql", HistoryMove::run),
            new StoreSchema.Migration(4, "fewer indexes written per publication",
                    "/io/cmkit/core/schedule/jdbc/db/V4__leaner_indexes_${dialect}.sql"),
            new StoreSchema.Migration(5, "the scheduler's transitions on the post's row",
                    "/io/cmkit/core/schedule/jdbc/db/V5__history_tail.sql")));

    /** Posts locked by one statement of a claim. */
    private static final int POSTS_PER_STATEMENT = 100;

    private final StoreDatabase db;
    private final Dialect dialect;
    private final String url;
    private final int schemaVersion;
    private final String posts;
    private final String pubs;
    private final String transitions;
    /** The dialect's unbounded text type, for casts. */
    private final String textType;

    private DefaultJdbcScheduleStore(StoreDatabase db, int schemaVersion, String prefix) {
        this.db = db;
        this.dialect = db.dialect();
        this.url = db.redactedUrl();
        this.schemaVersion = schemaVersion;
        this.posts = prefix + "schedule_post";
        this.pubs = prefix + "schedule_publication";
        this.transitions = prefix + "schedule_transition";
        this.textType = dialect.render("${text}", prefix);
    }

    /** Opens the store on {@code db} (closed with the store): checks or migrates the schema. */
    public static DefaultJdbcScheduleStore open(StoreDatabase db, JdbcStoreConfig config) {
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
                    + " (brand_id, post_id, state, scheduled_at, version, body, open_publications, failed_publications) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 0, 0)")) {
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
            TransitionRows.append(c, transitions, Map.of(stored.key(), stored.history()));
            return stored;
        });
    }

    @Override
    public Optional<ScheduledPost> find(PostKey key) {
        Objects.requireNonNull(key, "key");
        return inTransaction("find post " + key, c -> {
            List<ScheduledPost> found = readPosts(c, "p.brand_id = ? AND p.post_id = ?", key.brandId(), key.postId());
            return found.isEmpty() ? Optional.<ScheduledPost>empty() : Optional.of(found.get(0));
        });
    }

    @Override
    public List<ScheduledPost> findByState(PostState state) {
        Objects.requireNonNull(state, "state");
        return inTransaction("find posts " + state, c -> readPosts(c, "p.state = ?", state.name()));
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
            OptionalLong storedVersion = lockPost(c, key);
            if (storedVersion.isEmpty()) {
                throw new ConcurrentEditException(key, "is not in the store");
            }
            if (storedVersion.getAsLong() != expectedVersion) {
                throw new ConcurrentEditException(key, "was changed (version " + storedVersion.getAsLong()
                        + ", expected " + expectedVersion + ")");
            }
            if (replace.isPresent()) {
                replacePublications(c, key, replace.get());
            }
            ScheduledPost result = next.withVersion(expectedVersion + 1);
            // The rows first, then the tail kept on the post's row, which writePost clears: the tail's
            // transitions and the new ones become rows, after the rows already there.
            List<Transition> stored = new ArrayList<>(readHistoryRows(c, key));
            int rows = stored.size();
            stored.addAll(readTail(c, key));
            writePost(c, result, replace.map(List::size));
            List<Transition> wanted = result.history();
            if (wanted.size() >= stored.size() && wanted.subList(0, stored.size()).equals(stored)) {
                TransitionRows.append(c, transitions, Map.of(key, wanted.subList(rows, wanted.size())));
            } else {
                TransitionRows.deleteAll(c, transitions, key);
                TransitionRows.append(c, transitions, Map.of(key, wanted));
            }
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
     * One transaction: the due publications, up to n, earliest first, locked with {@code FOR UPDATE
     * SKIP LOCKED} ({@link #lockDue}), then the lease on each row (one batch), then the posts still SCHEDULED
     * move to PUBLISHING: one guarded {@code UPDATE ... WHERE key AND state = 'SCHEDULED'} per post
     * in one batch, in key order, which also keeps the DISPATCH in the post's tail.
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
        // One random part per claim, made unique per publication by a suffix: a fresh token for each.
        String claimToken = UUID.randomUUID().toString();
        if (dialect == Dialect.POSTGRESQL) {
            return inTransaction("claim due publications for " + owner,
                    c -> claimInOneStatement(c, owner, now, at, expiresAt, limit, claimToken));
        }
        return inTransaction("claim due publications for " + owner, c -> {
            List<Publication> due = lockDue(c, at, limit);
            List<Publication> claimed = new ArrayList<>(due.size());
            for (Publication p : due) {
                if (p.isClaimableAt(at)) {
                    claimed.add(p.claimed(new Lease(owner, claimToken + "-" + claimed.size(), expiresAt), at));
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
            List<PostKey> postKeys = sortedKeys(claimed.stream().map(Publication::post).toList());
            // The DISPATCH goes into the post's tail in the same update (a SCHEDULED post has none).
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + posts + " SET state = 'PUBLISHING', "
                    + "version = version + 1, " + TransitionRows.DISPATCH_KEPT
                    + " WHERE brand_id = ? AND post_id = ? AND state = 'SCHEDULED'")) {
                for (PostKey key : postKeys) {
                    int i = TransitionRows.bindDispatch(ps, 1, owner, now);
                    ps.setString(i++, key.brandId());
                    ps.setString(i, key.postId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return List.copyOf(claimed);
        });
    }

    /**
     * The due publications the claim takes on H2: up to {@code limit}, earliest first, each locked and
     * still claimable under its lock. H2 cannot read {@code ORDER BY ... LIMIT n FOR UPDATE} from the
     * index in order: it locks every row the {@code WHERE} matches, then sorts them and keeps n, so
     * such a claim locked every due publication (2,000 row locks, each an undo-log entry, to take 50;
     * and other instances' claims found them all held). Here the due publications are found in order
     * without a lock (the index read in order, only as many as asked), then locked by key with
     * {@code FOR UPDATE SKIP LOCKED}, the condition checked again under the lock; when other claims
     * hold some, the next ones in order are tried, until {@code limit} are held or none is left. The
     * key list always has {@code window} places (the last key repeated), so its text stays the same.
     */
    private List<Publication> lockDue(Connection c, Instant at, int limit) throws SQLException {
        int window = Math.min(limit, POSTS_PER_STATEMENT);
        List<Publication> held = new ArrayList<>(Math.min(limit, 1024));
        Set<String> seen = new HashSet<>();
        try (PreparedStatement find = c.prepareStatement("SELECT idempotency_key FROM " + pubs
                + " WHERE claimable_at >= ? AND claimable_at <= ? ORDER BY claimable_at, seq LIMIT ? OFFSET ?");
             PreparedStatement lock = c.prepareStatement("SELECT " + PUB_COLUMNS + " FROM " + pubs
                     + " WHERE idempotency_key IN (" + String.join(", ", Collections.nCopies(window, "?"))
                     + ") AND claimable_at >= ? AND claimable_at <= ? FOR UPDATE SKIP LOCKED")) {
            int offset = 0;
            while (held.size() < limit) {
                int ask = Math.min(window, limit - held.size());
                // The lower bound is always true of a non-NULL time; it makes H2 start its index scan after the
                // NULLs (publications that ended), which it otherwise walks through on every claim.
                find.setLong(1, Long.MIN_VALUE);
                find.setLong(2, at.toEpochMilli());
                find.setInt(3, ask);
                find.setInt(4, offset);
                int returned = 0;
                List<String> candidates = new ArrayList<>(ask);
                try (ResultSet rs = find.executeQuery()) {
                    while (rs.next()) {
                        returned++;
                        String key = rs.getString(1);
                        if (seen.add(key)) { // a row moved up by another claim's commit may come twice
                            candidates.add(key);
                        }
                    }
                }
                offset += returned;
                if (!candidates.isEmpty()) {
                    for (int i = 0; i < window; i++) {
                        lock.setString(i + 1, candidates.get(Math.min(i, candidates.size() - 1)));
                    }
                    lock.setLong(window + 1, Long.MIN_VALUE);
                    lock.setLong(window + 2, at.toEpochMilli());
                    Map<String, Publication> locked = new HashMap<>();
                    for (Publication p : publicationsOf(lock)) {
                        locked.put(p.idempotencyKey(), p);
                    }
                    for (String key : candidates) {
                        Publication p = locked.get(key);
                        if (p != null) {
                            held.add(p);
                        }
                    }
                }
                if (returned < ask) {
                    break; // no more is due
                }
            }
        }
        return held;
    }

    /**
     * The claim on PostgreSQL, one statement: the due publications locked with {@code FOR UPDATE
     * SKIP LOCKED} and leased, their posts still SCHEDULED locked in key order and moved to
     * PUBLISHING with the DISPATCH in their tail (data-modifying {@code WITH} clauses, all or nothing
     * with the statement). The lease token is the claim's random part and
     * the publication's {@code seq}. Returns the claimed publications earliest first.
     */
    private List<Publication> claimInOneStatement(Connection c, String owner, Instant now, Instant at, Instant expiresAt,
                                                  int limit, String claimToken) throws SQLException {
        String sql = "WITH due AS (SELECT idempotency_key, claimable_at AS was_claimable, seq AS pos FROM " + pubs
                + " WHERE claimable_at >= ? AND claimable_at <= ? ORDER BY claimable_at, seq LIMIT ? FOR UPDATE SKIP LOCKED), "
                + "claimed AS (UPDATE " + pubs + " u SET status = 'PUBLISHING', claimable_at = ?, lease_owner = ?, "
                + "lease_token = ? || '-' || u.seq, lease_expires_at = ?, "
                + "outcome_unknown = (u.outcome_unknown OR u.status = 'PUBLISHING'), updated_at = ? "
                + "FROM due WHERE u.idempotency_key = due.idempotency_key RETURNING " + prefixed("u.", PUB_COLUMNS)
                + ", due.was_claimable, due.pos), "
                + "moving AS (SELECT p.brand_id, p.post_id FROM " + posts + " p WHERE (p.brand_id, p.post_id) IN "
                + "(SELECT brand_id, post_id FROM claimed) AND p.state = 'SCHEDULED' ORDER BY p.brand_id, p.post_id FOR UPDATE), "
                + "moved AS (UPDATE " + posts + " p SET state = 'PUBLISHING', version = p.version + 1, "
                + TransitionRows.DISPATCH_KEPT + " FROM moving m "
                + "WHERE p.brand_id = m.brand_id AND p.post_id = m.post_id AND p.state = 'SCHEDULED' "
                + "RETURNING p.brand_id, p.post_id) "
                + "SELECT " + PUB_COLUMNS + " FROM claimed ORDER BY was_claimable, pos";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, Long.MIN_VALUE);
            ps.setLong(i++, at.toEpochMilli());
            ps.setInt(i++, limit);
            ps.setLong(i++, expiresAt.toEpochMilli());
            ps.setString(i++, owner);
            ps.setString(i++, claimToken);
            ps.setLong(i++, expiresAt.toEpochMilli());
            ps.setLong(i++, at.toEpochMilli());
            TransitionRows.bindDispatch(ps, i, owner, now);
            return List.copyOf(publicationsOf(ps));
        }
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
        return completeAll(List.of(new Completion(idempotencyKey, token, outcome)), now).get(0);
    }

    @Override
    public List<Boolean> completeAll(List<Completion> completions, Instant now) {
        ScheduleStore.requireDistinct(completions);
        Objects.requireNonNull(now, "now");
        if (completions.isEmpty()) {
            return List.of();
        }
        List<Recording> recordings = completions.stream()
                .map(k -> new Recording(k.idempotencyKey(), Optional.of(k.token()), k.outcome(), Optional.empty()))
                .toList();
        String what = completions.size() == 1 ? "complete " + completions.get(0).idempotencyKey()
                : "complete " + completions.size() + " publications";
        if (dialect == Dialect.POSTGRESQL) {
            return inTransaction(what, c -> completeInOneStatement(c, completions, now));
        }
        return inTransaction(what, c -> record(c, recordings, now));
    }

    /**
     * {@link #completeAll} on PostgreSQL, one statement: the completions come in as arrays
     * ({@code unnest ... WITH ORDINALITY}); the publications whose lease token matches are locked in
     * key order and recorded; the posts of those that ended are locked in key order, their counts
     * updated, and moved to PUBLISHED or FAILED when none is left open, with the COMPLETE in their
     * tail (actor: the lease owner of the post's last completion in the list). The statement returns
     * the positions recorded and the posts that moved to FAILED, whose tails then get the reasons of
     * their failed publications as comment.
     */
    private List<Boolean> completeInOneStatement(Connection c, List<Completion> completions, Instant now)
            throws SQLException {
        int n = completions.size();
        Object[][] columns = new Object[8][n];
        for (int i = 0; i < n; i++) {
            Completion k = completions.get(i);
            Columns col = Columns.of(k.outcome());
            columns[0][i] = k.idempotencyKey();
            columns[1][i] = k.token();
            columns[2][i] = col.status().name();
            columns[3][i] = col.due().map(Instant::toEpochMilli).orElse(null);
            columns[4][i] = col.attempts().isPresent() ? col.attempts().getAsInt() : null;
            columns[5][i] = col.unknown();
            columns[6][i] = col.published().orElse(null);
            columns[7][i] = col.error().orElse(null);
        }
        String completes = "l.was = 'PUBLISHING' AND l.open_left = 0";
        String sql = "WITH input AS (SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::int[], "
                + "?::boolean[], ?::text[], ?::text[]) WITH ORDINALITY AS i(k, token, status, due, attempts, unknown, "
                + "published, error, ord)), "
                + "held AS (SELECT o.idempotency_key, o.lease_owner, i.status, i.due, i.attempts, i.unknown, i.published, "
                + "i.error, i.ord FROM " + pubs + " o JOIN input i ON o.idempotency_key = i.k "
                + "WHERE o.status = 'PUBLISHING' AND o.lease_token = i.token ORDER BY o.idempotency_key FOR UPDATE OF o), "
                + "done AS (UPDATE " + pubs + " u SET status = h.status, due_at = COALESCE(h.due, u.due_at), "
                + "claimable_at = h.due, attempts = COALESCE(h.attempts, u.attempts), lease_owner = NULL, lease_token = NULL, "
                + "lease_expires_at = NULL, outcome_unknown = h.unknown, published = h.published, "
                + "last_error = COALESCE(h.error, u.last_error), updated_at = ? FROM held h "
                + "WHERE u.idempotency_key = h.idempotency_key "
                + "RETURNING u.brand_id, u.post_id, h.status, h.lease_owner, h.ord), "
                + "ended AS (SELECT brand_id, post_id, COUNT(*) AS n, COUNT(*) FILTER (WHERE status = 'FAILED') AS f, "
                + "(ARRAY_AGG(lease_owner ORDER BY ord DESC))[1] AS actor FROM done "
                + "WHERE status IN ('PUBLISHED', 'FAILED') GROUP BY brand_id, post_id), "
                + "locked AS (SELECT p.brand_id, p.post_id, p.state AS was, "
                + "GREATEST(0, p.open_publications - e.n) AS open_left, p.failed_publications + e.f AS failed, e.actor "
                + "FROM " + posts + " p JOIN ended e ON p.brand_id = e.brand_id AND p.post_id = e.post_id "
                + "ORDER BY p.brand_id, p.post_id FOR UPDATE OF p), "
                + "settled AS (UPDATE " + posts + " p SET open_publications = l.open_left, failed_publications = l.failed, "
                + "state = CASE WHEN " + completes + " THEN (CASE WHEN l.failed > 0 THEN 'FAILED' ELSE 'PUBLISHED' END) "
                + "ELSE p.state END, version = CASE WHEN " + completes + " THEN p.version + 1 ELSE p.version END, "
                + "end_action = CASE WHEN " + completes + " THEN 'COMPLETE' ELSE p.end_action END, "
                + "end_state = CASE WHEN " + completes + " THEN (CASE WHEN l.failed > 0 THEN 'FAILED' ELSE 'PUBLISHED' END) "
                + "ELSE p.end_state END, end_actor = CASE WHEN " + completes + " THEN l.actor ELSE p.end_actor END, "
                + "end_second = CASE WHEN " + completes + " THEN ?::bigint ELSE p.end_second END, "
                + "end_nano = CASE WHEN " + completes + " THEN ?::int ELSE p.end_nano END "
                + "FROM locked l WHERE p.brand_id = l.brand_id AND p.post_id = l.post_id "
                + "RETURNING p.brand_id, p.post_id, p.state, (" + completes + ") AS moved) "
                + "SELECT ord, NULL::varchar, NULL::varchar FROM done "
                + "UNION ALL SELECT NULL, brand_id, post_id FROM settled WHERE moved AND state = 'FAILED'";
        Boolean[] recorded = new Boolean[n];
        Arrays.fill(recorded, Boolean.FALSE);
        Map<PostKey, PostState> failed = new TreeMap<>(POST_ORDER);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            String[] types = {"varchar", "varchar", "varchar", "bigint", "int4", "bool", "text", "text"};
            for (int col = 0; col < columns.length; col++) {
                ps.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
            }
            ps.setLong(9, millis(now).toEpochMilli());
            ps.setLong(10, now.getEpochSecond());
            ps.setInt(11, now.getNano());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long ord = rs.getLong(1);
                    if (rs.wasNull()) {
                        failed.put(new PostKey(rs.getString(2), rs.getString(3)), PostState.FAILED);
                    } else {
                        recorded[(int) ord - 1] = Boolean.TRUE;
                    }
                }
            }
        }
        keepFailureReasons(c, failed);
        return List.of(recorded);
    }

    @Override
    public boolean resolve(String idempotencyKey, String actor, Outcome outcome, Instant now) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(now, "now");
        if (outcome instanceof Outcome.NeedsCheck) {
            throw new IllegalArgumentException("a resolution must settle the publication, not ask for another check");
        }
        Recording resolution = new Recording(idempotencyKey, Optional.empty(), outcome, Optional.of(actor));
        return inTransaction("resolve " + idempotencyKey, c -> record(c, List.of(resolution), now)).get(0);
    }

    @Override
    public Optional<Instant> nextClaimableAt() {
        return inTransaction("find the next claimable time", c -> {
            // Not MIN(claimable_at): H2 finds it by stepping over every NULL of the index (each publication that
            // ended) one at a time; the lower bound starts its index scan after them, as in the claim.
            try (PreparedStatement ps = c.prepareStatement("SELECT claimable_at FROM " + pubs
                    + " WHERE claimable_at >= ? ORDER BY claimable_at LIMIT 1")) {
                ps.setLong(1, Long.MIN_VALUE);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.<Instant>empty();
                }
            }
        });
    }

    // ---------------------------------------------------------------- recording outcomes

    /** An outcome to record: a scheduler's under its lease ({@code token}), or a person's resolution ({@code actor}). */
    private record Recording(String key, Optional<String> token, Outcome outcome, Optional<String> actor) {
    }

    /** What a locking read tells about a publication to record. */
    private record Held(PostKey post, PublicationStatus status, Optional<String> owner, Optional<String> token) {
    }

    /**
     * Records each outcome whose guard holds (the lease's token for a completion, NEEDS_CHECK for a
     * resolution); returns one answer per recording, in order. The publications are read first,
     * without a lock (one read per 100: their posts and lease owners), then updated in one batch, in
     * key order, each statement guarded by {@code WHERE key AND status AND lease token}: its update
     * count says whether it was recorded. The posts of the publications that ended are then settled
     * ({@link #settlePosts}).
     */
    private List<Boolean> record(Connection c, List<Recording> recordings, Instant now) throws SQLException {
        Instant at = millis(now);
        Map<String, Held> held = readPublications(c, recordings.stream().map(Recording::key).sorted().toList());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < recordings.size(); i++) {
            Recording r = recordings.get(i);
            Held h = held.get(r.key());
            boolean guardHolds = h != null && (r.token().isPresent()
                    ? h.status() == PublicationStatus.PUBLISHING && h.token().equals(r.token())
                    : h.status() == PublicationStatus.NEEDS_CHECK);
            if (guardHolds) {
                order.add(i);
            }
        }
        order.sort((x, y) -> recordings.get(x).key().compareTo(recordings.get(y).key()));
        Boolean[] recorded = new Boolean[recordings.size()];
        Arrays.fill(recorded, Boolean.FALSE);
        if (order.isEmpty()) {
            return List.of(recorded);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + pubs + " SET status = ?, due_at = COALESCE(?, due_at), "
                + "claimable_at = ?, attempts = COALESCE(?, attempts), lease_owner = NULL, lease_token = NULL, "
                + "lease_expires_at = NULL, outcome_unknown = ?, published = ?, last_error = COALESCE(?, last_error), "
                + "updated_at = ? WHERE idempotency_key = ? AND status = ? AND COALESCE(lease_token, '') = ?")) {
            for (int i : order) {
                Recording r = recordings.get(i);
                bindOutcome(ps, r.outcome());
                ps.setLong(8, at.toEpochMilli());
                ps.setString(9, r.key());
                ps.setString(10, (r.token().isPresent() ? PublicationStatus.PUBLISHING : PublicationStatus.NEEDS_CHECK)
                        .name());
                ps.setString(11, r.token().orElse(""));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int j = 0; j < order.size(); j++) {
                recorded[order.get(j)] = updated(counts[j]);
            }
        }
        Map<PostKey, PostCounts> ended = new TreeMap<>(POST_ORDER);
        Map<PostKey, Recording> lastOfPost = new HashMap<>();
        for (int i = 0; i < recordings.size(); i++) {
            Recording r = recordings.get(i);
            if (recorded[i] && ends(r.outcome())) {
                PostKey post = held.get(r.key()).post();
                ended.merge(post, new PostCounts(1, r.outcome() instanceof Outcome.Failed ? 1 : 0), PostCounts::plus);
                lastOfPost.put(post, r);
            }
        }
        if (!ended.isEmpty()) {
            Function<PostKey, Actor> who = post -> {
                Recording r = lastOfPost.get(post);
                return r.actor().isPresent() ? new Actor(PostAction.RESOLVE, r.actor().get())
                        : new Actor(PostAction.COMPLETE, held.get(r.key()).owner().orElseThrow());
            };
            Map<PostKey, PostState> done = dialect == Dialect.H2 ? settlePostsInPlace(c, ended, who, now)
                    : settlePosts(c, ended, who, now);
            keepFailureReasons(c, done);
        }
        return List.of(recorded);
    }

    /** Publications of one post that ended in one call, and how many of them failed. */
    private record PostCounts(int ended, int failed) {
        PostCounts plus(PostCounts other) {
            return new PostCounts(ended + other.ended, failed + other.failed);
        }
    }

    /** What a locking read of a post row tells a completion. */
    private record PostRow(PostState state, long version, int open, int failed) {
    }

    /** Times {@link #settlePosts} reads and compares-and-sets before it locks the posts left. */
    private static final int OPTIMISTIC_TRIES = 3;

    /**
     * The posts whose publications ended ({@code ended}, in key order): their counts of open and
     * failed publications are updated, and those PUBLISHING with none left open move to PUBLISHED,
     * or FAILED when one failed ({@link Publication#completedState}); PostgreSQL's resolutions take
     * this path. Each post is read, then written by one compare-and-set
     * {@code UPDATE ... WHERE key AND state, version and counts are as read} (one read per 100 posts,
     * one batch of updates); a post another transaction changed in between is read
     * and set again, and after {@value #OPTIMISTIC_TRIES} tries read with a lock. A post that
     * completes keeps its end (by {@code who}, at {@code now}) in its tail. Returns the posts
     * that completed, in key order, with the state they moved to.
     */
    private Map<PostKey, PostState> settlePosts(Connection c, Map<PostKey, PostCounts> ended, Function<PostKey, Actor> who,
                                                Instant now) throws SQLException {
        List<PostKey> left = List.copyOf(ended.keySet());
        Map<PostKey, PostState> done = new LinkedHashMap<>();
        for (int attempt = 1; !left.isEmpty(); attempt++) {
            if (attempt > OPTIMISTIC_TRIES + 1) {
                // Unreachable while every writer of these columns locks the row: a locked read cannot go stale.
                throw new SQLException("posts " + left + " changed under their row lock", "40001");
            }
            Map<PostKey, PostRow> rows = readPostRows(c, left, attempt > OPTIMISTIC_TRIES);
            List<PostKey> written = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + posts + " SET state = ?, version = ?, "
                    + "open_publications = ?, failed_publications = ?, end_action = COALESCE(CAST(? AS VARCHAR(16)), end_action), "
                    + "end_state = COALESCE(CAST(? AS VARCHAR(16)), end_state), end_actor = COALESCE(CAST(? AS "
                    + textType + "), end_actor), end_second = COALESCE(CAST(? AS BIGINT), end_second), "
                    + "end_nano = COALESCE(CAST(? AS INTEGER), end_nano) WHERE brand_id = ? AND post_id = ? AND state = ? "
                    + "AND version = ? AND open_publications = ? AND failed_publications = ?")) {
                for (PostKey key : left) {
                    PostRow row = rows.get(key);
                    if (row == null) {
                        continue; // not in the store: nothing to settle
                    }
                    PostCounts counts = ended.get(key);
                    int open = Math.max(0, row.open() - counts.ended());
                    int failed = row.failed() + counts.failed();
                    boolean completes = row.state() == PostState.PUBLISHING && open == 0;
                    PostState next = completes ? (failed > 0 ? PostState.FAILED : PostState.PUBLISHED) : row.state();
                    ps.setString(1, next.name());
                    ps.setLong(2, completes ? row.version() + 1 : row.version());
                    ps.setInt(3, open);
                    ps.setInt(4, failed);
                    Actor actor = completes ? who.apply(key) : null;
                    ps.setString(5, completes ? actor.action().name() : null);
                    ps.setString(6, completes ? next.name() : null);
                    ps.setString(7, completes ? actor.actor() : null);
                    if (completes) {
                        ps.setLong(8, now.getEpochSecond());
                        ps.setInt(9, now.getNano());
                    } else {
                        ps.setNull(8, Types.BIGINT);
                        ps.setNull(9, Types.INTEGER);
                    }
                    ps.setString(10, key.brandId());
                    ps.setString(11, key.postId());
                    ps.setString(12, row.state().name());
                    ps.setLong(13, row.version());
                    ps.setInt(14, row.open());
                    ps.setInt(15, row.failed());
                    ps.addBatch();
                    written.add(key);
                    if (completes) {
                        done.put(key, next);
                    } else {
                        done.remove(key);
                    }
                }
                int[] counts = written.isEmpty() ? new int[0] : ps.executeBatch();
                List<PostKey> again = new ArrayList<>();
                for (int i = 0; i < written.size(); i++) {
                    if (!updated(counts[i])) {
                        again.add(written.get(i));
                        done.remove(written.get(i));
                    }
                }
                left = again;
            }
        }
        return done;
    }

    /**
     * {@link #settlePosts} on H2, where an update can return the row as it was before it ({@code
     * SELECT ... FROM OLD TABLE (UPDATE ...)}): one statement per post, in key order, that updates its
     * counts and, when it is PUBLISHING and none is left open, its state and version, under the row
     * lock the update takes; the row as it was tells whether it completed. No read before, no
     * compare-and-set to retry. (Every expression of the {@code SET} sees the row as it was.) A post
     * that completes keeps its end (by {@code who}, at {@code now}) in its tail.
     */
    private Map<PostKey, PostState> settlePostsInPlace(Connection c, Map<PostKey, PostCounts> ended,
                                                       Function<PostKey, Actor> who, Instant now) throws SQLException {
        String completes = "state = 'PUBLISHING' AND open_publications <= ?";
        String nextState = "(CASE WHEN failed_publications + ? > 0 THEN 'FAILED' ELSE 'PUBLISHED' END)";
        Map<PostKey, PostState> done = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT state, open_publications, failed_publications "
                + "FROM OLD TABLE (UPDATE " + posts + " SET open_publications = GREATEST(0, open_publications - ?), "
                + "failed_publications = failed_publications + ?, state = CASE WHEN " + completes
                + " THEN " + nextState + " ELSE state END, "
                + "version = CASE WHEN " + completes + " THEN version + 1 ELSE version END, "
                + "end_action = CASE WHEN " + completes + " THEN CAST(? AS VARCHAR(16)) ELSE end_action END, "
                + "end_state = CASE WHEN " + completes + " THEN " + nextState + " ELSE end_state END, "
                + "end_actor = CASE WHEN " + completes + " THEN CAST(? AS " + textType + ") ELSE end_actor END, "
                + "end_second = CASE WHEN " + completes + " THEN CAST(? AS BIGINT) ELSE end_second END, "
                + "end_nano = CASE WHEN " + completes + " THEN CAST(? AS INTEGER) ELSE end_nano END "
                + "WHERE brand_id = ? AND post_id = ?)")) {
            for (Map.Entry<PostKey, PostCounts> e : ended.entrySet()) {
                PostCounts counts = e.getValue();
                Actor actor = who.apply(e.getKey());
                int ends = counts.ended();
                int fails = counts.failed();
                // In the order of the statement's places: each CASE asks again whether the post completes.
                bind(ps, ends, fails, ends, fails, ends, ends, actor.action().name(), ends, fails,
                        ends, actor.actor(), ends, now.getEpochSecond(), ends, now.getNano(),
                        e.getKey().brandId(), e.getKey().postId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        continue; // not in the store: nothing to settle
                    }
                    PostState was = PostState.valueOf(rs.getString(1));
                    if (was == PostState.PUBLISHING && rs.getInt(2) <= ends) {
                        done.put(e.getKey(), rs.getInt(3) + fails > 0 ? PostState.FAILED : PostState.PUBLISHED);
                    }
                }
            }
        }
        return done;
    }

    /**
     * The posts of {@code done} (in key order) that moved to FAILED: the reasons of their failed
     * publications, read now that every one has ended, become the comment of the end in their tail.
     */
    private void keepFailureReasons(Connection c, Map<PostKey, PostState> done) throws SQLException {
        Map<PostKey, String> reasons = failureReasons(c, done.entrySet().stream()
                .filter(e -> e.getValue() == PostState.FAILED).map(Map.Entry::getKey).toList());
        if (reasons.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + posts + " SET end_comment = ? "
                + "WHERE brand_id = ? AND post_id = ?")) {
            for (PostKey key : sortedKeys(List.copyOf(reasons.keySet()))) {
                ps.setString(1, reasons.get(key));
                ps.setString(2, key.brandId());
                ps.setString(3, key.postId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The rows of these posts (in key order), one statement per 100; with {@code lock}, locked until the end of the transaction. */
    private Map<PostKey, PostRow> readPostRows(Connection c, List<PostKey> keys, boolean lock) throws SQLException {
        Map<PostKey, PostRow> rows = new HashMap<>();
        for (int from = 0; from < keys.size(); from += POSTS_PER_STATEMENT) {
            List<PostKey> chunk = keys.subList(from, Math.min(keys.size(), from + POSTS_PER_STATEMENT));
            try (PreparedStatement ps = c.prepareStatement("SELECT brand_id, post_id, state, version, open_publications, "
                    + "failed_publications FROM " + posts + " WHERE " + keyList("", chunk.size())
                    + (lock ? " ORDER BY brand_id, post_id FOR UPDATE" : ""))) {
                bindKeys(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.put(new PostKey(rs.getString(1), rs.getString(2)), new PostRow(
                                PostState.valueOf(rs.getString(3)), rs.getLong(4), rs.getInt(5), rs.getInt(6)));
                    }
                }
            }
        }
        return rows;
    }

    /**
     * For each of these posts, the reasons of its FAILED publications in their order,
     * {@code account: reason; ...}: the comment of its move to FAILED.
     */
    private Map<PostKey, String> failureReasons(Connection c, List<PostKey> keys) throws SQLException {
        Map<PostKey, List<String>> out = new HashMap<>();
        for (int from = 0; from < keys.size(); from += POSTS_PER_STATEMENT) {
            List<PostKey> chunk = keys.subList(from, Math.min(keys.size(), from + POSTS_PER_STATEMENT));
            try (PreparedStatement ps = c.prepareStatement("SELECT brand_id, post_id, platform, handle, last_error FROM "
                    + pubs + " WHERE " + keyList("", chunk.size()) + " AND status = 'FAILED' ORDER BY seq")) {
                bindKeys(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Account account = new Account(new Platform(rs.getString(3)), rs.getString(4));
                        out.computeIfAbsent(new PostKey(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                                .add(account + ": " + Optional.ofNullable(rs.getString(5)).orElse("failed"));
                    }
                }
            }
        }
        Map<PostKey, String> joined = new HashMap<>();
        out.forEach((k, v) -> joined.put(k, String.join("; ", v)));
        return joined;
    }

    /** Whether the publication has ended after this outcome (PUBLISHED or FAILED): one open publication less. */
    private static boolean ends(Outcome outcome) {
        return outcome instanceof Outcome.Published || outcome instanceof Outcome.Failed;
    }

    /** The columns {@link Publication#apply} sets for an outcome; empty ones keep the stored value (due, attempts, error). */
    private record Columns(PublicationStatus status, Optional<Instant> due, OptionalInt attempts, boolean unknown,
                           Optional<String> published, Optional<String> error) {

        static Columns of(Outcome outcome) {
            if (outcome instanceof Outcome.Published p) {
                return new Columns(PublicationStatus.PUBLISHED, Optional.empty(), OptionalInt.empty(), false,
                        Optional.of(JsonCodec.published(p.post())), Optional.empty());
            } else if (outcome instanceof Outcome.Requeued r) {
                return new Columns(PublicationStatus.PENDING, Optional.of(r.dueAt()), OptionalInt.of(r.attempts()), false,
                        Optional.empty(), r.reason());
            } else if (outcome instanceof Outcome.Failed f) {
                return new Columns(PublicationStatus.FAILED, Optional.empty(), f.attempts(), false, Optional.empty(),
                        Optional.of(f.reason()));
            } else if (outcome instanceof Outcome.NeedsCheck n) {
                return new Columns(PublicationStatus.NEEDS_CHECK, Optional.empty(), OptionalInt.empty(), true,
                        Optional.empty(), Optional.of(n.reason()));
            }
            throw new IllegalArgumentException("unknown outcome " + outcome);
        }
    }

    /** Parameters 1 to 7 of the recording update: what {@link Publication#apply} keeps for this outcome. */
    private static void bindOutcome(PreparedStatement ps, Outcome outcome) throws SQLException {
        Columns col = Columns.of(outcome);
        ps.setString(1, col.status().name());
        setMillis(ps, 2, col.due());
        setMillis(ps, 3, col.due()); // claimable again at its new due time when requeued, never otherwise
        if (col.attempts().isPresent()) {
            ps.setInt(4, col.attempts().getAsInt());
        } else {
            ps.setNull(4, Types.INTEGER);
        }
        ps.setBoolean(5, col.unknown());
        setText(ps, 6, col.published());
        setText(ps, 7, col.error());
    }

    /**
     * Reads (without locking) the publications with these keys, one statement per 100; the ones
     * found, by key. The guarded update that follows is what decides: a lease taken over after
     * this read changes the token, and the update then changes nothing.
     */
    private Map<String, Held> readPublications(Connection c, List<String> keys) throws SQLException {
        Map<String, Held> out = new HashMap<>();
        for (int from = 0; from < keys.size(); from += POSTS_PER_STATEMENT) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + POSTS_PER_STATEMENT));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key, brand_id, post_id, status, lease_owner, "
                    + "lease_token FROM " + pubs + " WHERE idempotency_key IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Held(new PostKey(rs.getString(2), rs.getString(3)),
                                PublicationStatus.valueOf(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
                                Optional.ofNullable(rs.getString(6))));
                    }
                }
            }
        }
        return out;
    }

    /** Who moves a completed post, and how. */
    private record Actor(PostAction action, String actor) {
    }

    // ---------------------------------------------------------------- helpers

    /** The order in which this store locks posts: brand, then post id. */
    private static final Comparator<PostKey> POST_ORDER = Comparator.comparing(PostKey::brandId)
            .thenComparing(PostKey::postId);

    /** Whether a batched statement's update count says it changed its row. */
    private static boolean updated(int count) {
        return count == 1 || count == java.sql.Statement.SUCCESS_NO_INFO;
    }

    private static List<PostKey> sortedKeys(List<PostKey> keys) {
        return keys.stream().distinct().sorted(POST_ORDER).toList();
    }

    /**
     * {@code (brand_id, post_id) IN ((?, ?), ...)}, {@code n} pairs, columns qualified by {@code alias}:
     * a row-value list, which H2 looks up in an index on exactly these two columns (a list of
     * {@code (brand_id = ? AND post_id = ?) OR ...} makes it scan every post of the brand).
     */
    private static String keyList(String alias, int n) {
        return "(" + alias + "brand_id, " + alias + "post_id) IN ("
                + String.join(", ", Collections.nCopies(n, "(?, ?)")) + ")";
    }

    private static int bindKeys(PreparedStatement ps, int first, List<PostKey> keys) throws SQLException {
        int index = first;
        for (PostKey key : keys) {
            ps.setString(index++, key.brandId());
            ps.setString(index++, key.postId());
        }
        return index;
    }

    /** Locks a post's row; its version, or empty when it is not stored. */
    private OptionalLong lockPost(Connection c, PostKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + posts
                + " WHERE brand_id = ? AND post_id = ? FOR UPDATE")) {
            ps.setString(1, key.brandId());
            ps.setString(2, key.postId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** How many columns {@link TransitionRows#TAIL_COLUMNS} names. */
    private static final int TAIL_WIDTH = TransitionRows.TAIL_COLUMNS.split(", ").length;

    /** The transitions kept on a post's row, after its rows ({@link TransitionRows#tail}). */
    private List<Transition> readTail(Connection c, PostKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TransitionRows.TAIL_COLUMNS + " FROM " + posts
                + " WHERE brand_id = ? AND post_id = ?")) {
            ps.setString(1, key.brandId());
            ps.setString(2, key.postId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? TransitionRows.tail(rs, 1) : List.of();
            }
        }
    }

    /** A post's rows of the history table, in order (without its tail). */
    private List<Transition> readHistoryRows(Connection c, PostKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TransitionRows.COLUMNS + " FROM " + transitions
                + " WHERE brand_id = ? AND post_id = ? ORDER BY seq")) {
            ps.setString(1, key.brandId());
            ps.setString(2, key.postId());
            List<Transition> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(TransitionRows.transition(rs, 1).orElseThrow());
                }
            }
            return out;
        }
    }

    /**
     * The posts matching {@code where} (over alias {@code p}), each with its history: one statement,
     * the post rows joined with their transitions, so that a post and its history come from one snapshot.
     */
    private List<ScheduledPost> readPosts(Connection c, String where, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.brand_id, p.post_id, p.state, p.version, p.body, "
                + prefixed("p.", TransitionRows.TAIL_COLUMNS) + ", "
                + prefixed("t.", TransitionRows.COLUMNS) + " FROM " + posts + " p LEFT JOIN " + transitions
                + " t ON t.brand_id = p.brand_id AND t.post_id = p.post_id WHERE " + where
                + " ORDER BY p.brand_id, p.post_id, t.seq")) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<ScheduledPost> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                PostKey current = null;
                String state = null;
                long version = 0;
                String body = null;
                List<Transition> history = new ArrayList<>();
                List<Transition> tail = List.of();
                int rows = 6 + TAIL_WIDTH;
                while (rs.next()) {
                    PostKey key = new PostKey(rs.getString(1), rs.getString(2));
                    if (!key.equals(current)) {
                        if (current != null) {
                            history.addAll(tail);
                            out.add(post(state, version, body, history));
                        }
                        current = key;
                        state = rs.getString(3);
                        version = rs.getLong(4);
                        body = rs.getString(5);
                        tail = TransitionRows.tail(rs, 6);
                        history = new ArrayList<>();
                    }
                    TransitionRows.transition(rs, rows).ifPresent(history::add);
                }
                if (current != null) {
                    history.addAll(tail);
                    out.add(post(state, version, body, history));
                }
            }
            return out;
        }
    }

    private static String prefixed(String alias, String columns) {
        return Arrays.stream(columns.split(", ")).map(col -> alias + col).collect(Collectors.joining(", "));
    }

    private static ScheduledPost post(String state, long version, String json, List<Transition> history) {
        JsonCodec.Body body = JsonCodec.body(json);
        return new ScheduledPost(body.post(), body.accounts(), PostState.valueOf(state), body.scheduledAt(), history,
                version, body.options());
    }

    /**
     * Rewrites a locked post's row and empties its tail (its transitions become rows: see
     * {@link #update}); with {@code openPublications} (its publications were replaced:
     * the new ones all open, the ones kept all PUBLISHED), its counts of open and failed publications too.
     */
    private void writePost(Connection c, ScheduledPost post, Optional<Integer> openPublications) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + posts
                + " SET state = ?, scheduled_at = ?, version = ?, body = ?, " + TransitionRows.TAIL_CLEARED
                + (openPublications.isPresent() ? ", open_publications = ?, failed_publications = 0" : "")
                + " WHERE brand_id = ? AND post_id = ?")) {
            int i = 1;
            ps.setString(i++, post.state().name());
            setMillis(ps, i++, post.scheduledAt());
            ps.setLong(i++, post.version());
            ps.setString(i++, JsonCodec.body(post));
            if (openPublications.isPresent()) {
                ps.setInt(i++, openPublications.get());
            }
            ps.setString(i++, post.key().brandId());
            ps.setString(i, post.key().postId());
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

    /** Binds {@code values} (each an Integer, a Long or a String) to the statement's places, from the first. */
    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
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
