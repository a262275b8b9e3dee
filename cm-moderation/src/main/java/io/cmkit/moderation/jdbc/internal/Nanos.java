package io.cmkit.moderation.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Instants as UTC epoch nanoseconds in BIGINT columns: exact, and comparable in SQL (until 2262). */
final class Nanos {

    private Nanos() {
    }

    static long of(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    static void set(PreparedStatement ps, int index, Optional<Instant> t) throws SQLException {
        if (t.isPresent()) {
            ps.setLong(index, of(t.get()));
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }

    static Optional<Instant> get(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? Optional.empty() : Optional.of(instant(v));
    }
}
