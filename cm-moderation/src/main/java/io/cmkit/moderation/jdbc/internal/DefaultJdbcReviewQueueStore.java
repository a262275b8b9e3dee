package io.cmkit.moderation.jdbc.internal;

import io.cmkit.core.jdbc.Dialect;
import io.cmkit.core.jdbc.InteractionJson;
import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.jdbc.StoreDatabase;
import io.cmkit.core.jdbc.StoreSchema;
import io.cmkit.moderation.jdbc.JdbcReviewQueueStore;
import io.cmkit.moderation.review.ReviewItem;
import io.cmkit.moderation.review.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@link JdbcReviewQueueStore}: every method is one transaction. */
public final class DefaultJdbcReviewQueueStore implements JdbcReviewQueueStore {

    /** The store's versioned scripts, component {@code moderation-review}. */
    public static final StoreSchema SCHEMA = new StoreSchema("moderation-review", DefaultJdbcReviewQueueStore.class,
            List.of(new StoreSchema.Migration(1, "review items", "/io/cmkit/moderation/jdbc/db/V1__review.sql")));

    private static final String COLUMNS = "id, interaction, decision, submitted_at, claim_moderator, claim_token, "
            + "claim_until, resolution_verdict, resolution_moderator, resolution_note, resolved_at";

    private final StoreDatabase db;
    private final int schemaVersion;
    private final String table;

    private DefaultJdbcReviewQueueStore(StoreDatabase db, int schemaVersion, String prefix) {
        this.db = db;
        this.schemaVersion = schemaVersion;
        this.table = prefix + "review_item";
    }

    public static DefaultJdbcReviewQueueStore open(StoreDatabase db, JdbcStoreConfig config) {
        return new DefaultJdbcReviewQueueStore(db, db.migrate(SCHEMA, config), config.tablePrefix());
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public String toString() {
        return "JdbcReviewQueueStore[" + db.dialect() + ", " + db.redactedUrl() + ", schema version " + schemaVersion + "]";
    }

    @Override
    public void add(ReviewItem item) {
        Objects.requireNonNull(item, "item");
        db.inTransaction("add review item " + item.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                    + ", interaction_key, resolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, item.id());
                ps.setString(2, InteractionJson.write(item.interaction()));
                ps.setString(3, DecisionJson.write(item.decision()));
                ps.setLong(4, Nanos.of(item.submittedAt()));
                setClaim(ps, 5, item.claim());
                setResolution(ps, 8, item.resolution());
                ps.setString(12, item.interaction().key());
                ps.setBoolean(13, item.resolved());
                ps.executeUpdate();
            } catch (SQLException e) {
                if (Dialect.isDuplicateKey(e)) {
                    throw new IllegalArgumentException("review item " + item.id() + " already exists");
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public Optional<ReviewItem> find(String id) {
        Objects.requireNonNull(id, "id");
        return db.inTransaction("find review item " + id, c -> read(c, id, false));
    }

    @Override
    public Optional<ReviewItem> claimNext(String moderator, String token, Instant now, Instant until) {
        Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(token, "token");
        return db.inTransaction("claim a review item for " + moderator, c -> {
            Optional<ReviewItem> free;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE resolved = FALSE AND (claim_until IS NULL OR claim_until <= ?) ORDER BY seq LIMIT 1"
                    + " FOR UPDATE SKIP LOCKED")) {
                ps.setLong(1, Nanos.of(now));
                free = one(ps);
            }
            if (free.isEmpty()) {
                return Optional.<ReviewItem>empty();
            }
            ReviewItem item = free.get();
            ReviewItem claimed = new ReviewItem(item.id(), item.interaction(), item.decision(), item.submittedAt(),
                    Optional.of(new ReviewItem.Claim(moderator, token, until)), Optional.empty());
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                    + " SET claim_moderator = ?, claim_token = ?, claim_until = ? WHERE id = ?")) {
                setClaim(ps, 1, claimed.claim());
                ps.setString(4, item.id());
                ps.executeUpdate();
            }
            return Optional.of(claimed);
        });
    }

    @Override
    public ReviewItem resolve(String id, String token, ReviewItem.Resolution resolution, Instant now) {
        Objects.requireNonNull(resolution, "resolution");
        return db.inTransaction("resolve review item " + id, c -> {
            ReviewItem item = read(c, id, true).orElseThrow(() -> new IllegalStateException("no review item " + id));
            ReviewItem done = item.resolvedWith(token, resolution, now);
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET resolution_verdict = ?, "
                    + "resolution_moderator = ?, resolution_note = ?, resolved_at = ?, resolved = TRUE WHERE id = ?")) {
                setResolution(ps, 1, Optional.of(resolution));
                ps.setString(5, id);
                ps.executeUpdate();
            }
            return done;
        });
    }

    @Override
    public List<ReviewItem> pending() {
        return db.inTransaction("read pending review items", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE resolved = FALSE ORDER BY seq")) {
                List<ReviewItem> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(item(rs));
                    }
                }
                return out;
            }
        });
    }

    private Optional<ReviewItem> read(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, id);
            return one(ps);
        }
    }

    private static Optional<ReviewItem> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(item(rs)) : Optional.empty();
        }
    }

    private static ReviewItem item(ResultSet rs) throws SQLException {
        Optional<ReviewItem.Claim> claim = Optional.ofNullable(rs.getString(5)).isEmpty() ? Optional.empty()
                : Optional.of(new ReviewItem.Claim(rs.getString(5), rs.getString(6), Nanos.get(rs, 7).orElseThrow()));
        Optional<ReviewItem.Resolution> resolution = Optional.ofNullable(rs.getString(8)).isEmpty() ? Optional.empty()
                : Optional.of(new ReviewItem.Resolution(Verdict.valueOf(rs.getString(8)), rs.getString(9),
                        rs.getString(10), Nanos.get(rs, 11).orElseThrow()));
        return new ReviewItem(rs.getString(1), InteractionJson.read(rs.getString(2)), DecisionJson.read(rs.getString(3)),
                Nanos.instant(rs.getLong(4)), claim, resolution);
    }

    private static void setClaim(PreparedStatement ps, int from, Optional<ReviewItem.Claim> claim) throws SQLException {
        setText(ps, from, claim.map(ReviewItem.Claim::moderator));
        setText(ps, from + 1, claim.map(ReviewItem.Claim::token));
        Nanos.set(ps, from + 2, claim.map(ReviewItem.Claim::until));
    }

    private static void setResolution(PreparedStatement ps, int from, Optional<ReviewItem.Resolution> r) throws SQLException {
        setText(ps, from, r.map(x -> x.verdict().name()));
        setText(ps, from + 1, r.map(ReviewItem.Resolution::moderator));
        setText(ps, from + 2, r.map(ReviewItem.Resolution::note));
        Nanos.set(ps, from + 3, r.map(ReviewItem.Resolution::at));
    }

    private static void setText(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }
}
