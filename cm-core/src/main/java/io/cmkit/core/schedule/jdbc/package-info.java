/**
 * The JDBC {@link io.cmkit.core.schedule.ScheduleStore}: H2 embedded by default (a file or memory),
 * PostgreSQL when several scheduler instances share the work. {@link io.cmkit.core.schedule.jdbc.JdbcScheduleStore}
 * gives the factories, {@link io.cmkit.core.jdbc.JdbcStoreConfig} (shared by every JDBC store) the settings; the store
 * creates and migrates its own tables from versioned scripts in the jar. See {@code docs/jdbc-store.md}.
 */
package io.cmkit.core.schedule.jdbc;
