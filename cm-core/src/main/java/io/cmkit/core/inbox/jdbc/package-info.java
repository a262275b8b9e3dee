/**
 * The JDBC {@link io.cmkit.core.inbox.InboxStore}: H2 or PostgreSQL, tables created and migrated
 * from versioned scripts in the jar through {@link io.cmkit.core.jdbc}. See {@code docs/inbox.md}.
 */
package io.cmkit.core.inbox.jdbc;
