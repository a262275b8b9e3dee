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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A post's history in {@code <prefix>schedule_transition} (schema version 3): one row per
 * transition, appended in a JDBC batch, read back in the order of {@code seq}; then, since schema
 * version 5, the scheduler's last transitions kept on the post's row (its <em>tail</em>: the
 * DISPATCH of a claim and the end of a completion or resolution, see {@code V5__history_tail.sql}).
 */
final class TransitionRows {

    /** The columns {@link #transition(ResultSet, int)} reads, in its order. */
    static final String COLUMNS = "action_name, from_state, to_state, actor, at_second, at_nano, comment_text";

    /** The post's tail columns {@link #tail(ResultSet, int)} reads, in its order. */
    static final String TAIL_COLUMNS = "dispatch_actor, dispatch_second, dispatch_nano, end_action, end_state, end_actor, "
            + "end_second, end_nano, end_comment";

    /** The {@code SET} clause that empties a post's tail. */
    static final String TAIL_CLEARED = "dispatch_actor = NULL, dispatch_second = NULL, dispatch_nano = NULL, "
            + "end_action = NULL, end_state = NULL, end_actor = NULL, end_second = NULL, end_nano = NULL, end_comment = NULL";

    /** The {@code SET} clause that keeps a claim's DISPATCH in the tail: actor, epoch second, nanosecond. */
    static final String DISPATCH_KEPT = "dispatch_actor = ?, dispatch_second = ?, dispatch_nano = ?";

    private TransitionRows() {
    }

    /**
     * The tail whose {@link #TAIL_COLUMNS} start at column {@code first}: none, the DISPATCH, the
     * end, or both, in that order.
     */
    static List<Transition> tail(ResultSet rs, int first) throws SQLException {
        String dispatcher = rs.getString(first);
        String end = rs.getString(first + 3);
        if (dispatcher == null && end == null) {
            return List.of();
        }
        List<Transition> out = new ArrayList<>(2);
        if (dispatcher != null) {
            out.add(new Transition(PostAction.DISPATCH, Optional.of(PostState.SCHEDULED), PostState.PUBLISHING, dispatcher,
                    Instant.ofEpochSecond(rs.getLong(first + 1), rs.getInt(first + 2)), Optional.empty()));
        }
        if (end != null) {
            out.add(new Transition(PostAction.valueOf(end), Optional.of(PostState.PUBLISHING),
                    PostState.valueOf(rs.getString(first + 4)), rs.getString(first + 5),
                    Instant.ofEpochSecond(rs.getLong(first + 6), rs.getInt(first + 7)),
                    Optional.ofNullable(rs.getString(first + 8))));
        }
        return out;
    }

    /** Binds a claim's DISPATCH ({@link #DISPATCH_KEPT}) from {@code first}; returns the next index. */
    static int bindDispatch(PreparedStatement ps, int first, String actor, Instant at) throws SQLException {
        ps.setString(first, actor);
        ps.setLong(first + 1, at.getEpochSecond());
        ps.setInt(first + 2, at.getNano());
        return first + 3;
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
