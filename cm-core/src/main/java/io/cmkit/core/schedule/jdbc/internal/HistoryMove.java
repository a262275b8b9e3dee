package io.cmkit.core.schedule.jdbc.internal;

import io.cmkit.core.schedule.PostKey;
import io.cmkit.core.schedule.Transition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data step of schema version 3: each post's history moves from its JSON body to
 * {@code schedule_transition}, in its order, and the body is written again without it. A post
 * whose body holds no history is left alone, so the step can run again after an interruption
 * (H2 commits the script's DDL before it): a post whose history is still in its body gets its
 * rows deleted and written anew, with its body, in one transaction.
 */
final class HistoryMove {

    /** Posts moved per JDBC batch. */
    private static final int CHUNK = 500;

    private HistoryMove() {
    }

    static void run(Connection c, String prefix) throws SQLException {
        String posts = prefix + "schedule_post";
        String transitions = prefix + "schedule_transition";
        Map<PostKey, List<Transition>> histories = new LinkedHashMap<>();
        Map<PostKey, String> bodies = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT brand_id, post_id, body FROM " + posts
                + " ORDER BY brand_id, post_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                JsonCodec.Body body = JsonCodec.body(rs.getString(3));
                if (body.history().isEmpty()) {
                    continue;
                }
                PostKey key = new PostKey(rs.getString(1), rs.getString(2));
                histories.put(key, body.history());
                bodies.put(key, JsonCodec.body(body.post(), body.accounts(), body.scheduledAt(), List.of(),
                        body.options()));
            }
        }
        List<PostKey> keys = new ArrayList<>(histories.keySet());
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<PostKey> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            Map<PostKey, List<Transition>> rows = new LinkedHashMap<>();
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + transitions
                    + " WHERE brand_id = ? AND post_id = ?");
                 PreparedStatement rewrite = c.prepareStatement("UPDATE " + posts
                         + " SET body = ? WHERE brand_id = ? AND post_id = ?")) {
                for (PostKey key : chunk) {
                    delete.setString(1, key.brandId());
                    delete.setString(2, key.postId());
                    delete.addBatch();
                    rewrite.setString(1, bodies.get(key));
                    rewrite.setString(2, key.brandId());
                    rewrite.setString(3, key.postId());
                    rewrite.addBatch();
                    rows.put(key, histories.get(key));
                }
                delete.executeBatch();
                TransitionRows.append(c, transitions, rows);
                rewrite.executeBatch();
            }
        }
    }
}
