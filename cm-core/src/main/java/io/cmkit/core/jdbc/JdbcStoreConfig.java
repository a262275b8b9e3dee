package io.cmkit.core.jdbc;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings shared by cmkit's JDBC stores (inbox, review queue, audit log...): immutable, built
 * with {@link #custom()}, {@link #ofDefaults()} or {@link #from(JdbcStoreConfig)}.
 */
public final class JdbcStoreConfig {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,19}");

    private final String tablePrefix;
    private final boolean migrate;
    private final Duration migrationLockTimeout;

    private JdbcStoreConfig(Builder b) {
        this.tablePrefix = b.tablePrefix;
        this.migrate = b.migrate;
        this.migrationLockTimeout = b.migrationLockTimeout;
    }

    /** Prefix {@code cm_}, migrations on, 60 s to wait for another instance's migration. */
    public static JdbcStoreConfig ofDefaults() {
        return custom().build();
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from {@code other}. */
    public static Builder from(JdbcStoreConfig other) {
        return new Builder().tablePrefix(other.tablePrefix).migrate(other.migrate)
                .migrationLockTimeout(other.migrationLockTimeout);
    }

    /** The prefix of every table the store uses; lower-case letters, digits, {@code _}. */
    public String tablePrefix() {
        return tablePrefix;
    }

    /**
     * Whether the store creates and migrates its tables when it starts (the default). Off, it only
     * checks that the schema is at the version it supports, for hosts whose DBA applies the scripts.
     */
    public boolean migrate() {
        return migrate;
    }

    /** How long a starting store waits for another instance that is migrating the same database. */
    public Duration migrationLockTimeout() {
        return migrationLockTimeout;
    }

    @Override
    public String toString() {
        return "JdbcStoreConfig[tablePrefix=" + tablePrefix + ", migrate=" + migrate
                + ", migrationLockTimeout=" + migrationLockTimeout + "]";
    }

    /** Builds a {@link JdbcStoreConfig}. */
    public static final class Builder {
        private String tablePrefix = "cm_";
        private boolean migrate = true;
        private Duration migrationLockTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** 1 to 20 lower-case letters, digits or {@code _}, starting with a letter. */
        public Builder tablePrefix(String value) {
            Objects.requireNonNull(value, "tablePrefix");
            if (!PREFIX.matcher(value).matches()) {
                throw new IllegalArgumentException("tablePrefix must be 1 to 20 lower-case letters, digits or '_', "
                        + "starting with a letter; got '" + value + "'");
            }
            this.tablePrefix = value;
            return this;
        }

        public Builder migrate(boolean value) {
            this.migrate = value;
            return this;
        }

        public Builder migrationLockTimeout(Duration value) {
            Objects.requireNonNull(value, "migrationLockTimeout");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("migrationLockTimeout must be positive");
            }
            this.migrationLockTimeout = value;
            return this;
        }

        public JdbcStoreConfig build() {
            return new JdbcStoreConfig(this);
        }
    }
}
