/**
 * The domain model of community management: brands and their accounts, strategy (objectives,
 * KPI targets, audiences, personas, editorial line), posts and their per-platform variants,
 * interactions (comments, replies, mentions) and metric snapshots.
 *
 * <p>Every type is an immutable record whose invariants are checked when it is built; a broken
 * invariant throws {@link io.cmkit.core.model.InvalidModelException} naming the record and the
 * field. No method returns {@code null}: absent values are {@link java.util.Optional}.
 */
package io.cmkit.core.model;
