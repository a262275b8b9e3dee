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
 * <p>A publication may reply ({@link io.cmkit.core.schedule.ReplyTarget}): to a post already on the
 * platform, or to another publication of the store with the rule for gaps, which the scheduler
 * applies when it is due (reply to the published parent, wait for an open one without using an
 * attempt, bridge or restart after a failed or missing one). {@link io.cmkit.core.schedule.LiveScheduling}
 * puts a live show's {@link io.cmkit.core.live.LivePlan} through review as a unit and into the
 * schedule, threaded that way.
 *
 * <p>See {@code docs/scheduling.md} for the states, the idempotency rules and the store contract.
 */
package io.cmkit.core.schedule;
