/**
 * Live events: a run of show of posts timed from the event's start, and the audience's questions.
 *
 * <p>A {@link io.cmkit.core.live.LiveEvent} names the event, its start, time zone, hashtags and the
 * accounts that cover it. A {@link io.cmkit.core.live.RunOfShow} lists {@link io.cmkit.core.live.Cue}s
 * at {@link io.cmkit.core.live.CueOffset}s ({@code T-1h}, {@code T+0}, {@code T+1h30m}), checked when
 * built; moving the event ({@link io.cmkit.core.live.RunOfShow#withStart(java.time.Instant)}) moves
 * every cue. {@link io.cmkit.core.live.RunOfShow#plan(java.time.Clock, java.util.function.Function)}
 * checks each variant against its account's {@link io.cmkit.core.spi.PlatformLimits} and resolves
 * the show to a {@link io.cmkit.core.live.LivePlan} of {@link io.cmkit.core.live.PlannedPost}s.
 *
 * <p>The seam with a scheduler is the plan: each planned post has an instant, an account, a
 * variant, an idempotency key and, when the show is {@linkplain io.cmkit.core.live.Threading threaded},
 * the key of the publication it replies to. A scheduler schedules each one at its instant and, when
 * it is due, asks {@link io.cmkit.core.live.LivePlan#requestFor(io.cmkit.core.live.PlannedPost, java.util.Map)}
 * for the {@link io.cmkit.core.spi.PublishRequest}, passing the refs published so far. This package
 * depends on no scheduler; cmkit's own takes a plan through
 * {@code io.cmkit.core.schedule.LiveScheduling}, which stores each cue's parent and rule with its
 * publication.
 *
 * <p>A {@link io.cmkit.core.live.QuestionCollector} gathers questions from interactions that carry
 * the event's hashtag or reply to its posts, within a {@link io.cmkit.core.live.QuestionWindow}, and
 * lists them by time or by engagement.
 *
 * <p>Everything that depends on the time takes a {@link java.time.Clock}. The rules are in
 * {@code docs/live-events.md}.
 */
package io.cmkit.core.live;
