package io.cmkit.core.jdbc;

/**
 * The database holds a store's schema newer than this code knows (another, newer cmkit migrated
 * it). The store refuses to start and changes nothing: upgrade cmkit, or point it at another
 * database.
 */
public final class SchemaVersionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String component;
    private final int foundVersion;
    private final int supportedVersion;
    private final String jdbcUrl;

    public SchemaVersionException(String component, int foundVersion, int supportedVersion, String jdbcUrl) {
        super("the " + component + " schema in " + jdbcUrl + " is at version " + foundVersion
                + ", newer than version " + supportedVersion + " that this cmkit supports; nothing was changed."
                + " Upgrade cmkit or use another database.");
        this.component = component;
        this.foundVersion = foundVersion;
        this.supportedVersion = supportedVersion;
        this.jdbcUrl = jdbcUrl;
    }

    /** The store's component name in the version table ({@code schedule}, {@code inbox}...). */
    public String component() {
        return component;
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
