package io.cmkit.core.schedule.jdbc.internal;

import io.cmkit.core.schedule.PostAction;
import io.cmkit.core.schedule.PostKey;
import io.cmkit.core.schedule.PostState;
import io.cmkit.core.schedule.Transition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A post's history in {@code <prefix>schedule_transition} (schema version 3): one row per
 * transition, appended in a JDBC batch, read back in the order of {@code seq}.
 */
final class TransitionRows {

    /** The columns {@link #transition(ResultSet, int)} reads, in its order. */
    static final String COLUMNS = "action_name, from_state, to_state, actor, at_second, at_nano, comment_text";

    private TransitionRows() {
    }

    /** Appends each post's transitions (in list order) in one batch; does nothing for none. */
    static void append(Connection c, String table, Map<PostKey, List<Transition>> byPost) throws SQLException {
        if (byPost.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (brand_id, post_id, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<PostKey, List<Transition>> e : byPost.entrySet()) {
                for (Transition t : e.getValue()) {
                    ps.setString(1, e.getKey().brandId());
                    ps.setString(2, e.getKey().postId());
                    ps.setString(3, t.action().name());
                    if (t.from().isPresent()) {
                        ps.setString(4, t.from().get().name());
                    } else {
                        ps.setNull(4, Types.VARCHAR);
                    }
                    ps.setString(5, t.to().name());
                    ps.setString(6, t.actor());
                    ps.setLong(7, t.at().getEpochSecond());
                    ps.setInt(8, t.at().getNano());
                    if (t.comment().isPresent()) {
                        ps.setString(9, t.comment().get());
                    } else {
                        ps.setNull(9, Types.VARCHAR);
                    }
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Deletes a post's whole history (before writing one that does not extend it). */
    static void deleteAll(Connection c, String table, PostKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE brand_id = ? AND post_id = ?")) {
            ps.setString(1, key.brandId());
            ps.setString(2, key.postId());
            ps.executeUpdate();
        }
    }

    /**
     * The transition whose {@link #COLUMNS} start at column {@code first}; empty when the row has
     * none (the outer side of a LEFT JOIN with no transition).
     */
    static Optional<Transition> transition(ResultSet rs, int first) throws SQLException {
        String action = rs.getString(first);
        if (action == null) {
            return Optional.empty();
        }
        return Optional.of(new Transition(PostAction.valueOf(action),
                Optional.ofNullable(rs.getString(first + 1)).map(PostState::valueOf),
                PostState.valueOf(rs.getString(first + 2)), rs.getString(first + 3),
                Instant.ofEpochSecond(rs.getLong(first + 4), rs.getInt(first + 5)),
                Optional.ofNullable(rs.getString(first + 6))));
    }
}
