package io.cmkit.core.schedule;

import static io.cmkit.core.schedule.Samples.BLUESKY;
import static io.cmkit.core.schedule.Samples.MASTODON;
import static io.cmkit.core.schedule.Samples.T0;
import static io.cmkit.core.schedule.Samples.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.Platform;
import io.cmkit.core.schedule.event.PostPublished;
import io.cmkit.core.schedule.event.PublicationDeferred;
import io.cmkit.core.schedule.event.PublicationFailed;
import io.cmkit.core.schedule.event.PublicationNeedsCheck;
import io.cmkit.core.schedule.event.PublicationRetried;
import io.cmkit.core.schedule.event.SchedulerEvent;
import io.cmkit.core.spi.AuthenticationException;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.Publishing.Idempotency;
import io.cmkit.core.spi.RateLimitedException;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.TransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The scheduler")
class SchedulerTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(T0);
    private final ScheduleStore store = ScheduleStore.inMemory();
    private final List<SchedulerEvent> events = new CopyOnWriteArrayList<>();

    private SchedulerConfig.Builder config() {
        return SchedulerConfig.custom().leaseDuration(LEASE).initialBackoff(Duration.ofSeconds(10))
                .backoffMultiplier(2).maxBackoff(Duration.ofMinutes(10)).randomizationFactor(0).maxAttempts(4)
                .randomSeed(42);
    }

    private Scheduler scheduler(String id, ConnectorLookup connectors, SchedulerConfig config) {
        Scheduler s = Scheduler.of(id, store, connectors, config, clock);
        s.getEventPublisher().onEvent(events::add);
        return s;
    }

    /** A post approved and scheduled through the workflow, for these accounts. */
    private void scheduled(ConnectorLookup connectors, String id, Instant at, io.cmkit.core.model.Account... accounts) {
        PostWorkflow workflow = PostWorkflow.of(store, connectors, clock);
        io.cmkit.core.model.Post post = accounts.length == 1 && accounts[0].equals(MASTODON)
                ? Samples.mastodonOnly(id, "Notre latte du lundi " + id) : Samples.post(id);
        workflow.create(post, List.of(accounts), "camille");
        workflow.submit(key(id), "camille");
        workflow.approve(key(id), "lea");
        workflow.schedule(key(id), at, "lea");
    }

    private Publication publication(String id, io.cmkit.core.model.Account account) {
        return store.publication(Publication.keyFor(key(id), account)).orElseThrow();
    }

    private PostState state(String id) {
        return store.find(key(id)).orElseThrow().state();
    }

    @Nested
    @DisplayName("recording a batch")
    class RecordingABatch {

        private final FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NATIVE, clock);
        private final FakePlatform bluesky = new FakePlatform(BLUESKY, Idempotency.LOOKUP, clock);
        private final ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
        private final RecordingStore recording = new RecordingStore(store);

        private Scheduler recordingScheduler() {
            // One send at a time: failNext must hit p1's Mastodon publication, the first of the batch.
            Scheduler s = Scheduler.of("a", recording, connectors, config().batchSize(10).dispatchConcurrency(1).build(),
                    clock);
            s.getEventPublisher().onEvent(events::add);
            return s;
        }

        @Test
        @DisplayName("a claimed batch's outcomes are recorded in one call to the store, and each event follows the record")
        void oneCallPerBatch() {
            for (String id : List.of("p1", "p2", "p3")) {
                scheduled(connectors, id, NINE, MASTODON, BLUESKY);
            }
            mastodon.failNext(new RejectedException(Platform.MASTODON, "Text too long", Optional.empty()));
            Scheduler scheduler = recordingScheduler();
            List<PublicationStatus> seenByEvents = new CopyOnWriteArrayList<>();
            scheduler.getEventPublisher().onEvent(e -> {
                if (e instanceof PostPublished p) {
                    seenByEvents.add(store.publication(p.idempotencyKey()).orElseThrow().status());
                }
            });
            clock.set(NINE);

            DispatchReport report = scheduler.runOnce();

            assertThat(report.claimed()).isEqualTo(6);
            assertThat(report.published()).isEqualTo(5);
            assertThat(report.failed()).isEqualTo(1);
            assertThat(recording.batches).singleElement().satisfies(batch -> assertThat(batch).hasSize(6));
            assertThat(recording.singles).isEmpty();
            assertThat(seenByEvents).hasSize(5).containsOnly(PublicationStatus.PUBLISHED);
            assertThat(events).filteredOn(e -> e instanceof PublicationFailed).hasSize(1);
            assertThat(state("p1")).isEqualTo(PostState.FAILED);
            assertThat(state("p2")).isEqualTo(PostState.PUBLISHED);
            assertThat(state("p3")).isEqualTo(PostState.PUBLISHED);
        }

        @Test
        @DisplayName("dispatchDue records a full batch while it sends the next, and returns once every batch is recorded")
        void pipelinedBatches() {
            for (int i = 1; i <= 7; i++) {
                scheduled(connectors, "p" + i, NINE, MASTODON);
            }
            Scheduler scheduler = Scheduler.of("a", recording, connectors,
                    config().batchSize(2).dispatchConcurrency(2).build(), clock);
            List<PublicationStatus> seenByEvents = new CopyOnWriteArrayList<>();
            scheduler.getEventPublisher().onPublished(e -> seenByEvents.add(
                    store.publication(e.idempotencyKey()).orElseThrow().status()));
            clock.set(NINE);

            DispatchReport report = scheduler.dispatchDue();

            assertThat(report.claimed()).isEqualTo(7);
            assertThat(report.published()).isEqualTo(7);
            assertThat(recording.batches).hasSize(4);
            assertThat(seenByEvents).hasSize(7).containsOnly(PublicationStatus.PUBLISHED);
            assertThat(mastodon.createdPerKey()).hasSize(7).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            for (int i = 1; i <= 7; i++) {
                assertThat(state("p" + i)).isEqualTo(PostState.PUBLISHED);
            }
            scheduler.close();
        }

        @Test
        @DisplayName("when recording a batch fails, dispatchDue records the batch sent meanwhile, gives back the one "
                + "claimed ahead unsent, then throws")
        void pipelinedRecordFails() {
            for (int i = 1; i <= 6; i++) {
                scheduled(connectors, "p" + i, NINE.plusMillis(i), MASTODON);
            }
            Scheduler scheduler = Scheduler.of("a", recording, connectors,
                    config().batchSize(2).dispatchConcurrency(2).build(), clock);
            scheduler.getEventPublisher().onEvent(events::add);
            recording.failNextBatch(new IllegalStateException("database unreachable"));
            clock.set(NINE.plusSeconds(1));

            assertThatThrownBy(scheduler::dispatchDue).isInstanceOf(IllegalStateException.class)
                    .hasMessage("database unreachable");

            // First batch: sent, its record failed: still leased, taken over once the lease expires.
            for (String id : List.of("p1", "p2")) {
                assertThat(publication(id, MASTODON).status()).as(id).isEqualTo(PublicationStatus.PUBLISHING);
            }
            // Second batch: sent while the first was being recorded, then recorded.
            for (String id : List.of("p3", "p4")) {
                assertThat(publication(id, MASTODON).status()).as(id).isEqualTo(PublicationStatus.PUBLISHED);
            }
            // Third batch: claimed while the second was sent, given back unsent, due again with no attempt used.
            for (String id : List.of("p5", "p6")) {
                Publication p = publication(id, MASTODON);
                assertThat(p.status()).as(id).isEqualTo(PublicationStatus.PENDING);
                assertThat(p.attempts()).isZero();
                assertThat(p.lease()).isEmpty();
            }
            assertThat(mastodon.calls()).hasSize(4);
            assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(PostPublished.class));
            scheduler.close();
        }

        @Test
        @DisplayName("when the record fails, no event is published and the publications stay leased, to be taken over")
        void failedRecordPublishesNoEvent() {
            scheduled(connectors, "p1", NINE, MASTODON, BLUESKY);
            Scheduler scheduler = recordingScheduler();
            recording.failNextBatch(new IllegalStateException("database unreachable"));
            clock.set(NINE);

            org.assertj.core.api.Assertions.assertThatThrownBy(scheduler::runOnce)
                    .isInstanceOf(IllegalStateException.class).hasMessage("database unreachable");

            assertThat(events).isEmpty();
            assertThat(mastodon.calls()).hasSize(1);
            assertThat(store.publications(key("p1"))).allSatisfy(p -> {
                assertThat(p.status()).isEqualTo(PublicationStatus.PUBLISHING);
                assertThat(p.lease().orElseThrow().owner()).isEqualTo("a");
            });
            clock.advance(LEASE);
            DispatchReport takeover = scheduler.runOnce();
            assertThat(takeover.published()).isEqualTo(2);
            assertThat(mastodon.createdPerKey()).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            assertThat(bluesky.createdPerKey()).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            assertThat(state("p1")).isEqualTo(PostState.PUBLISHED);
            assertThat(events).filteredOn(e -> e instanceof PostPublished).hasSize(2);
            assertThat(events).filteredOn(e -> e instanceof PostPublished p && p.account().equals(BLUESKY))
                    .singleElement().satisfies(e -> assertThat(((PostPublished) e).reconciled())
                            .as("found on Bluesky by its key, not sent again").isTrue());
        }
    }

    @Nested
    @DisplayName("dispatch")
    class Dispatch {

        private final FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NATIVE, clock);
        private final FakePlatform bluesky = new FakePlatform(BLUESKY, Idempotency.LOOKUP, clock);
        private final ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));

        @Test
        @DisplayName("publishes each due publication exactly once, with its stable idempotency key, and nothing early")
        void exactlyOnce() {
            scheduled(connectors, "p1", NINE, MASTODON, BLUESKY);
            scheduled(connectors, "p2", NINE.plusSeconds(3600), MASTODON, BLUESKY);
            Scheduler scheduler = scheduler("a", connectors, config().build());

            clock.set(NINE.minusMillis(1));
            assertThat(scheduler.runOnce().claimed()).isZero();
            clock.set(NINE);
            DispatchReport report = scheduler.runOnce();
            DispatchReport again = scheduler.runOnce();

            assertThat(report.claimed()).isEqualTo(2);
            assertThat(report.published()).isEqualTo(2);
            assertThat(again.claimed()).isZero();
            assertThat(mastodon.calls()).singleElement().satisfies(r -> {
                assertThat(r.idempotencyKey()).isEqualTo(Publication.keyFor(key("p1"), MASTODON));
                assertThat(r.variant().platform()).isEqualTo(Platform.MASTODON);
            });
            assertThat(bluesky.calls()).singleElement()
                    .satisfies(r -> assertThat(r.idempotencyKey()).isEqualTo(Publication.keyFor(key("p1"), BLUESKY)));
            assertThat(state("p1")).isEqualTo(PostState.PUBLISHED);
            assertThat(state("p2")).isEqualTo(PostState.SCHEDULED);
            assertThat(publication("p1", MASTODON).published().orElseThrow().ref().id()).isEqualTo("mastodon-1");
        }

        @Test
        @DisplayName("the idempotency key depends on brand, post and account only, and fits every platform's limit")
        void keyIsStable() {
            String key = Publication.keyFor(key("p1"), MASTODON);

            assertThat(Publication.keyFor(new PostKey(Samples.BRAND, "p1"), new io.cmkit.core.model.Account(
                    Platform.MASTODON, "@Cafe_Lumiere@mastodon.social"))).isEqualTo(key);
            assertThat(key).startsWith("cmkit-").hasSize(49);
            assertThat(Publication.keyFor(key("p1"), BLUESKY)).isNotEqualTo(key);
            assertThat(Publication.keyFor(key("p2"), MASTODON)).isNotEqualTo(key);
            assertThat(Publication.keyFor(new PostKey("other-brand", "p1"), MASTODON)).isNotEqualTo(key);
        }

        @Test
        @DisplayName("an account without a connector fails with a clear reason")
        void noConnector() {
            scheduled(connectors, "p1", NINE, MASTODON);
            Scheduler scheduler = scheduler("a", ConnectorLookup.none(), config().build());
            clock.set(NINE);

            scheduler.runOnce();

            assertThat(publication("p1", MASTODON).lastError().orElseThrow())
                    .contains("no connector for account " + MASTODON);
            assertThat(state("p1")).isEqualTo(PostState.FAILED);
        }

        @Test
        @DisplayName("publishes its events: one PostPublished per publication, to the right consumers")
        void events() {
            scheduled(connectors, "p1", NINE, MASTODON, BLUESKY);
            Scheduler scheduler = scheduler("a", connectors, config().build());
            List<PostPublished> published = new ArrayList<>();
            List<PublicationFailed> failed = new ArrayList<>();
            scheduler.getEventPublisher().onPublished(published::add).onFailed(failed::add)
                    .onEvent(e -> {
                        throw new IllegalStateException("a broken consumer does not stop the scheduler");
                    });
            clock.set(NINE);

            scheduler.runOnce();

            assertThat(published).hasSize(2).allSatisfy(e -> {
                assertThat(e.instanceId()).isEqualTo("a");
                assertThat(e.at()).isEqualTo(NINE);
                assertThat(e.post()).isEqualTo(key("p1"));
                assertThat(e.reconciled()).isFalse();
            });
            assertThat(published).extracting(PostPublished::account).containsExactlyInAnyOrder(MASTODON, BLUESKY);
            assertThat(failed).isEmpty();
            assertThat(state("p1")).isEqualTo(PostState.PUBLISHED);
        }
    }

    @Nested
    @DisplayName("failures")
    class Failures {

        private final FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NATIVE, clock);
        private final ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon));

        private TransientException unavailable() {
            return new TransientException(Platform.MASTODON, "HTTP 503", Optional.of("Service Unavailable"), null);
        }

        @Test
        @DisplayName("a transient failure is retried after an exponential backoff, then succeeds")
        void retriedThenSucceeds() {
            scheduled(connectors, "p1", NINE, MASTODON);
            mastodon.failNext(unavailable()).failNext(unavailable());
            Scheduler scheduler = scheduler("a", connectors, config().build());

            clock.set(NINE);
            scheduler.runOnce();
            assertThat(publication("p1", MASTODON)).satisfies(p -> {
                assertThat(p.status()).isEqualTo(PublicationStatus.PENDING);
                assertThat(p.attempts()).isEqualTo(1);
                assertThat(p.dueAt()).isEqualTo(NINE.plusSeconds(10));
                assertThat(p.lastError().orElseThrow()).contains("HTTP 503").contains("Service Unavailable");
            });
            clock.set(NINE.plusSeconds(9));
            assertThat(scheduler.runOnce().claimed()).isZero();
            clock.set(NINE.plusSeconds(10));
            scheduler.runOnce();
            assertThat(publication("p1", MASTODON).dueAt()).isEqualTo(NINE.plusSeconds(30));
            clock.set(NINE.plusSeconds(30));
            scheduler.runOnce();

            assertThat(state("p1")).isEqualTo(PostState.PUBLISHED);
            assertThat(mastodon.calls()).hasSize(3);
            assertThat(mastodon.postsCreated()).isEqualTo(1);
            assertThat(events).filteredOn(PublicationRetried.class::isInstance).map(PublicationRetried.class::cast)
                    .extracting(PublicationRetried::attempts, PublicationRetried::nextAttemptAt)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, NINE.plusSeconds(10)),
                            org.assertj.core.groups.Tuple.tuple(2, NINE.plusSeconds(30)));
        }

        @Test
        @DisplayName("after the last attempt a transient failure makes the publication FAILED")
        void failsAfterMaxAttempts() {
            scheduled(connectors, "p1", NINE, MASTODON);
            mastodon.failAlways(unavailable());
            Scheduler scheduler = scheduler("a", connectors, config().maxAttempts(3).build());

            clock.set(NINE);
            for (int i = 0; i < 10; i++) {
                scheduler.runOnce();
                clock.advance(Duration.ofMinutes(10));
            }

            assertThat(mastodon.calls()).hasSize(3);
            assertThat(publication("p1", MASTODON).status()).isEqualTo(PublicationStatus.FAILED);
            assertThat(publication("p1", MASTODON).attempts()).isEqualTo(3);
            assertThat(publication("p1", MASTODON).lastError().orElseThrow())
                    .startsWith("gave up after 3 attempts").contains("HTTP 503");
            assertThat(state("p1")).isEqualTo(PostState.FAILED);
            assertThat(events).filteredOn(PublicationFailed.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((PublicationFailed) e).attempts()).isEqualTo(3));
        }

        @Test
        @DisplayName("the backoff is spread by a seeded jitter, the same for the same seed, within the configured bounds")
        void jitter() {
            SchedulerConfig jittery = config().randomizationFactor(0.5).randomSeed(2026).build();
            List<Instant> first = retryTimes(jittery);
            List<Instant> second = retryTimes(jittery);

            assertThat(first).isEqualTo(second);
            assertThat(Duration.between(NINE, first.get(0)))
                    .isBetween(Duration.ofSeconds(5), Duration.ofSeconds(15));
        }

        private List<Instant> retryTimes(SchedulerConfig config) {
            ScheduleStore own = ScheduleStore.inMemory();
            MutableClock ownClock = new MutableClock(T0);
            FakePlatform failing = new FakePlatform(MASTODON, Idempotency.NATIVE, ownClock).failAlways(unavailable());
            ConnectorLookup lookup = ConnectorLookup.of(List.of(failing));
            PostWorkflow workflow = PostWorkflow.of(own, lookup, ownClock);
            workflow.create(Samples.mastodonOnly("j", "jitter"), List.of(MASTODON), "camille");
            workflow.submit(key("j"), "camille");
            workflow.approve(key("j"), "lea");
            workflow.schedule(key("j"), NINE, "lea");
            Scheduler s = Scheduler.of("j", own, lookup, config, ownClock);
            List<Instant> times = new ArrayList<>();
            s.getEventPublisher().onRetry(e -> times.add(e.nextAttemptAt()));
            ownClock.set(NINE);
            s.runOnce();
            ownClock.set(times.get(0));
            s.runOnce();
            return times;
        }

        @Test
        @DisplayName("a rate limit defers the publication until its reset time, without using an attempt")
        void rateLimitDefers() {
            scheduled(connectors, "p1", NINE, MASTODON);
            Instant reset = NINE.plus(Duration.ofMinutes(15));
            Instant secondReset = reset.plus(Duration.ofMinutes(15));
            mastodon.failNext(new RateLimitedException(Platform.MASTODON, reset, Optional.of("Too many requests")))
                    .failNext(new RateLimitedException(Platform.MASTODON, secondReset, Optional.of("Too many requests")));
            Scheduler scheduler = scheduler("a", connectors, config().maxAttempts(1).build());

            clock.set(NINE);
            scheduler.runOnce();
            assertThat(publication("p1", MASTODON)).satisfies(p -> {
                assertThat(p.status()).isEqualTo(PublicationStatus.PENDING);
                assertThat(p.dueAt()).isEqualTo(reset);
                assertThat(p.attempts()).isZero();
                assertThat(p.lastError().orElseThrow()).contains("Too many requests");
            });
            clock.set(reset.minusSeconds(1));
            assertThat(scheduler.runOnce().claimed()).isZero();
            clock.set(reset);
            scheduler.runOnce();
            assertThat(publication("p1", MASTODON).dueAt()).isEqualTo(secondReset);
            clock.set(secondReset);
            scheduler.runOnce();

            assertThat(state("p1")).isEqualTo(PostState.PUBLISHED);
            assertThat(mastodon.calls()).hasSize(3);
            assertThat(publication("p1", MASTODON).attempts()).isZero();
            assertThat(events).filteredOn(PublicationDeferred.class::isInstance).map(PublicationDeferred.class::cast)
                    .extracting(PublicationDeferred::until).containsExactly(reset, secondReset);
        }

        @Test
        @DisplayName("a permanent rejection makes the publication FAILED with the platform's reason, with no retry")
        void rejection() {
            scheduled(connectors, "p1", NINE, MASTODON);
            mastodon.failNext(new RejectedException(Platform.MASTODON, "Validation failed: Text character limit of 500 exceeded",
                    Optional.of("422")));
            Scheduler scheduler = scheduler("a", connectors, config().build());

            clock.set(NINE);
            scheduler.runOnce();
            clock.advance(Duration.ofHours(1));
            scheduler.runOnce();

            assertThat(mastodon.calls()).hasSize(1);
            assertThat(publication("p1", MASTODON).status()).isEqualTo(PublicationStatus.FAILED);
            assertThat(publication("p1", MASTODON).lastError().orElseThrow())
                    .isEqualTo("rejected by Mastodon: Validation failed: Text character limit of 500 exceeded (422)");
            ScheduledPost post = store.find(key("p1")).orElseThrow();
            assertThat(post.state()).isEqualTo(PostState.FAILED);
            assertThat(post.lastTransition().orElseThrow().comment().orElseThrow())
                    .contains("Text character limit of 500 exceeded");
            assertThat(events).filteredOn(PublicationFailed.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((PublicationFailed) e).reason()).contains("Text character limit"));
        }

        @Test
        @DisplayName("refused credentials make the publication FAILED, saying to renew them")
        void authentication() {
            scheduled(connectors, "p1", NINE, MASTODON);
            mastodon.failNext(new AuthenticationException(Platform.MASTODON, "token revoked",
                    Optional.of("The access token was revoked")));
            Scheduler scheduler = scheduler("a", connectors, config().build());

            clock.set(NINE);
            scheduler.runOnce();

            assertThat(mastodon.calls()).hasSize(1);
            assertThat(publication("p1", MASTODON).lastError().orElseThrow())
                    .contains("credentials for " + MASTODON + " refused").contains("The access token was revoked")
                    .contains("renew them");
            assertThat(state("p1")).isEqualTo(PostState.FAILED);
        }
    }

    @Nested
    @DisplayName("an outcome that is not known")
    class UnknownOutcome {

        private Scheduler crashing;
        private Scheduler survivor;

        private FakePlatform crashOnce(Idempotency idempotency) {
            FakePlatform platform = new FakePlatform(MASTODON, idempotency, clock);
            ConnectorLookup connectors = ConnectorLookup.of(List.of(platform));
            scheduled(connectors, "p1", NINE, MASTODON);
            crashing = scheduler("dies", connectors, config().build());
            survivor = scheduler("survives", connectors, config().build());
            platform.crashAfterAcceptingNext();
            clock.set(NINE);
            org.assertj.core.api.Assertions.assertThatThrownBy(crashing::runOnce)
                    .isInstanceOf(FakePlatform.SimulatedCrash.class);
            assertThat(platform.postsCreated()).isEqualTo(1);
            assertThat(publication("p1", MASTODON).status()).isEqualTo(PublicationStatus.PUBLISHING);
            return platform;
        }

        @Test
        @DisplayName("an abandoned lease is not taken over before it expires")
        void notBeforeExpiry() {
            crashOnce(Idempotency.NATIVE);

            clock.set(NINE.plus(LEASE).minusMillis(1));

            assertThat(survivor.runOnce().claimed()).isZero();
        }

        @Test
        @DisplayName("NATIVE: after the lease expires another instance sends again with the same key; the platform keeps one post")
        void nativeTakeover() {
            FakePlatform platform = crashOnce(Idempotency.NATIVE);

            clock.set(NINE.plus(LEASE));
            DispatchReport report = survivor.runOnce();

            assertThat(report.published()).isEqualTo(1);
            assertThat(platform.calls()).hasSize(2)
                    .extracting(r -> r.idempotencyKey()).containsOnly(Publication.keyFor(key("p1"), MASTODON));
            assertThat(platform.postsCreated()).isEqualTo(1);
            assertThat(state("p1")).isEqualTo(PostState.PUBLISHED);
            assertThat(store.find(key("p1")).orElseThrow().lastTransition().orElseThrow().actor()).isEqualTo("survives");
        }

        @Test
        @DisplayName("LOOKUP: after the lease expires another instance finds the post by its key and does not send it again")
        void lookupTakeover() {
            FakePlatform platform = crashOnce(Idempotency.LOOKUP);

            clock.set(NINE.plus(LEASE));
            survivor.runOnce();

            assertThat(platform.calls()).hasSize(1);
            assertThat(platform.lookups()).isEqualTo(1);
            assertThat(platform.postsCreated()).isEqualTo(1);
            assertThat(state("p1")).isEqualTo(PostState.PUBLISHED);
            assertThat(publication("p1", MASTODON).published().orElseThrow().ref().id()).isEqualTo("mastodon-1");
            assertThat(events).filteredOn(PostPublished.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((PostPublished) e).reconciled()).isTrue());
        }

        @Test
        @DisplayName("NONE: after the lease expires nothing is sent; the publication waits for a person's check")
        void noneNeedsCheck() {
            FakePlatform platform = crashOnce(Idempotency.NONE);

            clock.set(NINE.plus(LEASE));
            survivor.runOnce();
            clock.advance(Duration.ofDays(1));
            survivor.runOnce();

            assertThat(platform.calls()).hasSize(1);
            assertThat(publication("p1", MASTODON).status()).isEqualTo(PublicationStatus.NEEDS_CHECK);
            assertThat(publication("p1", MASTODON).outcomeUnknown()).isTrue();
            assertThat(state("p1")).isEqualTo(PostState.PUBLISHING);
            assertThat(events).filteredOn(PublicationNeedsCheck.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((PublicationNeedsCheck) e).reason()).contains("check the account"));
        }

        @Test
        @DisplayName("NONE: a person who finds the post on the account settles it as published")
        void resolvedAsPublished() {
            FakePlatform platform = crashOnce(Idempotency.NONE);
            clock.set(NINE.plus(LEASE));
            survivor.runOnce();
            PostWorkflow workflow = PostWorkflow.of(store, ConnectorLookup.of(List.of(platform)), clock);

            ScheduledPost post = workflow.resolvePublished(Publication.keyFor(key("p1"), MASTODON),
                    PostRef.of(Platform.MASTODON, "mastodon-1"), "lea");

            assertThat(post.state()).isEqualTo(PostState.PUBLISHED);
            assertThat(post.lastTransition().orElseThrow().actor()).isEqualTo("lea");
            survivor.runOnce();
            assertThat(platform.calls()).hasSize(1);
        }

        @Test
        @DisplayName("NONE: a person who does not find the post has it sent again")
        void resolvedAsNotPublished() {
            FakePlatform platform = crashOnce(Idempotency.NONE);
            clock.set(NINE.plus(LEASE));
            survivor.runOnce();
            PostWorkflow workflow = PostWorkflow.of(store, ConnectorLookup.of(List.of(platform)), clock);

            workflow.resolveNotPublished(Publication.keyFor(key("p1"), MASTODON), "lea");
            survivor.runOnce();

            assertThat(platform.calls()).hasSize(2);
            assertThat(state("p1")).isEqualTo(PostState.PUBLISHED);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Idempotency.class, names = {"NATIVE", "LOOKUP"})
        @DisplayName("a lost response is retried without a second post where the platform honours keys")
        void lostResponse(Idempotency idempotency) {
            FakePlatform platform = new FakePlatform(MASTODON, idempotency, clock);
            ConnectorLookup connectors = ConnectorLookup.of(List.of(platform));
            scheduled(connectors, "p1", NINE, MASTODON);
            platform.loseResponseAfterAcceptingNext();
            Scheduler scheduler = scheduler("a", connectors, config().build());

            clock.set(NINE);
            scheduler.runOnce();
            clock.advance(Duration.ofMinutes(1));
            scheduler.runOnce();

            assertThat(platform.postsCreated()).isEqualTo(1);
            assertThat(state("p1")).isEqualTo(PostState.PUBLISHED);
        }

        @Test
        @DisplayName("NONE: an unexpected connector error leaves the publication for a person rather than risk a double post")
        void unexpectedErrorWithoutIdempotency() {
            FakePlatform platform = new FakePlatform(MASTODON, Idempotency.NONE, clock);
            ConnectorLookup connectors = ConnectorLookup.of(List.of(platform));
            scheduled(connectors, "p1", NINE, MASTODON);
            platform.explodeAfterAcceptingNext();
            Scheduler scheduler = scheduler("a", connectors, config().build());

            clock.set(NINE);
            scheduler.runOnce();
            clock.advance(Duration.ofHours(1));
            scheduler.runOnce();

            assertThat(platform.postsCreated()).isEqualTo(1);
            assertThat(publication("p1", MASTODON).status()).isEqualTo(PublicationStatus.NEEDS_CHECK);
        }
    }
}
