/**
 * JDBC stores of moderation, on H2 or PostgreSQL through cm-core's {@link io.cmkit.core.jdbc}:
 * the review queue ({@link io.cmkit.moderation.jdbc.JdbcReviewQueueStore}) and the append-only
 * audit log ({@link io.cmkit.moderation.jdbc.JdbcAuditLog}). Their versioned scripts ship in this
 * module's jar. See {@code docs/moderation.md}.
 */
package io.cmkit.moderation.jdbc;
