package io.cmkit.core.schedule;

import io.cmkit.core.live.LiveEvent;
import io.cmkit.core.live.LivePlan;
import io.cmkit.core.live.PlannedPost;
import io.cmkit.core.live.Threading;
import io.cmkit.core.model.Post;
import io.cmkit.core.spi.PostRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts a live show ({@link LivePlan}) through the approval workflow and into the schedule, so that
 * a threaded show is published by any number of {@link Scheduler} instances, in order, once.
 *
 * <p>Each planned publication (one cue on one account) becomes a {@link ScheduledPost} of its own:
 * post id = the plan's key ({@code live:<event>:<offset>:<account>}), campaign = the event's id,
 * one account, one variant. Its publication is published with the plan's key as idempotency key
 * and, in a threaded show, replies to the previous cue on the same account
 * ({@link ReplyTarget.Parent}: the previous cues' keys, nearest first, and the show's rule for gaps:
 * {@link Threading#THREAD_BRIDGING_GAPS} is {@link ReplyTarget.GapRule#BRIDGE},
 * {@link Threading#THREAD_RESTARTING_AFTER_GAPS} is {@link ReplyTarget.GapRule#RESTART}). Keys do
 * not depend on the start, so moving the show and scheduling it again moves the same posts and
 * never publishes one twice.
 *
 * <p><b>The show is reviewed as a unit</b>: {@link #submit} drafts and submits every cue,
 * {@link #approve} and {@link #reject} act on every cue in review, and {@link #schedule} schedules
 * only a show whose every cue is approved (or already scheduled, published, failed or cancelled);
 * otherwise it throws {@link IllegalStateException} listing the cues not approved, and changes
 * nothing. A cue edited afterwards (through {@link PostWorkflow#edit}) goes back to review on its
 * own, and the show cannot be scheduled again until it is approved.
 *
 * <p>Each action goes through the {@link PostWorkflow}, so every step is in each post's history.
 * An action over a show is not one transaction: should it stop halfway (a concurrent edit), run it
 * again; every action skips what is already done.
 */
public final class LiveScheduling {

    /** What to do with a cue whose instant is already past when the show is scheduled. */
    public enum LateCues {
        /** Do not schedule it; report it as {@link LiveShowReport.Result#LATE}. The default. */
        SKIP,
        /** Schedule it now: it goes out at once, still in the thread's order. */
        PUBLISH_NOW
    }

    private final PostWorkflow workflow;
    private final Clock clock;

    private LiveScheduling(PostWorkflow workflow, Clock clock) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Live shows through this workflow; {@code clock} decides which cues are late. */
    public static LiveScheduling of(PostWorkflow workflow, Clock clock) {
        return new LiveScheduling(workflow, clock);
    }

    /** The key of a planned publication's post: the event's brand and the plan's key. */
    public static PostKey keyOf(LivePlan plan, PlannedPost planned) {
        return new PostKey(plan.event().brandId(), planned.key());
    }

    /** The post a planned publication becomes: id = the plan's key, campaign = the event's id, its one variant. */
    public static Post postOf(LivePlan plan, PlannedPost planned) {
        LiveEvent event = plan.event();
        return new Post(planned.key(), event.brandId(), Optional.empty(), Optional.of(event.id()),
                List.of(planned.variant()));
    }

    /**
     * How a planned publication is published: with the plan's key, replying (in a threaded show) to
     * the previous cues on its account, nearest first, under the show's rule for gaps.
     */
    public static PublicationOptions optionsOf(LivePlan plan, PlannedPost planned) {
        Optional<ReplyTarget> replyTo = Optional.empty();
        if (plan.threading().threads() && planned.repliesTo().isPresent()) {
            List<PlannedPost> thread = plan.on(planned.account());
            List<String> chain = new ArrayList<>();
            for (int i = thread.indexOf(planned) - 1; i >= 0; i--) {
                chain.add(thread.get(i).key());
            }
            ReplyTarget.GapRule rule = plan.threading() == Threading.THREAD_RESTARTING_AFTER_GAPS
                    ? ReplyTarget.GapRule.RESTART : ReplyTarget.GapRule.BRIDGE;
            replyTo = Optional.of(new ReplyTarget.Parent(chain, rule));
        }
        return new PublicationOptions(Optional.of(planned.key()), replyTo);
    }

    /**
     * Drafts a post for every planned publication that has none, brings the content of existing
     * ones to the plan's (an approved or scheduled one goes back to review), and submits every
     * draft: the whole show is then in review. Published, publishing and cancelled cues are left
     * as they are.
     */
    public LiveShowReport submit(LivePlan plan, String actor) {
        List<LiveShowReport.Entry> out = new ArrayList<>();
        for (PlannedPost planned : plan.posts()) {
            PostKey key = keyOf(plan, planned);
            Post post = postOf(plan, planned);
            Optional<ScheduledPost> stored = workflow.find(key);
            LiveShowReport.Result result;
            ScheduledPost now;
            if (stored.isEmpty()) {
                workflow.create(post, List.of(planned.account()), actor);
                now = workflow.submit(key, actor);
                result = LiveShowReport.Result.CREATED;
            } else {
                now = stored.get();
                result = LiveShowReport.Result.UNCHANGED;
                boolean open = switch (now.state()) {
                    case PUBLISHED, PUBLISHING, CANCELLED -> false;
                    default -> true;
                };
                if (open && !now.post().equals(post)) {
                    now = workflow.edit(key, post, actor);
                    result = LiveShowReport.Result.EDITED;
                }
                if (now.state() == PostState.DRAFT) {
                    now = workflow.submit(key, actor);
                    result = result == LiveShowReport.Result.EDITED ? result : LiveShowReport.Result.SUBMITTED;
                }
            }
            out.add(new LiveShowReport.Entry(planned, key, result, Optional.of(now.state()),
                    describe(planned) + " is " + now.state()));
        }
        return new LiveShowReport(out);
    }

    /**
     * Approves every cue in review.
     *
     * @throws IllegalStateException when a cue has no post or is still a draft (submit the show
     *                               first); nothing changes
     */
    public LiveShowReport approve(LivePlan plan, String actor) {
        requireAll(plan, "approve", PostState.IN_REVIEW, PostState.APPROVED, PostState.SCHEDULED, PostState.PUBLISHING,
                PostState.PUBLISHED, PostState.FAILED, PostState.CANCELLED);
        return forEachInReview(plan, (key, planned) -> workflow.approve(key, actor), LiveShowReport.Result.APPROVED);
    }

    /** Sends every cue in review back to draft with the reviewer's comment. */
    public LiveShowReport reject(LivePlan plan, String actor, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("rejecting the show " + plan.event().id()
                    + " needs a comment saying what to change");
        }
        return forEachInReview(plan, (key, planned) -> workflow.reject(key, actor, comment),
                LiveShowReport.Result.REJECTED);
    }

    /** {@link #schedule(LivePlan, LateCues, String)} skipping late cues. */
    public LiveShowReport schedule(LivePlan plan, String actor) {
        return schedule(plan, LateCues.SKIP, actor);
    }

    /**
     * Schedules every cue of an approved show at its instant; run again with the plan of a moved
     * show ({@code show.withStart(...).plan(clock)}) to move it. Cue by cue, in the plan's order:
     * <ul>
     *   <li>published or being published: stays as it is;</li>
     *   <li>cancelled: skipped;</li>
     *   <li>its instant is past on the clock: with {@link LateCues#SKIP} not scheduled and reported
     *   {@link LiveShowReport.Result#LATE} (one scheduled for an earlier start is cancelled, so it
     *   cannot go out after the cues that follow it); with {@link LateCues#PUBLISH_NOW} scheduled
     *   now;</li>
     *   <li>otherwise scheduled (approved or failed before) or moved (scheduled at another instant)
     *   to its instant, with its publication options ({@link #optionsOf}).</li>
     * </ul>
     *
     * @throws IllegalStateException when a cue has no post or is not approved (draft or in review);
     *                               nothing changes
     */
    public LiveShowReport schedule(LivePlan plan, LateCues late, String actor) {
        Objects.requireNonNull(late, "late");
        requireAll(plan, "schedule", PostState.APPROVED, PostState.SCHEDULED, PostState.PUBLISHING,
                PostState.PUBLISHED, PostState.FAILED, PostState.CANCELLED);
        List<LiveShowReport.Entry> out = new ArrayList<>();
        for (PlannedPost planned : plan.posts()) {
            out.add(scheduleOne(plan, planned, late, actor));
        }
        return new LiveShowReport(out);
    }

    private LiveShowReport.Entry scheduleOne(LivePlan plan, PlannedPost planned, LateCues late, String actor) {
        PostKey key = keyOf(plan, planned);
        ScheduledPost current = workflow.find(key).orElseThrow();
        String who = describe(planned);
        switch (current.state()) {
            case PUBLISHED -> {
                return entry(planned, key, LiveShowReport.Result.ALREADY_PUBLISHED, current,
                        who + " is already published; it stays");
            }
            case PUBLISHING -> {
                return entry(planned, key, LiveShowReport.Result.IN_FLIGHT, current,
                        who + " is being published; it stays");
            }
            case CANCELLED -> {
                return entry(planned, key, LiveShowReport.Result.CANCELLED, current, who + " was cancelled; skipped");
            }
            default -> {
                // APPROVED, SCHEDULED, FAILED
            }
        }
        Instant now = clock.instant();
        Instant at = planned.at();
        if (at.isBefore(now)) {
            String ago = "was due at " + at + ", " + human(Duration.between(at, now)) + " ago";
            if (late == LateCues.SKIP) {
                if (current.state() == PostState.SCHEDULED) {
                    try {
                        ScheduledPost cancelled = workflow.cancel(key, actor, "late: the show moved and it " + ago);
                        return entry(planned, key, LiveShowReport.Result.LATE, cancelled,
                                who + " " + ago + "; it was scheduled for " + current.scheduledAt().map(Instant::toString)
                                        .orElse("?") + " and is cancelled so it cannot go out out of turn");
                    } catch (ConcurrentEditException e) {
                        return entry(planned, key, LiveShowReport.Result.IN_FLIGHT, workflow.find(key).orElseThrow(),
                                who + " is being published; it stays");
                    }
                }
                return entry(planned, key, LiveShowReport.Result.LATE, current, who + " " + ago + "; not scheduled");
            }
            at = now;
        }
        PublicationOptions options = optionsOf(plan, planned);
        Map<String, PublicationOptions> wanted = Map.of(planned.account().key(), options);
        if (current.state() == PostState.SCHEDULED && current.scheduledAt().equals(Optional.of(at))
                && current.options().equals(wanted)) {
            return entry(planned, key, LiveShowReport.Result.UNCHANGED, current, who + " is scheduled at " + at);
        }
        try {
            ScheduledPost next = workflow.schedule(key, at, wanted, actor);
            boolean moved = current.state() == PostState.SCHEDULED;
            return entry(planned, key, moved ? LiveShowReport.Result.RESCHEDULED : LiveShowReport.Result.SCHEDULED, next,
                    who + (moved ? " moved from " + current.scheduledAt().map(Instant::toString).orElse("?") + " to "
                            : " scheduled at ") + at);
        } catch (ConcurrentEditException e) {
            ScheduledPost again = workflow.find(key).orElseThrow();
            if (again.state() == PostState.PUBLISHING || again.state() == PostState.PUBLISHED) {
                return entry(planned, key, again.state() == PostState.PUBLISHED
                        ? LiveShowReport.Result.ALREADY_PUBLISHED : LiveShowReport.Result.IN_FLIGHT, again,
                        who + " went out meanwhile; it stays");
            }
            throw e;
        }
    }

    /** The platform references of the plan's publications published so far, by plan key (for a {@code QuestionCollector}). */
    public Map<String, PostRef> published(LivePlan plan) {
        Map<String, PostRef> out = new LinkedHashMap<>();
        for (PlannedPost planned : plan.posts()) {
            for (Publication p : workflow.publications(keyOf(plan, planned))) {
                if (p.idempotencyKey().equals(planned.key()) && p.published().isPresent()) {
                    out.put(planned.key(), p.published().get().ref());
                }
            }
        }
        return out;
    }

    private interface Action {
        ScheduledPost apply(PostKey key, PlannedPost planned);
    }

    private LiveShowReport forEachInReview(LivePlan plan, Action action, LiveShowReport.Result result) {
        List<LiveShowReport.Entry> out = new ArrayList<>();
        for (PlannedPost planned : plan.posts()) {
            PostKey key = keyOf(plan, planned);
            Optional<ScheduledPost> stored = workflow.find(key);
            if (stored.isPresent() && stored.get().state() == PostState.IN_REVIEW) {
                ScheduledPost next = action.apply(key, planned);
                out.add(entry(planned, key, result, next, describe(planned) + " is " + next.state()));
            } else {
                out.add(new LiveShowReport.Entry(planned, key, LiveShowReport.Result.UNCHANGED,
                        stored.map(ScheduledPost::state), describe(planned) + stored.map(s -> " is " + s.state())
                        .orElse(" has no post")));
            }
        }
        return new LiveShowReport(out);
    }

    private void requireAll(LivePlan plan, String action, PostState... allowed) {
        List<PostState> ok = List.of(allowed);
        List<String> problems = new ArrayList<>();
        for (PlannedPost planned : plan.posts()) {
            Optional<ScheduledPost> stored = workflow.find(keyOf(plan, planned));
            if (stored.isEmpty()) {
                problems.add(describe(planned) + " has no post (submit the show first)");
            } else if (!ok.contains(stored.get().state())) {
                problems.add(describe(planned) + " is " + stored.get().state());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cannot " + action + " the show " + plan.event().id()
                    + ": it is reviewed as a unit, and " + problems.size()
                    + (problems.size() == 1 ? " cue is not ready: " : " cues are not ready: ")
                    + String.join("; ", problems) + ". Nothing was changed");
        }
    }

    private static LiveShowReport.Entry entry(PlannedPost planned, PostKey key, LiveShowReport.Result result,
                                              ScheduledPost post, String detail) {
        return new LiveShowReport.Entry(planned, key, result, Optional.of(post.state()), detail);
    }

    static String describe(PlannedPost p) {
        return "cues[" + p.cueIndex() + "]" + p.label().map(l -> " \"" + l + "\"").orElse("") + " (" + p.offset()
                + ") on " + p.account().key();
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        long m = s / 60;
        return m < 120 ? m + " min" : (m / 60) + " h " + (m % 60) + " min";
    }

    @Override
    public String toString() {
        return "LiveScheduling[" + workflow.getClass().getSimpleName() + "]";
    }
}
