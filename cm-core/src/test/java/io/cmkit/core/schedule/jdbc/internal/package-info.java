/** Tests of the JDBC schedule store's internals: its versioned schema. */
package io.cmkit.core.schedule.jdbc.internal;
