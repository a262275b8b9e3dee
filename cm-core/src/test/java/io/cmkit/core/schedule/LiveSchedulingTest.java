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
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.Publishing.Idempotency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Scheduling a live show")
class LiveSchedulingTest {

    private final MutableClock clock = new MutableClock(START.minus(Duration.ofDays(1)));
    private final ScheduleStore store = ScheduleStore.inMemory();
    private final FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NONE, clock);
    private final FakePlatform bluesky = new FakePlatform(BLUESKY, Idempotency.NONE, clock);
    private final ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
    private final PostWorkflow workflow = PostWorkflow.of(store, connectors, clock);
    private final LiveScheduling live = LiveScheduling.of(workflow, clock);
    private final RunOfShow show = LiveShows.fourCues("spring-launch", Threading.THREAD_BRIDGING_GAPS, MASTODON,
            BLUESKY);

    private Scheduler scheduler() {
        return Scheduler.of("node-1", store, connectors, SchedulerConfig.custom().randomSeed(1).build(), clock);
    }

    @Test
    @DisplayName("each planned publication becomes a post keyed by the plan, published with the plan's key and its parent chain")
    void postsAndPublications() {
        LivePlan plan = show.plan(clock);
        LiveShows.approveAndSchedule(live, plan);
        PlannedPost qa = plan.on(MASTODON).get(3);

        ScheduledPost post = store.find(new io.cmkit.core.schedule.PostKey(Samples.BRAND, qa.key())).orElseThrow();
        assertThat(post.post().campaign()).contains("spring-launch");
        assertThat(post.accounts()).containsExactly(MASTODON);
        assertThat(post.state()).isEqualTo(PostState.SCHEDULED);
        assertThat(post.scheduledAt()).contains(qa.at());
        Publication publication = store.publications(post.key()).get(0);
        assertThat(publication.idempotencyKey()).isEqualTo("live:spring-launch:T+45m:mastodon:cafe_lumiere@mastodon.social");
        assertThat(publication.dueAt()).isEqualTo(qa.at());
        assertThat(publication.replyTo()).contains(new ReplyTarget.Parent(List.of(
                "live:spring-launch:T+10m:mastodon:cafe_lumiere@mastodon.social",
                "live:spring-launch:T+0:mastodon:cafe_lumiere@mastodon.social",
                "live:spring-launch:T-1h:mastodon:cafe_lumiere@mastodon.social"), ReplyTarget.GapRule.BRIDGE));
        assertThat(store.publications(LiveScheduling.keyOf(plan, plan.on(MASTODON).get(0))).get(0).replyTo()).isEmpty();
        assertThat(LiveScheduling.optionsOf(show.withThreading(Threading.THREAD_RESTARTING_AFTER_GAPS).plan(clock), qa)
                .replyTo().map(r -> ((ReplyTarget.Parent) r).onGap())).contains(ReplyTarget.GapRule.RESTART);
        assertThat(LiveScheduling.optionsOf(show.withThreading(Threading.NONE).plan(clock), qa).replyTo()).isEmpty();
        assertThat(post.history()).extracting(Transition::action).containsExactly(PostAction.CREATE, PostAction.SUBMIT,
                PostAction.APPROVE, PostAction.SCHEDULE);
    }

    @Nested
    @DisplayName("review as a unit")
    class Review {

        @Test
        @DisplayName("a show not submitted cannot be scheduled, and nothing changes")
        void notSubmitted() {
            LivePlan plan = show.plan(clock);

            assertThatThrownBy(() -> live.schedule(plan, "lea")).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot schedule the show spring-launch: it is reviewed as a unit, and 8 cues are not ready: ")
                    .hasMessageContaining("cues[0] \"teaser\" (T-1h) on mastodon:cafe_lumiere@mastodon.social has no post")
                    .hasMessageEndingWith("Nothing was changed");
            assertThat(store.nextClaimableAt()).isEmpty();
        }

        @Test
        @DisplayName("a show with one cue still in review is not scheduled at all, and nothing changes")
        void oneCueInReview() {
            LivePlan plan = show.plan(clock);
            live.submit(plan, "camille");
            live.approve(plan, "lea");
            PlannedPost tasting = plan.on(BLUESKY).get(2);
            PostKey key = LiveScheduling.keyOf(plan, tasting);
            workflow.edit(key, new Post(tasting.key(), Samples.BRAND, Optional.empty(), Optional.of("spring-launch"),
                    List.of(PostVariant.text(BLUESKY.platform(), "Première dégustation 🌿"))), "camille");

            assertThatThrownBy(() -> live.schedule(plan, "lea")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("1 cue is not ready: cues[2] \"tasting\" (T+10m) on bluesky:cafelumiere.bsky.social is IN_REVIEW");
            assertThat(store.findByState(PostState.SCHEDULED)).isEmpty();
            assertThat(store.nextClaimableAt()).isEmpty();
        }

        @Test
        @DisplayName("submitting the plan again brings edited content back to the plan's and back to review")
        void resubmitBringsContentBack() {
            LivePlan plan = show.plan(clock);
            LiveShows.approveAndSchedule(live, plan);
            RunOfShow reworded = new RunOfShow(show.event(), List.of(show.cues().get(0), show.cues().get(1),
                    LiveShows.cue("T+10m", "Première dégustation, en direct du comptoir", MASTODON, BLUESKY)
                            .labelled("tasting"), show.cues().get(3)), show.threading());
            LivePlan next = reworded.plan(clock);

            LiveShowReport submitted = live.submit(next, "camille");

            assertThat(submitted.with(LiveShowReport.Result.EDITED)).extracting(e -> e.post().cueIndex())
                    .containsExactly(2, 2);
            assertThat(submitted.with(LiveShowReport.Result.UNCHANGED)).hasSize(6);
            assertThatThrownBy(() -> live.schedule(next, "lea")).isInstanceOf(IllegalStateException.class);
            live.approve(next, "lea");
            assertThat(live.schedule(next, "lea").with(LiveShowReport.Result.SCHEDULED)).hasSize(2);
        }

        @Test
        @DisplayName("rejecting the show sends every cue in review back to draft with the comment")
        void reject() {
            LivePlan plan = show.plan(clock);
            live.submit(plan, "camille");

            LiveShowReport report = live.reject(plan, "lea", "le teaser est trop long");

            assertThat(report.entries()).allSatisfy(e -> assertThat(e.state()).contains(PostState.DRAFT));
            assertThatThrownBy(() -> live.approve(plan, "lea")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is DRAFT");
            assertThatThrownBy(() -> live.reject(plan, "lea", " ")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("late cues")
    class LateCues {

        @Test
        @DisplayName("a cue already past is not scheduled and is reported; the next cue treats it as a gap")
        void skipped() {
            clock.set(START.minus(Duration.ofMinutes(30)));
            LivePlan plan = show.plan(clock);
            live.submit(plan, "camille");
            live.approve(plan, "lea");

            LiveShowReport report = live.schedule(plan, "lea");

            assertThat(report.late()).hasSize(2).allSatisfy(e -> {
                assertThat(e.post().label()).contains("teaser");
                assertThat(e.state()).contains(PostState.APPROVED);
                assertThat(e.detail()).contains("was due at 2026-03-02T17:00:00Z, 30 min ago; not scheduled");
            });
            assertThat(report.with(LiveShowReport.Result.SCHEDULED)).hasSize(6);
            assertThat(store.publication(plan.on(MASTODON).get(0).key())).isEmpty();

            clock.set(START.plus(Duration.ofHours(1)));
            scheduler().dispatchDue();

            assertThat(mastodon.calls()).extracting(PublishRequest::idempotencyKey)
                    .containsExactly(plan.on(MASTODON).get(1).key(), plan.on(MASTODON).get(2).key(),
                            plan.on(MASTODON).get(3).key());
            assertThat(mastodon.calls().get(0).replyTo()).isEmpty();
            assertThat(mastodon.calls().get(1).replyTo()).contains(mastodon.postFor(plan.on(MASTODON).get(1).key())
                    .orElseThrow().ref());
        }

        @Test
        @DisplayName("asked to, a cue already past goes out at once, first in its thread")
        void publishedNow() {
            clock.set(START.minus(Duration.ofMinutes(30)));
            LivePlan plan = show.plan(clock);
            live.submit(plan, "camille");
            live.approve(plan, "lea");

            LiveShowReport report = live.schedule(plan, LiveScheduling.LateCues.PUBLISH_NOW, "lea");

            assertThat(report.late()).isEmpty();
            assertThat(store.publication(plan.on(MASTODON).get(0).key()).orElseThrow().dueAt()).isEqualTo(clock.instant());
            clock.set(START);
            scheduler().dispatchDue();
            assertThat(mastodon.calls()).hasSize(2);
            assertThat(mastodon.calls().get(1).replyTo()).contains(mastodon.postFor(plan.on(MASTODON).get(0).key())
                    .orElseThrow().ref());
        }
    }

    @Nested
    @DisplayName("moving the start")
    class MovingTheStart {

        @Test
        @DisplayName("reschedules only the cues not yet published; published ones stay, and nothing is published twice")
        void onlyUnpublishedMove() {
            LivePlan plan = show.plan(clock);
            LiveShows.approveAndSchedule(live, plan);
            Scheduler scheduler = scheduler();
            clock.set(START);
            scheduler.dispatchDue(); // teaser and opening are out
            Map<PostKey, Long> versions = new java.util.HashMap<>();
            plan.posts().forEach(p -> versions.put(LiveScheduling.keyOf(plan, p),
                    store.find(LiveScheduling.keyOf(plan, p)).orElseThrow().version()));
            Instant delayed = START.plus(Duration.ofMinutes(30));

            LivePlan moved = show.withStart(delayed).plan(clock);
            LiveShowReport report = live.schedule(moved, "lea");

            assertThat(report.entries()).extracting(e -> e.post().cueIndex() + " " + e.result()).containsExactly(
                    "0 ALREADY_PUBLISHED", "0 ALREADY_PUBLISHED", "1 ALREADY_PUBLISHED", "1 ALREADY_PUBLISHED",
                    "2 RESCHEDULED", "2 RESCHEDULED", "3 RESCHEDULED", "3 RESCHEDULED");
            for (PlannedPost p : moved.posts()) {
                PostKey key = LiveScheduling.keyOf(moved, p);
                if (p.cueIndex() < 2) {
                    assertThat(store.find(key).orElseThrow().version()).isEqualTo(versions.get(key));
                    assertThat(store.publication(p.key()).orElseThrow().status()).isEqualTo(PublicationStatus.PUBLISHED);
                } else {
                    assertThat(store.publication(p.key()).orElseThrow().dueAt()).isEqualTo(p.at());
                    assertThat(store.find(key).orElseThrow().scheduledAt()).contains(p.at());
                }
            }
            assertThat(moved.on(MASTODON).get(2).at()).isEqualTo(delayed.plus(Duration.ofMinutes(10)));

            clock.set(START.plus(Duration.ofMinutes(20)));
            scheduler.dispatchDue();
            assertThat(mastodon.calls()).hasSize(2);
            clock.set(delayed.plus(Duration.ofHours(1)));
            scheduler.dispatchDue();

            assertThat(mastodon.createdPerKey()).hasSize(4).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            assertThat(bluesky.createdPerKey()).hasSize(4).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            assertThat(mastodon.calls().get(2).replyTo()).contains(mastodon.postFor(plan.on(MASTODON).get(1).key())
                    .orElseThrow().ref());
            assertThat(live.schedule(moved, "lea").entries()).allSatisfy(e ->
                    assertThat(e.result()).isEqualTo(LiveShowReport.Result.ALREADY_PUBLISHED));
        }

        @Test
        @DisplayName("scheduling the same plan again changes nothing")
        void idempotent() {
            LivePlan plan = show.plan(clock);
            LiveShows.approveAndSchedule(live, plan);
            List<Publication> before = plan.posts().stream().map(p -> store.publication(p.key()).orElseThrow()).toList();

            LiveShowReport again = live.schedule(plan, "lea");

            assertThat(again.entries()).allSatisfy(e -> assertThat(e.result()).isEqualTo(LiveShowReport.Result.UNCHANGED));
            assertThat(plan.posts().stream().map(p -> store.publication(p.key()).orElseThrow()).toList())
                    .isEqualTo(before);
        }

        @Test
        @DisplayName("moved earlier, a scheduled cue whose new instant is past is cancelled and reported late")
        void movedEarlierMakesACueLate() {
            LivePlan plan = show.plan(clock);
            LiveShows.approveAndSchedule(live, plan);
            clock.set(START.minus(Duration.ofMinutes(50)));
            scheduler().dispatchDue(); // the teasers are out

            LivePlan earlier = show.withStart(START.minus(Duration.ofMinutes(55))).plan(clock);
            LiveShowReport report = live.schedule(earlier, "lea");

            assertThat(report.entries()).extracting(e -> e.post().cueIndex() + " " + e.result()).containsExactly(
                    "0 ALREADY_PUBLISHED", "0 ALREADY_PUBLISHED", "1 LATE", "1 LATE", "2 RESCHEDULED", "2 RESCHEDULED",
                    "3 RESCHEDULED", "3 RESCHEDULED");
            assertThat(report.late()).allSatisfy(e -> {
                assertThat(e.state()).contains(PostState.CANCELLED);
                assertThat(e.detail()).contains("5 min ago").contains("cancelled so it cannot go out out of turn");
            });
            clock.set(START);
            scheduler().dispatchDue();
            PlannedPost tasting = earlier.on(MASTODON).get(2);
            assertThat(mastodon.calls()).extracting(PublishRequest::idempotencyKey)
                    .contains(tasting.key()).doesNotContain(earlier.on(MASTODON).get(1).key());
            assertThat(mastodon.calls().stream().filter(r -> r.idempotencyKey().equals(tasting.key())).findFirst()
                    .orElseThrow().replyTo()).contains(mastodon.postFor(earlier.on(MASTODON).get(0).key()).orElseThrow()
                    .ref());
        }
    }
}
