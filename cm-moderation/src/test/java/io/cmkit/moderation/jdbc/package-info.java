/** Tests of the JDBC review queue store and audit log on H2 and a real PostgreSQL: the store contracts, exact round trips, concurrency, the append-only guard, versions. */
package io.cmkit.moderation.jdbc;
