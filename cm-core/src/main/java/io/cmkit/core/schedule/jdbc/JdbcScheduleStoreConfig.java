package io.cmkit.core.schedule.jdbc;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of a {@link JdbcScheduleStore}: immutable, built with {@link #custom()}, {@link #ofDefaults()}
 * or {@link #from(JdbcScheduleStoreConfig)}.
 */
public final class JdbcScheduleStoreConfig {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,19}");

    private final String tablePrefix;
    private final boolean migrate;
    private final Duration migrationLockTimeout;

    private JdbcScheduleStoreConfig(Builder b) {
        this.tablePrefix = b.tablePrefix;
        this.migrate = b.migrate;
        this.migrationLockTimeout = b.migrationLockTimeout;
    }

    /** Prefix {@code cm_}, migrations on, 60 s to wait for another instance's migration. */
    public static JdbcScheduleStoreConfig ofDefaults() {
        return custom().build();
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from {@code other}. */
    public static Builder from(JdbcScheduleStoreConfig other) {
        Builder b = new Builder();
        b.tablePrefix = other.tablePrefix;
        b.migrate = other.migrate;
        b.migrationLockTimeout = other.migrationLockTimeout;
        return b;
    }

    /** The prefix of every table the store uses ({@code cm_schedule_post}...); lower-case letters, digits, {@code _}. */
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
        return "JdbcScheduleStoreConfig[tablePrefix=" + tablePrefix + ", migrate=" + migrate
                + ", migrationLockTimeout=" + migrationLockTimeout + "]";
    }

    /** Builds a {@link JdbcScheduleStoreConfig}. */
    public static final class Builder {
        private String tablePrefix = "cm_";
        private boolean migrate = true;
        private Duration migrationLockTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

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

        public JdbcScheduleStoreConfig build() {
            return new JdbcScheduleStoreConfig(this);
        }
    }
}
