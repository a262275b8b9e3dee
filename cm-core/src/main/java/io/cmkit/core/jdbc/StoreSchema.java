package io.cmkit.core.jdbc;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The versioned schema of one store: its component name in the shared {@code <prefix>schema_version}
 * table, and its migration scripts, shipped as resources next to {@code owner} (so a module's
 * scripts are read through its own class loader).
 *
 * <pre>{@code
 * static final StoreSchema SCHEMA = new StoreSchema("review", JdbcReviewQueueStore.class, List.of(
 *         new StoreSchema.Migration(1, "review items", "/io/cmkit/moderation/jdbc/db/V1__review.sql")));
 * }</pre>
 *
 * Scripts are plain SQL with the {@link Dialect} placeholders {@code ${prefix}} and {@code ${text}};
 * statements end with {@code ;} at the end of a line, and lines starting with {@code --} are comments.
 * Where the databases need different SQL (a trigger...), a resource path holding {@code ${dialect}}
 * names one script per database: {@code V2__guard_${dialect}.sql} reads {@code V2__guard_h2.sql} on H2
 * and {@code V2__guard_postgresql.sql} on PostgreSQL.
 * A version, once released, is never edited: a change is a new script with the next version.
 *
 * @param component the store's name in the version table: lower-case letters, digits, {@code _}, {@code -}
 * @param owner the class next to whose resources the scripts are found
 * @param migrations the scripts, versions 1, 2, 3... in order
 */
public record StoreSchema(String component, Class<?> owner, List<Migration> migrations) {

    private static final Pattern COMPONENT = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    /**
     * One versioned script.
     *
     * @param version its version, from 1
     * @param description what it adds, recorded in the version table
     * @param resource the script's absolute resource path, e.g. {@code /io/cmkit/core/inbox/jdbc/db/V1__inbox.sql};
     *                 {@code ${dialect}} in it stands for {@code h2} or {@code postgresql}
     * @param after work in Java that runs after the script, in the same transaction where the
     *              database allows (moving data the script's SQL cannot transform)
     */
    public record Migration(int version, String description, String resource, DataStep after) {

        /** A script with no data step after it. */
        public Migration(int version, String description, String resource) {
            this(version, description, resource, DataStep.NONE);
        }

        public Migration {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(after, "after");
            if (!resource.startsWith("/")) {
                throw new IllegalArgumentException("migration resource must be an absolute path starting with '/', got '"
                        + resource + "'");
            }
        }

        /** The script's path on {@code dialect}'s database. */
        public String resourceFor(Dialect dialect) {
            return resource.replace("${dialect}", dialect.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    public StoreSchema {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(owner, "owner");
        if (!COMPONENT.matcher(component).matches()) {
            throw new IllegalArgumentException("component must be 1 to 64 lower-case letters, digits, '_' or '-', got '"
                    + component + "'");
        }
        migrations = List.copyOf(migrations);
        if (migrations.isEmpty()) {
            throw new IllegalArgumentException("schema " + component + " has no migration");
        }
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("schema " + component + ": migration " + (i + 1) + " has version "
                        + migrations.get(i).version() + "; versions must be 1, 2, 3... in order");
            }
        }
    }

    /**
     * Work in Java run after a migration's script, before its version is recorded. It must be safe
     * to run again: H2 commits a script's DDL before it, so an interrupted step is run anew.
     */
    @FunctionalInterface
    public interface DataStep {
        /** Does nothing. */
        DataStep NONE = (connection, prefix) -> { };

        /**
         * @param connection the migration's connection, in its transaction
         * @param prefix the stores' table prefix
         */
        void run(java.sql.Connection connection, String prefix) throws java.sql.SQLException;
    }

    /** The newest version: the last migration's. */
    public int latest() {
        return migrations.size();
    }
}
