package io.cmkit.core.schedule;

import static io.cmkit.core.schedule.Samples.BLUESKY;
import static io.cmkit.core.schedule.Samples.BRAND;
import static io.cmkit.core.schedule.Samples.MASTODON;
import static io.cmkit.core.schedule.Samples.T0;
import static io.cmkit.core.schedule.Samples.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.LimitViolation;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.Publishing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The approval workflow")
class PostWorkflowTest {

    private final MutableClock clock = new MutableClock(T0);
    private final ScheduleStore store = ScheduleStore.inMemory();
    private final FakePlatform mastodon = new FakePlatform(MASTODON, Publishing.Idempotency.NATIVE, clock);
    private final FakePlatform bluesky = new FakePlatform(BLUESKY, Publishing.Idempotency.LOOKUP, clock);
    private final ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
    private final PostWorkflow workflow = PostWorkflow.of(store, connectors, clock);
    private final Scheduler scheduler = Scheduler.of("instance-a", store, connectors,
            SchedulerConfig.custom().randomSeed(7).build(), clock);

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

    private ScheduledPost created(String id) {
        return workflow.create(Samples.post(id), List.of(MASTODON, BLUESKY), "camille");
    }

    private ScheduledPost approved(String id) {
        created(id);
        workflow.submit(key(id), "camille");
        return workflow.approve(key(id), "lea");
    }

    private ScheduledPost stored(String id) {
        return store.find(key(id)).orElseThrow();
    }

    @Test
    @DisplayName("a post goes from draft to published, and its history says who did each step and when")
    void fullLifecycle() {
        created("p1");
        clock.advance(Duration.ofMinutes(1));
        workflow.submit(key("p1"), "camille");
        clock.advance(Duration.ofMinutes(1));
        workflow.approve(key("p1"), "lea");
        clock.advance(Duration.ofMinutes(1));
        workflow.schedule(key("p1"), NINE, "lea");
        clock.set(NINE);
        scheduler.runOnce();

        ScheduledPost post = stored("p1");
        assertThat(post.state()).isEqualTo(PostState.PUBLISHED);
        assertThat(post.scheduledAt()).contains(NINE);
        assertThat(post.history()).extracting(Transition::action, t -> t.from().orElse(null), Transition::to,
                Transition::actor, Transition::at).containsExactly(
                tuple(PostAction.CREATE, null, PostState.DRAFT, "camille", T0),
                tuple(PostAction.SUBMIT, PostState.DRAFT, PostState.IN_REVIEW, "camille", T0.plusSeconds(60)),
                tuple(PostAction.APPROVE, PostState.IN_REVIEW, PostState.APPROVED, "lea", T0.plusSeconds(120)),
                tuple(PostAction.SCHEDULE, PostState.APPROVED, PostState.SCHEDULED, "lea", T0.plusSeconds(180)),
                tuple(PostAction.DISPATCH, PostState.SCHEDULED, PostState.PUBLISHING, "instance-a", NINE),
                tuple(PostAction.COMPLETE, PostState.PUBLISHING, PostState.PUBLISHED, "instance-a", NINE));
        assertThat(workflow.publications(key("p1"))).extracting(Publication::status)
                .containsOnly(PublicationStatus.PUBLISHED);
    }

    @Nested
    @DisplayName("review")
    class Review {

        @Test
        @DisplayName("a rejection sends the post back to draft with the reviewer's comment")
        void rejectionWithComment() {
            created("p1");
            workflow.submit(key("p1"), "camille");
            clock.advance(Duration.ofMinutes(5));

            ScheduledPost post = workflow.reject(key("p1"), "lea", "Trop long pour Bluesky, raccourcis");

            assertThat(post.state()).isEqualTo(PostState.DRAFT);
            Transition last = post.lastTransition().orElseThrow();
            assertThat(last.action()).isEqualTo(PostAction.REJECT);
            assertThat(last.actor()).isEqualTo("lea");
            assertThat(last.at()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(last.comment()).contains("Trop long pour Bluesky, raccourcis");
        }

        @Test
        @DisplayName("a rejection without a comment is refused and changes nothing")
        void rejectionNeedsComment() {
            created("p1");
            ScheduledPost inReview = workflow.submit(key("p1"), "camille");

            assertThatThrownBy(() -> workflow.reject(key("p1"), "lea", "  "))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a comment");
            assertThat(stored("p1")).isEqualTo(inReview);
        }

        @Test
        @DisplayName("editing an approved post sends it back to review")
        void editAfterApproval() {
            approved("p1");

            ScheduledPost post = workflow.edit(key("p1"), Samples.post("p1").withVariant(
                    PostVariant.text(Platform.BLUESKY, "Latte du lundi, version courte")), "camille");

            assertThat(post.state()).isEqualTo(PostState.IN_REVIEW);
            assertThat(post.post().variantFor(Platform.BLUESKY).orElseThrow().text())
                    .isEqualTo("Latte du lundi, version courte");
            assertThat(post.lastTransition().orElseThrow()).satisfies(t -> {
                assertThat(t.action()).isEqualTo(PostAction.EDIT);
                assertThat(t.actor()).isEqualTo("camille");
                assertThat(t.comment().orElseThrow()).contains("back to review");
            });
        }

        @Test
        @DisplayName("editing a scheduled post sends it back to review and withdraws its publications")
        void editAfterScheduling() {
            approved("p1");
            workflow.schedule(key("p1"), NINE, "lea");
            assertThat(workflow.publications(key("p1"))).hasSize(2);

            ScheduledPost post = workflow.edit(key("p1"), Samples.post("p1"), "camille");

            assertThat(post.state()).isEqualTo(PostState.IN_REVIEW);
            assertThat(post.scheduledAt()).isEmpty();
            assertThat(workflow.publications(key("p1"))).isEmpty();
            clock.set(NINE);
            assertThat(scheduler.runOnce().claimed()).isZero();
            assertThat(mastodon.postsCreated() + bluesky.postsCreated()).isZero();
        }

        @Test
        @DisplayName("editing a draft keeps it a draft and records the edit")
        void editDraft() {
            created("p1");

            ScheduledPost post = workflow.edit(key("p1"), Samples.post("p1"), "camille");

            assertThat(post.state()).isEqualTo(PostState.DRAFT);
            assertThat(post.history()).extracting(Transition::action).containsExactly(PostAction.CREATE, PostAction.EDIT);
        }

        @Test
        @DisplayName("a cancelled scheduled post is never published")
        void cancelScheduled() {
            approved("p1");
            workflow.schedule(key("p1"), NINE, "lea");

            ScheduledPost post = workflow.cancel(key("p1"), "lea", "the event is postponed");

            assertThat(post.state()).isEqualTo(PostState.CANCELLED);
            assertThat(post.lastTransition().orElseThrow().comment()).contains("the event is postponed");
            clock.set(NINE);
            scheduler.runOnce();
            assertThat(mastodon.postsCreated() + bluesky.postsCreated()).isZero();
        }
    }

    @Nested
    @DisplayName("bad input gives a clear error and changes nothing")
    class BadInput {

        static Stream<Arguments> illegalTransitions() {
            return Stream.of(
                    Arguments.of("approve a draft", PostState.DRAFT, (Consumer<PostWorkflowTest>) t ->
                            t.workflow.approve(key("p1"), "lea"), PostAction.APPROVE),
                    Arguments.of("schedule a draft", PostState.DRAFT, (Consumer<PostWorkflowTest>) t ->
                            t.workflow.schedule(key("p1"), NINE, "lea"), PostAction.SCHEDULE),
                    Arguments.of("schedule a post in review", PostState.IN_REVIEW, (Consumer<PostWorkflowTest>) t ->
                            t.workflow.schedule(key("p1"), NINE, "lea"), PostAction.SCHEDULE),
                    Arguments.of("submit an approved post", PostState.APPROVED, (Consumer<PostWorkflowTest>) t ->
                            t.workflow.submit(key("p1"), "camille"), PostAction.SUBMIT),
                    Arguments.of("reject an approved post", PostState.APPROVED, (Consumer<PostWorkflowTest>) t ->
                            t.workflow.reject(key("p1"), "lea", "no"), PostAction.REJECT),
                    Arguments.of("approve a scheduled post", PostState.SCHEDULED, (Consumer<PostWorkflowTest>) t ->
                            t.workflow.approve(key("p1"), "lea"), PostAction.APPROVE),
                    Arguments.of("edit a published post", PostState.PUBLISHED, (Consumer<PostWorkflowTest>) t ->
                            t.workflow.edit(key("p1"), Samples.post("p1"), "camille"), PostAction.EDIT),
                    Arguments.of("cancel a published post", PostState.PUBLISHED, (Consumer<PostWorkflowTest>) t ->
                            t.workflow.cancel(key("p1"), "lea", "too late"), PostAction.CANCEL),
                    Arguments.of("schedule a published post", PostState.PUBLISHED, (Consumer<PostWorkflowTest>) t ->
                            t.workflow.schedule(key("p1"), NINE.plusSeconds(3600), "lea"), PostAction.SCHEDULE),
                    Arguments.of("submit a cancelled post", PostState.CANCELLED, (Consumer<PostWorkflowTest>) t ->
                            t.workflow.submit(key("p1"), "camille"), PostAction.SUBMIT),
                    Arguments.of("approve a cancelled post", PostState.CANCELLED, (Consumer<PostWorkflowTest>) t ->
                            t.workflow.approve(key("p1"), "lea"), PostAction.APPROVE));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("illegalTransitions")
        @DisplayName("an illegal transition throws, naming the post, its state and the action")
        void illegalTransition(String name, PostState state, Consumer<PostWorkflowTest> action, PostAction attempted) {
            bringTo(state);
            ScheduledPost before = stored("p1");
            List<Publication> publicationsBefore = workflow.publications(key("p1"));

            assertThatThrownBy(() -> action.accept(PostWorkflowTest.this))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.post()).isEqualTo(key("p1"));
                        assertThat(e.current()).isEqualTo(state);
                        assertThat(e.attempted()).isEqualTo(attempted);
                        assertThat(e.getMessage()).contains(BRAND + "/p1").contains(state.name())
                                .contains(attempted.name().toLowerCase(java.util.Locale.ROOT));
                    });
            assertThat(stored("p1")).isEqualTo(before);
            assertThat(workflow.publications(key("p1"))).isEqualTo(publicationsBefore);
        }

        private void bringTo(PostState state) {
            created("p1");
            switch (state) {
                case DRAFT -> { }
                case IN_REVIEW -> workflow.submit(key("p1"), "camille");
                case APPROVED -> {
                    workflow.submit(key("p1"), "camille");
                    workflow.approve(key("p1"), "lea");
                }
                case SCHEDULED, PUBLISHED -> {
                    workflow.submit(key("p1"), "camille");
                    workflow.approve(key("p1"), "lea");
                    workflow.schedule(key("p1"), NINE, "lea");
                    if (state == PostState.PUBLISHED) {
                        clock.set(NINE);
                        scheduler.runOnce();
                    }
                }
                case CANCELLED -> workflow.cancel(key("p1"), "lea", "dropped");
                default -> throw new IllegalArgumentException(state.name());
            }
            assertThat(stored("p1").state()).isEqualTo(state);
        }

        @Test
        @DisplayName("a schedule time in the past is refused and changes nothing")
        void pastTimeRefused() {
            ScheduledPost before = approved("p1");
            Instant yesterday = T0.minus(Duration.ofDays(1));

            assertThatThrownBy(() -> workflow.schedule(key("p1"), yesterday, "lea"))
                    .isInstanceOfSatisfying(ScheduleTimeInPastException.class, e -> {
                        assertThat(e.requested()).isEqualTo(yesterday);
                        assertThat(e.now()).isEqualTo(T0);
                    })
                    .hasMessageContaining(BRAND + "/p1").hasMessageContaining("in the past")
                    .hasMessageContaining(yesterday.toString());
            assertThat(stored("p1")).isEqualTo(before);
            assertThat(workflow.publications(key("p1"))).isEmpty();
        }

        @Test
        @DisplayName("a variant over its platform's limit is refused with the platform, the limit and the excess")
        void overLimit() {
            Post tooLong = new Post("p2", BRAND, Optional.empty(), Optional.empty(), List.of(
                    PostVariant.text(Platform.MASTODON, "ok"),
                    PostVariant.text(Platform.BLUESKY, "é".repeat(312))));
            workflow.create(tooLong, List.of(MASTODON, BLUESKY), "camille");
            workflow.submit(key("p2"), "camille");
            ScheduledPost before = workflow.approve(key("p2"), "lea");

            assertThatThrownBy(() -> workflow.schedule(key("p2"), NINE, "lea"))
                    .isInstanceOfSatisfying(LimitsExceededException.class, e -> assertThat(e.violations())
                            .extracting(LimitViolation::platform, LimitViolation::limit, LimitViolation::excess)
                            .containsExactly(tuple(Platform.BLUESKY, "text length", 12L)))
                    .hasMessageContaining("Bluesky").hasMessageContaining("text length").hasMessageContaining("12 over");
            assertThat(stored("p2")).isEqualTo(before);
            assertThat(workflow.publications(key("p2"))).isEmpty();
        }

        @Test
        @DisplayName("every violation of every variant is listed at once")
        void everyViolationListed() {
            Post twice = new Post("p3", BRAND, Optional.empty(), Optional.empty(), List.of(
                    PostVariant.text(Platform.MASTODON, "x".repeat(510)),
                    PostVariant.text(Platform.BLUESKY, "y".repeat(301))));
            workflow.create(twice, List.of(MASTODON, BLUESKY), "camille");
            workflow.submit(key("p3"), "camille");
            workflow.approve(key("p3"), "lea");

            assertThatThrownBy(() -> workflow.schedule(key("p3"), NINE, "lea"))
                    .isInstanceOfSatisfying(LimitsExceededException.class, e -> assertThat(e.violations())
                            .extracting(LimitViolation::platform, LimitViolation::excess)
                            .containsExactly(tuple(Platform.MASTODON, 10L), tuple(Platform.BLUESKY, 1L)))
                    .hasMessageContaining("2 limits exceeded")
                    .hasMessageContaining("Mastodon: text length is 510")
                    .hasMessageContaining("Bluesky: text length is 301");
            assertThat(workflow.check(key("p3"))).hasSize(2);
        }

        @Test
        @DisplayName("limits come from the account's connector: a Mastodon instance with 1,000 characters takes a longer post")
        void limitsFromConnector() {
            PlatformLimits defaults = PlatformLimits.defaultsFor(Platform.MASTODON);
            mastodon.withLimits(new PlatformLimits(Platform.MASTODON, 1000, defaults.counting(), defaults.maxMedia(),
                    defaults.maxImageBytes(), defaults.maxVideoBytes(), defaults.maxHashtags(), defaults.mediaKinds()));
            workflow.create(Samples.mastodonOnly("p4", "z".repeat(800)), List.of(MASTODON), "camille");
            workflow.submit(key("p4"), "camille");
            workflow.approve(key("p4"), "lea");

            assertThat(workflow.schedule(key("p4"), NINE, "lea").state()).isEqualTo(PostState.SCHEDULED);
        }

        @Test
        @DisplayName("without a connector, an account is checked against its platform's published defaults")
        void defaultLimitsWithoutConnector() {
            PostWorkflow bare = PostWorkflow.of(store, ConnectorLookup.none(), clock);
            bare.create(Samples.mastodonOnly("p5", "z".repeat(800)), List.of(MASTODON), "camille");

            assertThat(bare.check(key("p5"))).singleElement()
                    .satisfies(v -> assertThat(v.message()).isEqualTo("Mastodon: text length is 800 characters (URLs count 23), limit 500 (300 over)"));
        }

        @Test
        @DisplayName("an unknown post is reported by its key")
        void unknownPost() {
            assertThatThrownBy(() -> workflow.submit(key("nope"), "camille"))
                    .isInstanceOf(NoSuchElementException.class).hasMessageContaining(BRAND + "/nope");
        }

        @Test
        @DisplayName("a post needs a variant for each of its accounts' platforms")
        void variantPerAccount() {
            assertThatThrownBy(() -> workflow.create(Samples.mastodonOnly("p6", "hello"), List.of(MASTODON, BLUESKY),
                    "camille")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no variant for Bluesky");
            assertThat(store.find(key("p6"))).isEmpty();
        }
    }

    @Nested
    @DisplayName("after a failure")
    class AfterFailure {

        @BeforeEach
        void failBluesky() {
            bluesky.failNext(new io.cmkit.core.spi.RejectedException(Platform.BLUESKY, "Record/text must not be longer than 300 graphemes",
                    Optional.of("InvalidRequest")));
            approved("p1");
            workflow.schedule(key("p1"), NINE, "lea");
            clock.set(NINE);
            scheduler.runOnce();
        }

        @Test
        @DisplayName("a failed post can be rescheduled: the failed publication is tried again, the published one is not")
        void reschedule() {
            assertThat(stored("p1").state()).isEqualTo(PostState.FAILED);

            workflow.schedule(key("p1"), NINE.plusSeconds(600), "lea");
            clock.advance(Duration.ofMinutes(10));
            scheduler.runOnce();

            assertThat(stored("p1").state()).isEqualTo(PostState.PUBLISHED);
            assertThat(mastodon.postsCreated()).isEqualTo(1);
            assertThat(bluesky.postsCreated()).isEqualTo(1);
        }

        @Test
        @DisplayName("a failed post can be edited, which sends it back to review")
        void editFailed() {
            ScheduledPost post = workflow.edit(key("p1"), Samples.post("p1"), "camille");

            assertThat(post.state()).isEqualTo(PostState.IN_REVIEW);
            assertThat(workflow.publications(key("p1"))).extracting(Publication::account).containsExactly(MASTODON);
        }
    }
}
