/**
 * What cmkit's JDBC stores share, for cm-core's stores and for other modules shipping their own:
 * {@link io.cmkit.core.jdbc.StoreDatabase} (data source, dialect, transactions),
 * {@link io.cmkit.core.jdbc.StoreSchema} (a store's versioned scripts in its jar) migrated by
 * {@link io.cmkit.core.jdbc.SchemaMigrator} under a lock, with each component's version in the shared
 * {@code <prefix>schema_version} table, and a newer schema refused
 * ({@link io.cmkit.core.jdbc.SchemaVersionException}). H2 and PostgreSQL are supported.
 */
package io.cmkit.core.jdbc;
