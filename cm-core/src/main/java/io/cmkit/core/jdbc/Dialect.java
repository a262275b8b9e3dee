package io.cmkit.core.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What differs between the databases cmkit's JDBC stores support: type names in the scripts,
 * the migration lock, and which SQLStates mean what. H2 2.3 supports {@code FOR UPDATE SKIP LOCKED}
 * with {@code ORDER BY ... LIMIT} as PostgreSQL does, so claim SQL is the same on both.
 *
 * <p>Migration scripts may use two placeholders, replaced by {@link #render(String, String)}:
 * {@code ${prefix}} (the table prefix) and {@code ${text}} (unbounded text: H2
 * {@code CHARACTER VARYING(1000000)}, PostgreSQL {@code TEXT}).
 */
public enum Dialect {

    /**
     * H2 2.x (MVStore, row locks, READ COMMITTED). DDL commits the open transaction, so the
     * migration lock is a row in a lock table, inserted and deleted in their own transactions.
     */
    H2("CHARACTER VARYING(1000000)") {
        @Override
        boolean tryLock(Connection c, String prefix, String owner, long nowMillis, long staleBeforeMillis)
                throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("CREATE TABLE IF NOT EXISTS " + prefix
                    + "schema_lock (id INTEGER NOT NULL PRIMARY KEY, owner VARCHAR(200) NOT NULL, acquired_at BIGINT NOT NULL)")) {
                ps.execute();
            } catch (SQLException e) {
                return false; // another instance is creating it at this very moment: try again
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + prefix
                    + "schema_lock WHERE id = 1 AND acquired_at < ?")) {
                ps.setLong(1, staleBeforeMillis);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + prefix
                    + "schema_lock (id, owner, acquired_at) VALUES (1, ?, ?)")) {
                ps.setString(1, owner);
                ps.setLong(2, nowMillis);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (isDuplicateKey(e) || isLockTimeout(e)) {
                    return false;
                }
                throw e;
            }
        }

        @Override
        void unlock(Connection c, String prefix, String owner) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + prefix + "schema_lock WHERE id = 1 AND owner = ?")) {
                ps.setString(1, owner);
                ps.executeUpdate();
            }
        }

        @Override
        public boolean isLockTimeout(SQLException e) {
            return "HYT00".equals(e.getSQLState()) || e.getErrorCode() == 50200;
        }
    },

    /**
     * PostgreSQL 12 or later. DDL is transactional; the migration lock is a session advisory lock
     * keyed by the current schema and the table prefix.
     */
    POSTGRESQL("TEXT") {
        @Override
        boolean tryLock(Connection c, String prefix, String owner, long nowMillis, long staleBeforeMillis)
                throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pg_try_advisory_lock(hashtext(current_schema() || ':cmkit-schema:' || ?))")) {
                ps.setString(1, prefix);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        }

        @Override
        void unlock(Connection c, String prefix, String owner) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pg_advisory_unlock(hashtext(current_schema() || ':cmkit-schema:' || ?))")) {
                ps.setString(1, prefix);
                ps.executeQuery().close();
            }
        }

        @Override
        public boolean isLockTimeout(SQLException e) {
            return "55P03".equals(e.getSQLState());
        }
    };

    private final String textType;

    Dialect(String textType) {
        this.textType = textType;
    }

    /** The dialect of the database behind this connection. */
    public static Dialect of(Connection c, String redactedUrl) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (p.equals("h2")) {
            return H2;
        }
        if (p.contains("postgresql")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("cmkit's JDBC stores support H2 and PostgreSQL, not " + product
                + " (" + redactedUrl + ")");
    }

    /** A script with its placeholders replaced. */
    public String render(String script, String prefix) {
        return script.replace("${prefix}", prefix).replace("${text}", textType);
    }

    /** Takes the migration lock if it is free; never waits. */
    abstract boolean tryLock(Connection c, String prefix, String owner, long nowMillis, long staleBeforeMillis)
            throws SQLException;

    /** Gives the migration lock back. */
    abstract void unlock(Connection c, String prefix, String owner) throws SQLException;

    /** A lock could not be had at once ({@code NOWAIT}) or in time. */
    public abstract boolean isLockTimeout(SQLException e);

    /** A unique or primary key was violated. */
    public static boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                if ("23505".equals(s.getSQLState())
                        || s.getNextException() != null && "23505".equals(s.getNextException().getSQLState())) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A missing table. */
    public static boolean isMissingTable(SQLException e) {
        String s = e.getSQLState();
        return "42P01".equals(s) || "42S02".equals(s) || "42S04".equals(s) || "42104".equals(s);
    }

    /** Worth running the whole transaction again: a serialization failure or a deadlock victim. */
    public boolean isRetryable(SQLException e) {
        String s = e.getSQLState();
        return "40001".equals(s) || "40P01".equals(s) || (this == H2 && isLockTimeout(e));
    }
}
