package io.cmkit.core.schedule.jdbc;

/**
 * The database holds a schedule schema newer than this code knows (another, newer cmkit migrated
 * it). The store refuses to start and changes nothing: upgrade cmkit, or point it at another
 * database.
 */
public final class SchemaVersionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int foundVersion;
    private final int supportedVersion;
    private final String jdbcUrl;

    public SchemaVersionException(int foundVersion, int supportedVersion, String jdbcUrl) {
        super("the schedule schema in " + jdbcUrl + " is at version " + foundVersion
                + ", newer than version " + supportedVersion + " that this cmkit supports; nothing was changed."
                + " Upgrade cmkit or use another database.");
        this.foundVersion = foundVersion;
        this.supportedVersion = supportedVersion;
        this.jdbcUrl = jdbcUrl;
    }

    /** The version recorded in the database. */
    public int foundVersion() {
        return foundVersion;
    }

    /** The newest version this code can work with. */
    public int supportedVersion() {
        return supportedVersion;
    }

    /** The database's JDBC URL, without credentials. */
    public String jdbcUrl() {
        return jdbcUrl;
    }
}
