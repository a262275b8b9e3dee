package io.cmkit.core.schedule;

import static io.cmkit.core.schedule.LiveShows.START;
import static io.cmkit.core.schedule.Samples.BLUESKY;
import static io.cmkit.core.schedule.Samples.MASTODON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.live.LivePlan;
import io.cmkit.core.live.PlannedPost;
import io.cmkit.core.live.RunOfShow;
import io.cmkit.core.live.Threading;
import io.cmkit.core.model.Platform;
import io.cmkit.core.schedule.event.PostPublished;
import io.cmkit.core.schedule.event.PublicationDeferred;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing.Idempotency;
import io.cmkit.core.spi.RejectedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Publishing a threaded live show through the scheduler")
class ThreadedShowSchedulingTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration PARENT_WAIT = Duration.ofSeconds(2);

    private final MutableClock clock = new MutableClock(START.minus(Duration.ofDays(1)));
    private final ScheduleStore store = ScheduleStore.inMemory();
    private final FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NATIVE, clock);
    private final FakePlatform bluesky = new FakePlatform(BLUESKY, Idempotency.LOOKUP, clock);
    private final ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
    private final LiveScheduling live = LiveShows.live(store, connectors, clock);
    private final List<PublicationDeferred> deferred = new ArrayList<>();
    private final List<PostPublished> published = new ArrayList<>();

    private Scheduler scheduler(String id) {
        Scheduler s = Scheduler.of(id, store, connectors, SchedulerConfig.custom().leaseDuration(LEASE)
                .parentWait(PARENT_WAIT).randomSeed(1).build(), clock);
        s.getEventPublisher().onDeferred(deferred::add).onPublished(published::add);
        return s;
    }

    private LivePlan scheduledShow(RunOfShow show) {
        LivePlan plan = show.plan(clock);
        LiveShowReport report = LiveShows.approveAndSchedule(live, plan);
        assertThat(report.entries()).allSatisfy(e -> assertThat(e.result()).isEqualTo(LiveShowReport.Result.SCHEDULED));
        return plan;
    }

    private Publication publication(PlannedPost p) {
        return store.publication(p.key()).orElseThrow();
    }

    private PostRef refOf(FakePlatform platform, PlannedPost p) {
        return platform.postFor(p.key()).orElseThrow().ref();
    }

    @Test
    @DisplayName("a threaded 4-cue show goes out in order, each cue replying to the post of the cue before on its account")
    void fourCuesInOrder() {
        LivePlan plan = scheduledShow(LiveShows.fourCues("spring-launch", Threading.THREAD_BRIDGING_GAPS, MASTODON,
                BLUESKY));
        Scheduler scheduler = scheduler("node-1");

        for (PlannedPost p : plan.posts()) {
            clock.set(p.at());
            scheduler.dispatchDue();
        }

        for (FakePlatform platform : List.of(mastodon, bluesky)) {
            List<PlannedPost> thread = plan.on(platform.account());
            List<PublishRequest> calls = platform.calls();
            assertThat(calls).extracting(PublishRequest::idempotencyKey)
                    .containsExactlyElementsOf(thread.stream().map(PlannedPost::key).toList());
            assertThat(calls.get(0).replyTo()).isEmpty();
            for (int i = 1; i < thread.size(); i++) {
                assertThat(calls.get(i).replyTo()).as("cue %d on %s", i, platform.account())
                        .contains(refOf(platform, thread.get(i - 1)));
            }
            assertThat(platform.createdPerKey()).hasSize(4).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        }
        assertThat(store.findByState(PostState.PUBLISHED)).hasSize(8);
        assertThat(deferred).isEmpty();
        PlannedPost tasting = plan.on(MASTODON).get(2);
        assertThat(published).filteredOn(e -> e.idempotencyKey().equals(tasting.key())).singleElement()
                .satisfies(e -> assertThat(e.inReplyTo()).contains(refOf(mastodon, plan.on(MASTODON).get(1))));
        assertThat(live.published(plan)).hasSize(8).containsEntry(tasting.key(), refOf(mastodon, tasting));
    }

    @Test
    @DisplayName("cues all due at once (a late start of the scheduler) still go out in order")
    void allDueAtOnce() {
        LivePlan plan = scheduledShow(LiveShows.fourCues("spring-launch", Threading.THREAD_BRIDGING_GAPS, MASTODON));
        clock.set(START.plus(Duration.ofHours(2)));

        scheduler("node-1").dispatchDue();

        List<PlannedPost> thread = plan.on(MASTODON);
        assertThat(mastodon.calls()).extracting(PublishRequest::idempotencyKey)
                .containsExactlyElementsOf(thread.stream().map(PlannedPost::key).toList());
        for (int i = 1; i < thread.size(); i++) {
            assertThat(mastodon.calls().get(i).replyTo()).contains(refOf(mastodon, thread.get(i - 1)));
        }
    }

    @Test
    @DisplayName("a reply whose parent is still being published waits, without using an attempt, then replies to it")
    void parentStillPublishing() {
        LivePlan plan = scheduledShow(LiveShows.fourCues("spring-launch", Threading.THREAD_BRIDGING_GAPS, MASTODON));
        PlannedPost teaser = plan.on(MASTODON).get(0);
        PlannedPost opening = plan.on(MASTODON).get(1);
        clock.set(opening.at());
        Publication held = store.claimDue("slow-node", clock.instant(), LEASE, 1).get(0);
        assertThat(held.idempotencyKey()).isEqualTo(teaser.key());
        Scheduler scheduler = scheduler("node-1");

        DispatchReport report = scheduler.runOnce();

        assertThat(report.claimed()).isEqualTo(1);
        assertThat(report.deferred()).isEqualTo(1);
        assertThat(mastodon.calls()).isEmpty();
        Publication waiting = publication(opening);
        assertThat(waiting.status()).isEqualTo(PublicationStatus.PENDING);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.dueAt()).isEqualTo(opening.at().plus(PARENT_WAIT));
        assertThat(waiting.lastError().orElseThrow()).contains(teaser.key()).contains("being published");
        assertThat(deferred).singleElement().satisfies(e -> {
            assertThat(e.cause()).isEqualTo(PublicationDeferred.Cause.WAITING_FOR_PARENT);
            assertThat(e.idempotencyKey()).isEqualTo(opening.key());
            assertThat(e.until()).isEqualTo(opening.at().plus(PARENT_WAIT));
            assertThat(e.reason()).isEqualTo("waits for the publication it replies to, " + teaser.key()
                    + ", which is being published, so that the thread keeps its order");
        });
        assertThat(store.find(LiveScheduling.keyOf(plan, opening)).orElseThrow().state()).isEqualTo(PostState.PUBLISHING);

        PostRef teaserRef = PostRef.of(Platform.MASTODON, "110245");
        store.complete(teaser.key(), held.lease().orElseThrow().token(),
                new Outcome.Published(new PublishedPost(teaserRef, clock.instant(), teaser.key())), clock.instant());
        clock.advance(PARENT_WAIT);
        scheduler.runOnce();

        assertThat(mastodon.calls()).singleElement().satisfies(r -> {
            assertThat(r.idempotencyKey()).isEqualTo(opening.key());
            assertThat(r.replyTo()).contains(teaserRef);
        });
        assertThat(publication(opening).status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(publication(opening).attempts()).isZero();
    }

    @Test
    @DisplayName("a reply whose parent is pending until later (a rate limit) waits until then")
    void parentPendingUntilLater() {
        LivePlan plan = scheduledShow(LiveShows.fourCues("spring-launch", Threading.THREAD_BRIDGING_GAPS, MASTODON));
        PlannedPost teaser = plan.on(MASTODON).get(0);
        PlannedPost opening = plan.on(MASTODON).get(1);
        Instant reset = opening.at().plus(Duration.ofMinutes(3));
        mastodon.failNext(new io.cmkit.core.spi.RateLimitedException(Platform.MASTODON, reset, Optional.of("Too many requests")));
        Scheduler scheduler = scheduler("node-1");
        clock.set(teaser.at());
        scheduler.runOnce();
        clock.set(opening.at());

        scheduler.runOnce();

        assertThat(publication(opening).dueAt()).isEqualTo(reset);
        assertThat(publication(opening).attempts()).isZero();
        assertThat(deferred).extracting(PublicationDeferred::cause).containsExactly(
                PublicationDeferred.Cause.RATE_LIMITED, PublicationDeferred.Cause.WAITING_FOR_PARENT);
        clock.set(reset);
        scheduler.dispatchDue();
        assertThat(mastodon.calls()).extracting(PublishRequest::idempotencyKey).containsExactly(
                teaser.key(), teaser.key(), opening.key());
        assertThat(mastodon.calls().get(2).replyTo()).contains(refOf(mastodon, teaser));
    }

    @Nested
    @DisplayName("when a cue fails for good")
    class FailedParent {

        /** Publishes the Mastodon thread cue by cue, the second cue rejected by the platform. */
        private LivePlan runWithSecondCueRejected(Threading threading) {
            LivePlan plan = scheduledShow(LiveShows.fourCues("spring-launch", threading, MASTODON));
            Scheduler scheduler = scheduler("node-1");
            List<PlannedPost> thread = plan.on(MASTODON);
            for (int i = 0; i < thread.size(); i++) {
                if (i == 1) {
                    mastodon.failNext(new RejectedException(Platform.MASTODON, "Validation failed", Optional.of("422")));
                }
                clock.set(thread.get(i).at());
                scheduler.dispatchDue();
            }
            assertThat(publication(thread.get(1)).status()).isEqualTo(PublicationStatus.FAILED);
            return plan;
        }

        @Test
        @DisplayName("bridging gaps, the next cue replies to the last cue published before it")
        void bridging() {
            LivePlan plan = runWithSecondCueRejected(Threading.THREAD_BRIDGING_GAPS);
            List<PlannedPost> thread = plan.on(MASTODON);
            Map<String, PublishRequest> byKey = new java.util.HashMap<>();
            mastodon.calls().forEach(r -> byKey.put(r.idempotencyKey(), r));

            assertThat(byKey.get(thread.get(2).key()).replyTo()).contains(refOf(mastodon, thread.get(0)));
            assertThat(byKey.get(thread.get(3).key()).replyTo()).contains(refOf(mastodon, thread.get(2)));
            assertThat(mastodon.createdPerKey()).containsOnlyKeys(thread.get(0).key(), thread.get(2).key(),
                    thread.get(3).key());
            assertThat(deferred).isEmpty();
        }

        @Test
        @DisplayName("restarting after gaps, the next cue goes out stand-alone and the one after replies to it")
        void restarting() {
            LivePlan plan = runWithSecondCueRejected(Threading.THREAD_RESTARTING_AFTER_GAPS);
            List<PlannedPost> thread = plan.on(MASTODON);
            Map<String, PublishRequest> byKey = new java.util.HashMap<>();
            mastodon.calls().forEach(r -> byKey.put(r.idempotencyKey(), r));

            assertThat(byKey.get(thread.get(2).key()).replyTo()).isEmpty();
            assertThat(byKey.get(thread.get(3).key()).replyTo()).contains(refOf(mastodon, thread.get(2)));
        }

        @Test
        @DisplayName("bridging over a cancelled cue and a failed one, it replies to the first cue")
        void bridgingOverSeveral() {
            LivePlan plan = scheduledShow(LiveShows.fourCues("spring-launch", Threading.THREAD_BRIDGING_GAPS, MASTODON));
            List<PlannedPost> thread = plan.on(MASTODON);
            PostWorkflow workflow = PostWorkflow.of(store, connectors, clock);
            workflow.cancel(LiveScheduling.keyOf(plan, thread.get(1)), "lea", "the opening moved to the stage feed");
            Scheduler scheduler = scheduler("node-1");
            clock.set(thread.get(0).at());
            scheduler.dispatchDue();
            mastodon.failNext(new RejectedException(Platform.MASTODON, "Validation failed", Optional.empty()));
            clock.set(thread.get(2).at());
            scheduler.dispatchDue();
            clock.set(thread.get(3).at());
            scheduler.dispatchDue();

            assertThat(mastodon.calls().get(mastodon.calls().size() - 1)).satisfies(r -> {
                assertThat(r.idempotencyKey()).isEqualTo(thread.get(3).key());
                assertThat(r.replyTo()).contains(refOf(mastodon, thread.get(0)));
            });
        }
    }

    @Test
    @DisplayName("a publication may reply to a post already on the platform")
    void replyToExistingPost() {
        PostWorkflow workflow = PostWorkflow.of(store, connectors, clock);
        PostRef announcement = PostRef.of(Platform.MASTODON, "109999");
        workflow.create(Samples.mastodonOnly("follow-up", "Les inscriptions sont ouvertes"), List.of(MASTODON), "camille");
        workflow.submit(Samples.key("follow-up"), "camille");
        workflow.approve(Samples.key("follow-up"), "lea");
        workflow.schedule(Samples.key("follow-up"), START, Map.of(MASTODON.key(),
                new PublicationOptions(Optional.empty(), Optional.of(ReplyTarget.post(announcement)))), "lea");
        clock.set(START);

        scheduler("node-1").runOnce();

        assertThat(mastodon.calls()).singleElement().satisfies(r -> assertThat(r.replyTo()).contains(announcement));
        assertThatThrownBy(() -> workflow.schedule(Samples.key("follow-up"), START, Map.of(MASTODON.key(),
                new PublicationOptions(Optional.empty(), Optional.of(ReplyTarget.post(PostRef.of(Platform.BLUESKY,
                        "at://x"))))), "lea")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("post cafe-lumiere/follow-up cannot reply on Mastodon (" + MASTODON
                        + ") to a post on Bluesky (at://x)");
        assertThat(workflow.find(Samples.key("follow-up")).orElseThrow().optionsFor(MASTODON).replyTo())
                .contains(ReplyTarget.post(announcement));
    }

    @Test
    @DisplayName("a reschedule after FAILED keeps the publication's parent")
    void rescheduleKeepsParent() {
        LivePlan plan = scheduledShow(LiveShows.fourCues("spring-launch", Threading.THREAD_BRIDGING_GAPS, MASTODON));
        PlannedPost opening = plan.on(MASTODON).get(1);
        Scheduler scheduler = scheduler("node-1");
        clock.set(plan.on(MASTODON).get(0).at());
        scheduler.dispatchDue();
        mastodon.failNext(new RejectedException(Platform.MASTODON, "Service paused", Optional.empty()));
        clock.set(opening.at());
        scheduler.dispatchDue();
        PostWorkflow workflow = PostWorkflow.of(store, connectors, clock);

        workflow.schedule(LiveScheduling.keyOf(plan, opening), opening.at().plusSeconds(30), "lea");

        assertThat(publication(opening).replyTo()).isEqualTo(Optional.of(LiveScheduling.optionsOf(plan, opening)
                .replyTo().orElseThrow()));
        clock.set(opening.at().plusSeconds(30));
        scheduler.dispatchDue();
        assertThat(mastodon.calls().get(mastodon.calls().size() - 1).replyTo())
                .contains(refOf(mastodon, plan.on(MASTODON).get(0)));
    }
}
