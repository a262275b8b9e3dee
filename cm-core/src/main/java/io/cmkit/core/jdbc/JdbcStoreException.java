package io.cmkit.core.jdbc;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The database failed a store operation (unreachable, out of space, a constraint the store did
 * not expect...). The operation was rolled back. The message names the operation, the database's
 * JDBC URL without credentials, and the driver's own words.
 */
public final class JdbcStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public JdbcStoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage() + (cause.getSQLState() == null ? "" : " (SQLState " + cause.getSQLState() + ")"),
                cause);
        this.sqlState = cause.getSQLState();
    }

    public JdbcStoreException(String message) {
        super(message);
        this.sqlState = null;
    }

    /** The driver's SQLState, when it gave one. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
