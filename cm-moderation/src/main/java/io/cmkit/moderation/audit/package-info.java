/**
 * The append-only audit log: every decision, every action carried out, degraded or failed, and
 * every review resolution, with who, what, when, rule and result. Stored behind
 * {@link io.cmkit.moderation.audit.AuditLog}.
 */
package io.cmkit.moderation.audit;
