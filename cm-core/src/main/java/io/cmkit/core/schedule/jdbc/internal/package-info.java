/**
 * The JDBC schedule store's implementation: the SQL per dialect, the schema migrator, the JSON
 * codec of post bodies and a small pooling {@code DataSource} over {@code DriverManager}. Not API.
 */
package io.cmkit.core.schedule.jdbc.internal;
