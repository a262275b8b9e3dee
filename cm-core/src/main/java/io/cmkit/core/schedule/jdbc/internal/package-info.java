/**
 * The JDBC schedule store's implementation: its SQL, its versioned schema and the JSON codec of
 * post bodies, over the shared {@link io.cmkit.core.jdbc.StoreDatabase}. Not API.
 */
package io.cmkit.core.schedule.jdbc.internal;
