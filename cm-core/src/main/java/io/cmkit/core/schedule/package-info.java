/**
 * Scheduled publishing with approvals.
 *
 * <p>A {@link io.cmkit.core.schedule.ScheduledPost} moves through the
 * {@link io.cmkit.core.schedule.PostState}s by {@link io.cmkit.core.schedule.PostAction}s, each
 * recorded in its history with who and when. The {@link io.cmkit.core.schedule.PostWorkflow}
 * takes the people's actions (submit, approve, reject with a comment, edit, schedule, cancel) and
 * checks each variant against its platform's limits before it is scheduled. Scheduling turns a
 * post into one {@link io.cmkit.core.schedule.Publication} per account, each with a stable
 * idempotency key, which {@link io.cmkit.core.schedule.Scheduler} instances claim under a
 * {@link io.cmkit.core.schedule.Lease} from the shared {@link io.cmkit.core.schedule.ScheduleStore},
 * publish through the connector SPI, retry, defer on rate limits, and reconcile after a crash.
 *
 * <p>See {@code docs/scheduling.md} for the states, the idempotency rules and the store contract.
 */
package io.cmkit.core.schedule;
