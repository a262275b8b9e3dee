package io.cmkit.core.schedule;

import static io.cmkit.core.schedule.Samples.BLUESKY;
import static io.cmkit.core.schedule.Samples.MASTODON;
import static io.cmkit.core.schedule.Samples.T0;
import static io.cmkit.core.schedule.Samples.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishedPost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ScheduleStore} must do. A store's test extends this class and gives a fresh,
 * empty store from {@link #newStore()}; the groups below then state the contract.
 */
public abstract class ScheduleStoreContract {

    private static final Duration LEASE = Duration.ofMinutes(5);

    /** A new, empty store. */
    protected abstract ScheduleStore newStore();

    protected ScheduleStore store;

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    private static PublishedPost published(Publication p) {
        return new PublishedPost(PostRef.of(p.account().platform(), "id-" + p.idempotencyKey()), T0,
                p.idempotencyKey());
    }

    @Nested
    @DisplayName("posts")
    class Posts {

        @Test
        @DisplayName("an inserted post is stored with version 1 and found by its key")
        void insertAndFind() {
            ScheduledPost stored = store.insert(Samples.draft("p1"));

            assertThat(stored.version()).isEqualTo(1);
            assertThat(store.find(key("p1"))).contains(stored);
            assertThat(store.findByState(PostState.DRAFT)).containsExactly(stored);
        }

        @Test
        @DisplayName("a second post with the same key is refused")
        void duplicateRefused() {
            store.insert(Samples.draft("p1"));

            assertThatThrownBy(() -> store.insert(Samples.draft("p1")))
                    .isInstanceOf(ConcurrentEditException.class).hasMessageContaining("cafe-lumiere/p1");
        }

        @Test
        @DisplayName("an update with the version read applies and adds one to the version")
        void updateWithVersion() {
            ScheduledPost stored = store.insert(Samples.draft("p1"));

            ScheduledPost next = store.update(stored.transition(PostAction.SUBMIT, PostState.IN_REVIEW, "camille",
                    T0, Optional.empty()), stored.version());

            assertThat(next.version()).isEqualTo(2);
            assertThat(store.find(key("p1")).orElseThrow().state()).isEqualTo(PostState.IN_REVIEW);
        }

        @Test
        @DisplayName("an update based on a stale version is refused and changes nothing")
        void staleUpdateRefused() {
            ScheduledPost stored = store.insert(Samples.draft("p1"));
            store.update(stored.transition(PostAction.SUBMIT, PostState.IN_REVIEW, "camille", T0, Optional.empty()),
                    1);

            assertThatThrownBy(() -> store.update(stored.transition(PostAction.CANCEL, PostState.CANCELLED, "lea",
                    T0, Optional.empty()), 1)).isInstanceOf(ConcurrentEditException.class);
            assertThat(store.find(key("p1")).orElseThrow().state()).isEqualTo(PostState.IN_REVIEW);
        }

        @Test
        @DisplayName("replacing publications removes every one not yet published and adds the new ones")
        void replacePublications() {
            ScheduledPost post = Samples.scheduled(store, "p1", T0);
            assertThat(store.publications(post.key())).hasSize(2);

            store.update(post.transition(PostAction.CANCEL, PostState.CANCELLED, "lea", T0, Optional.empty()),
                    post.version(), Optional.of(List.of()));

            assertThat(store.publications(post.key())).isEmpty();
            assertThat(store.claimDue("a", T0, LEASE, 10)).isEmpty();
        }

        @Test
        @DisplayName("publications cannot be replaced while one is leased")
        void noReplaceWhileLeased() {
            Samples.scheduled(store, "p1", T0);
            store.claimDue("a", T0, LEASE, 1);
            ScheduledPost now = store.find(key("p1")).orElseThrow();

            assertThatThrownBy(() -> store.update(now, now.version(), Optional.of(List.of())))
                    .isInstanceOf(ConcurrentEditException.class).hasMessageContaining("being published");
            assertThat(store.publications(key("p1"))).hasSize(2);
        }
    }

    @Nested
    @DisplayName("claims and leases")
    class Claims {

        @Test
        @DisplayName("only due publications are claimed, earliest first, each leased with its own token")
        void claimsDueOnly() {
            Samples.scheduled(store, "later", T0.plusSeconds(60));
            Samples.scheduled(store, "now", T0);

            List<Publication> claimed = store.claimDue("a", T0, LEASE, 10);

            assertThat(claimed).hasSize(2).allSatisfy(p -> {
                assertThat(p.post()).isEqualTo(key("now"));
                assertThat(p.status()).isEqualTo(PublicationStatus.PUBLISHING);
                assertThat(p.lease().orElseThrow().owner()).isEqualTo("a");
                assertThat(p.lease().orElseThrow().expiresAt()).isEqualTo(T0.plus(LEASE));
            });
            assertThat(claimed.stream().map(p -> p.lease().orElseThrow().token()).distinct()).hasSize(2);
            assertThat(store.nextClaimableAt()).contains(T0.plusSeconds(60));
        }

        @Test
        @DisplayName("the first claim moves the post to PUBLISHING, recorded with the instance as actor")
        void claimMovesPost() {
            ScheduledPost before = Samples.scheduled(store, "p1", T0);

            store.claimDue("instance-a", T0, LEASE, 1);

            ScheduledPost after = store.find(key("p1")).orElseThrow();
            assertThat(after.state()).isEqualTo(PostState.PUBLISHING);
            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(after.lastTransition().orElseThrow()).satisfies(t -> {
                assertThat(t.action()).isEqualTo(PostAction.DISPATCH);
                assertThat(t.actor()).isEqualTo("instance-a");
                assertThat(t.at()).isEqualTo(T0);
            });
        }

        @Test
        @DisplayName("a leased publication is not claimed again before its lease expires")
        void leasedNotClaimedTwice() {
            Samples.scheduled(store, "p1", T0);
            store.claimDue("a", T0, LEASE, 10);

            assertThat(store.claimDue("b", T0.plus(LEASE).minusMillis(1), LEASE, 10)).isEmpty();
        }

        @Test
        @DisplayName("an expired lease is taken over, marked outcome unknown, and the old token stops working")
        void takeover() {
            Samples.scheduled(store, "p1", T0);
            Publication first = store.claimDue("a", T0, LEASE, 1).get(0);
            String oldToken = first.lease().orElseThrow().token();

            List<Publication> taken = store.claimDue("b", T0.plus(LEASE), LEASE, 10);

            Publication again = taken.stream().filter(p -> p.idempotencyKey().equals(first.idempotencyKey()))
                    .findFirst().orElseThrow();
            assertThat(again.outcomeUnknown()).isTrue();
            assertThat(again.lease().orElseThrow().owner()).isEqualTo("b");
            assertThat(again.idempotencyKey()).isEqualTo(first.idempotencyKey());
            assertThat(store.complete(first.idempotencyKey(), oldToken, new Outcome.Published(published(first)),
                    T0.plus(LEASE))).isFalse();
            assertThat(store.renew(first.idempotencyKey(), oldToken, T0.plus(LEASE).plus(LEASE), T0.plus(LEASE)))
                    .isFalse();
        }

        @Test
        @DisplayName("a lease is renewed only by its holder and only before it expires")
        void renew() {
            Samples.scheduled(store, "p1", T0);
            Publication p = store.claimDue("a", T0, LEASE, 1).get(0);
            String token = p.lease().orElseThrow().token();

            assertThat(store.renew(p.idempotencyKey(), "not-the-token", T0.plus(LEASE).plus(LEASE), T0)).isFalse();
            assertThat(store.renew(p.idempotencyKey(), token, T0.plus(LEASE).plus(LEASE), T0.plusSeconds(1))).isTrue();
            assertThat(store.claimDue("b", T0.plus(LEASE), LEASE, 10))
                    .noneMatch(q -> q.idempotencyKey().equals(p.idempotencyKey()));
            assertThat(store.renew(p.idempotencyKey(), token, T0.plus(Duration.ofDays(1)), T0.plus(LEASE).plus(LEASE)))
                    .isFalse();
        }

        @Test
        @DisplayName("concurrent claimers never receive the same publication")
        void concurrentClaims() throws Exception {
            for (int i = 0; i < 300; i++) {
                Samples.scheduled(store, "p" + i, T0);
            }
            int claimers = 4;
            ExecutorService pool = Executors.newFixedThreadPool(claimers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < claimers; c++) {
                String owner = "i" + c;
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> mine = new ArrayList<>();
                    List<Publication> batch;
                    do {
                        batch = store.claimDue(owner, T0, LEASE, 7);
                        batch.forEach(p -> mine.add(p.idempotencyKey()));
                    } while (!batch.isEmpty());
                    return mine;
                }));
            }
            start.countDown();
            List<String> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<String>> f : results) {
                all.addAll(f.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(all).hasSize(600);
            assertThat(new HashSet<>(all)).hasSize(600);
        }
    }

    @Nested
    @DisplayName("completion")
    class Completing {

        private Publication claim(Set<String> tokens) {
            Publication p = store.claimDue("a", T0, LEASE, 1).get(0);
            tokens.add(p.lease().orElseThrow().token());
            return p;
        }

        @Test
        @DisplayName("the holder records a publication; when the last one is out the post is PUBLISHED")
        void publishedCompletesPost() {
            Samples.scheduled(store, "p1", T0);
            List<Publication> both = store.claimDue("a", T0, LEASE, 10);

            Publication first = both.get(0);
            assertThat(store.complete(first.idempotencyKey(), first.lease().orElseThrow().token(),
                    new Outcome.Published(published(first)), T0.plusSeconds(1))).isTrue();
            assertThat(store.find(key("p1")).orElseThrow().state()).isEqualTo(PostState.PUBLISHING);

            Publication second = both.get(1);
            store.complete(second.idempotencyKey(), second.lease().orElseThrow().token(),
                    new Outcome.Published(published(second)), T0.plusSeconds(2));

            ScheduledPost post = store.find(key("p1")).orElseThrow();
            assertThat(post.state()).isEqualTo(PostState.PUBLISHED);
            assertThat(post.lastTransition().orElseThrow().action()).isEqualTo(PostAction.COMPLETE);
            assertThat(post.lastTransition().orElseThrow().at()).isEqualTo(T0.plusSeconds(2));
            assertThat(store.publications(key("p1"))).allSatisfy(p -> {
                assertThat(p.status()).isEqualTo(PublicationStatus.PUBLISHED);
                assertThat(p.lease()).isEmpty();
                assertThat(p.published()).isPresent();
            });
            assertThat(store.nextClaimableAt()).isEmpty();
        }

        @Test
        @DisplayName("a requeued publication waits for its new due time with the attempts given")
        void requeued() {
            Samples.scheduled(store, "p1", T0);
            Publication p = claim(new HashSet<>());

            store.complete(p.idempotencyKey(), p.lease().orElseThrow().token(),
                    new Outcome.Requeued(T0.plusSeconds(30), 1, Optional.of("timeout")), T0);

            Publication stored = store.publication(p.idempotencyKey()).orElseThrow();
            assertThat(stored.status()).isEqualTo(PublicationStatus.PENDING);
            assertThat(stored.attempts()).isEqualTo(1);
            assertThat(stored.lastError()).contains("timeout");
            assertThat(store.claimDue("b", T0.plusSeconds(29), LEASE, 10))
                    .noneMatch(q -> q.idempotencyKey().equals(p.idempotencyKey()));
            assertThat(store.claimDue("b", T0.plusSeconds(30), LEASE, 10))
                    .anyMatch(q -> q.idempotencyKey().equals(p.idempotencyKey()));
        }

        @Test
        @DisplayName("when every publication ended and one failed, the post is FAILED with the reasons")
        void failedCompletesPost() {
            Samples.scheduled(store, "p1", T0);
            for (Publication p : store.claimDue("a", T0, LEASE, 10)) {
                Outcome outcome = p.account().equals(MASTODON)
                        ? new Outcome.Published(published(p)) : new Outcome.Failed("Text too long");
                store.complete(p.idempotencyKey(), p.lease().orElseThrow().token(), outcome, T0);
            }

            ScheduledPost post = store.find(key("p1")).orElseThrow();
            assertThat(post.state()).isEqualTo(PostState.FAILED);
            assertThat(post.lastTransition().orElseThrow().comment().orElseThrow())
                    .contains(BLUESKY.toString()).contains("Text too long");
        }

        @Test
        @DisplayName("a publication needing a check keeps the post PUBLISHING until a person resolves it")
        void needsCheckThenResolve() {
            Samples.scheduled(store, "p1", T0);
            for (Publication p : store.claimDue("a", T0, LEASE, 10)) {
                Outcome outcome = p.account().equals(MASTODON)
                        ? new Outcome.Published(published(p)) : new Outcome.NeedsCheck("outcome unknown");
                store.complete(p.idempotencyKey(), p.lease().orElseThrow().token(), outcome, T0);
            }
            assertThat(store.find(key("p1")).orElseThrow().state()).isEqualTo(PostState.PUBLISHING);
            Publication unsure = store.publications(key("p1")).stream()
                    .filter(p -> p.status() == PublicationStatus.NEEDS_CHECK).findFirst().orElseThrow();
            assertThat(store.claimDue("b", T0.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();

            assertThat(store.resolve(unsure.idempotencyKey(), "lea", new Outcome.Published(published(unsure)),
                    T0.plusSeconds(60))).isTrue();

            ScheduledPost post = store.find(key("p1")).orElseThrow();
            assertThat(post.state()).isEqualTo(PostState.PUBLISHED);
            assertThat(post.lastTransition().orElseThrow().actor()).isEqualTo("lea");
            assertThat(post.lastTransition().orElseThrow().action()).isEqualTo(PostAction.RESOLVE);
            assertThat(store.resolve(unsure.idempotencyKey(), "lea", new Outcome.Failed("x"), T0)).isFalse();
        }

        @Test
        @DisplayName("a completion with a token that is not the lease's changes nothing")
        void wrongToken() {
            Samples.scheduled(store, "p1", T0);
            Publication p = claim(new HashSet<>());

            assertThat(store.complete(p.idempotencyKey(), "forged", new Outcome.Failed("no"), T0)).isFalse();
            assertThat(store.publication(p.idempotencyKey())).contains(p);
        }

        @Test
        @DisplayName("a rescheduled post keeps its published publications and replaces the rest")
        void rescheduleKeepsPublished() {
            Samples.scheduled(store, "p1", T0);
            for (Publication p : store.claimDue("a", T0, LEASE, 10)) {
                Outcome outcome = p.account().equals(MASTODON)
                        ? new Outcome.Published(published(p)) : new Outcome.Failed("down");
                store.complete(p.idempotencyKey(), p.lease().orElseThrow().token(), outcome, T0);
            }
            ScheduledPost failed = store.find(key("p1")).orElseThrow();
            Instant later = T0.plusSeconds(3600);

            store.update(failed.transition(PostAction.SCHEDULE, PostState.SCHEDULED, "lea", T0, Optional.empty()),
                    failed.version(), Optional.of(List.of(Publication.pending(failed.key(), BLUESKY,
                            failed.post().variantFor(BLUESKY.platform()).orElseThrow(), later, T0))));

            assertThat(store.publications(key("p1"))).extracting(Publication::account, Publication::status)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(MASTODON, PublicationStatus.PUBLISHED),
                            org.assertj.core.groups.Tuple.tuple(BLUESKY, PublicationStatus.PENDING));
        }
    }

    @Nested
    @DisplayName("history")
    class History {

        @Test
        @DisplayName("a post failed, rescheduled and published keeps its whole history in order: who, when, comments")
        void acrossTwoPublishingCycles() {
            ScheduledPost scheduled = Samples.scheduled(store, "p1", T0);
            for (Publication p : store.claimDue("instance-a", T0, LEASE, 10)) {
                Outcome outcome = p.account().equals(MASTODON)
                        ? new Outcome.Published(published(p)) : new Outcome.Failed("service down");
                store.complete(p.idempotencyKey(), p.lease().orElseThrow().token(), outcome, T0.plusSeconds(1));
            }
            ScheduledPost failed = store.find(key("p1")).orElseThrow();
            assertThat(failed.state()).isEqualTo(PostState.FAILED);
            String reasons = failed.lastTransition().orElseThrow().comment().orElseThrow();
            assertThat(reasons).contains(BLUESKY.toString()).contains("service down");
            Instant later = T0.plusSeconds(3600);
            ScheduledPost rescheduled = store.update(failed.transition(PostAction.SCHEDULE, PostState.SCHEDULED, "lea",
                    T0.plusMillis(10_500), Optional.empty()), failed.version(), Optional.of(List.of(Publication.pending(
                    failed.key(), BLUESKY, failed.post().variantFor(BLUESKY.platform()).orElseThrow(), later, T0))));
            assertThat(store.find(key("p1"))).contains(rescheduled);
            for (Publication p : store.claimDue("instance-b", later, LEASE, 10)) {
                store.complete(p.idempotencyKey(), p.lease().orElseThrow().token(), new Outcome.Published(published(p)),
                        later.plusNanos(1_500));
            }

            ScheduledPost done = store.find(key("p1")).orElseThrow();
            List<Transition> expected = new ArrayList<>(scheduled.history());
            expected.add(new Transition(PostAction.DISPATCH, Optional.of(PostState.SCHEDULED), PostState.PUBLISHING,
                    "instance-a", T0, Optional.empty()));
            expected.add(new Transition(PostAction.COMPLETE, Optional.of(PostState.PUBLISHING), PostState.FAILED,
                    "instance-a", T0.plusSeconds(1), Optional.of(reasons)));
            expected.add(new Transition(PostAction.SCHEDULE, Optional.of(PostState.FAILED), PostState.SCHEDULED,
                    "lea", T0.plusMillis(10_500), Optional.empty()));
            expected.add(new Transition(PostAction.DISPATCH, Optional.of(PostState.SCHEDULED), PostState.PUBLISHING,
                    "instance-b", later, Optional.empty()));
            expected.add(new Transition(PostAction.COMPLETE, Optional.of(PostState.PUBLISHING), PostState.PUBLISHED,
                    "instance-b", later.plusNanos(1_500), Optional.empty()));
            assertThat(done.state()).isEqualTo(PostState.PUBLISHED);
            assertThat(done.history()).containsExactlyElementsOf(expected);
            assertThat(store.findByState(PostState.PUBLISHED)).containsExactly(done);
        }

        @Test
        @DisplayName("an update that rewrites the history replaces all of it, the scheduler's transitions included")
        void rewrittenHistoryReplacesTheSchedulersToo() {
            Samples.scheduled(store, "p1", T0);
            for (Publication p : store.claimDue("instance-a", T0, LEASE, 10)) {
                store.complete(p.idempotencyKey(), p.lease().orElseThrow().token(), new Outcome.Failed("down"), T0);
            }
            ScheduledPost failed = store.find(key("p1")).orElseThrow();
            ScheduledPost shorter = new ScheduledPost(failed.post(), failed.accounts(), PostState.FAILED,
                    failed.scheduledAt(), failed.history().subList(0, 1), failed.version(), failed.options());

            ScheduledPost stored = store.update(shorter, failed.version(), Optional.empty());

            assertThat(store.find(key("p1"))).contains(stored);
            assertThat(store.find(key("p1")).orElseThrow().history()).containsExactly(failed.history().get(0));
        }
    }

    @Nested
    @DisplayName("batched completion")
    class BatchedCompletion {

        private Completion done(Publication p, Outcome outcome) {
            return new Completion(p.idempotencyKey(), p.lease().orElseThrow().token(), outcome);
        }

        @Test
        @DisplayName("a claimed batch's outcomes are recorded together, each as complete() records it, and a post "
                + "completes once its last publication ended")
        void recordsEachAsComplete() {
            Samples.scheduled(store, "p1", T0);
            Samples.scheduled(store, "p2", T0);
            List<Publication> claimed = store.claimDue("instance-a", T0, LEASE, 10);
            assertThat(claimed).hasSize(4);
            List<Completion> batch = new ArrayList<>();
            Map<String, Publication> expected = new HashMap<>();
            Instant now = T0.plusSeconds(5);
            for (Publication p : claimed) {
                Outcome outcome;
                if (p.post().equals(key("p1"))) {
                    outcome = new Outcome.Published(published(p));
                } else if (p.account().equals(MASTODON)) {
                    outcome = new Outcome.Requeued(T0.plusSeconds(90), 1, Optional.of("timeout"));
                } else {
                    outcome = new Outcome.NeedsCheck("connection reset after sending");
                }
                batch.add(done(p, outcome));
                expected.put(p.idempotencyKey(), p.apply(outcome, now));
            }

            assertThat(store.completeAll(batch, now)).containsExactly(true, true, true, true);

            for (Publication p : claimed) {
                assertThat(store.publication(p.idempotencyKey())).contains(expected.get(p.idempotencyKey()));
            }
            ScheduledPost p1 = store.find(key("p1")).orElseThrow();
            assertThat(p1.state()).isEqualTo(PostState.PUBLISHED);
            assertThat(p1.history()).filteredOn(t -> t.action() == PostAction.COMPLETE).singleElement()
                    .satisfies(t -> {
                        assertThat(t.actor()).isEqualTo("instance-a");
                        assertThat(t.at()).isEqualTo(now);
                        assertThat(t.from()).contains(PostState.PUBLISHING);
                    });
            assertThat(store.find(key("p2")).orElseThrow().state()).isEqualTo(PostState.PUBLISHING);
            assertThat(store.nextClaimableAt()).contains(T0.plusSeconds(90));
        }

        @Test
        @DisplayName("a completion whose lease is not held is refused on its own, and the rest of the batch is recorded")
        void lostLeaseRefusedAlone() {
            Samples.scheduled(store, "p1", T0);
            Samples.scheduled(store, "p2", T0);
            Publication first = store.claimDue("a", T0, LEASE, 1).get(0);
            List<Publication> rest = store.claimDue("a", T0.plusSeconds(1), LEASE, 10);
            assertThat(rest).hasSize(3);
            // The first lease expires and instance b takes it over before a records its batch.
            Publication takenOver = store.claimDue("b", T0.plus(LEASE), LEASE, 10).get(0);
            assertThat(takenOver.idempotencyKey()).isEqualTo(first.idempotencyKey());
            List<Completion> batch = new ArrayList<>();
            batch.add(done(first, new Outcome.Published(published(first))));
            batch.add(new Completion(rest.get(0).idempotencyKey(), "forged", new Outcome.Failed("no")));
            batch.add(done(rest.get(1), new Outcome.Published(published(rest.get(1)))));
            batch.add(done(rest.get(2), new Outcome.Published(published(rest.get(2)))));

            assertThat(store.completeAll(batch, T0.plus(LEASE))).containsExactly(false, false, true, true);

            assertThat(store.publication(first.idempotencyKey())).contains(takenOver);
            assertThat(store.publication(rest.get(0).idempotencyKey())).contains(rest.get(0));
            assertThat(store.publication(rest.get(1).idempotencyKey()).orElseThrow().status())
                    .isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(store.publication(rest.get(2).idempotencyKey()).orElseThrow().status())
                    .isEqualTo(PublicationStatus.PUBLISHED);
        }

        @Test
        @DisplayName("the same publication twice in one batch is refused, naming it, and nothing changes")
        void sameKeyTwiceRefused() {
            Samples.scheduled(store, "p1", T0);
            List<Publication> claimed = store.claimDue("a", T0, LEASE, 10);
            Publication p = claimed.get(0);
            List<Completion> batch = List.of(done(p, new Outcome.Published(published(p))),
                    done(claimed.get(1), new Outcome.Published(published(claimed.get(1)))),
                    done(p, new Outcome.Failed("twice")));

            assertThatThrownBy(() -> store.completeAll(batch, T0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("completions[2]").hasMessageContaining(p.idempotencyKey());

            assertThat(store.publications(key("p1"))).containsExactlyInAnyOrderElementsOf(claimed);
            assertThat(store.find(key("p1")).orElseThrow().state()).isEqualTo(PostState.PUBLISHING);
        }

        @Test
        @DisplayName("an empty batch records nothing and answers nothing")
        void emptyBatch() {
            Samples.scheduled(store, "p1", T0);

            assertThat(store.completeAll(List.of(), T0)).isEmpty();
            assertThat(store.find(key("p1")).orElseThrow().state()).isEqualTo(PostState.SCHEDULED);
        }
    }

    @Nested
    @DisplayName("replies")
    class Replies {

        private final ReplyTarget.Parent thread = new ReplyTarget.Parent(
                List.of("live:launch:T+0:mastodon:cafe", "live:launch:T-1h:mastodon:cafe"), ReplyTarget.GapRule.BRIDGE);
        private final ReplyTarget.ExistingPost toPost = new ReplyTarget.ExistingPost(new PostRef(
                io.cmkit.core.model.Platform.BLUESKY, "at://did:plc:abc/app.bsky.feed.post/3k", Optional.of("bafyrei"),
                Optional.of(java.net.URI.create("https://bsky.app/profile/cafe/post/3k"))));

        private ScheduledPost scheduledWithReplies(String id) {
            ScheduledPost stored = store.insert(Samples.draft(id));
            java.util.Map<String, PublicationOptions> options = java.util.Map.of(
                    MASTODON.key(), new PublicationOptions(Optional.of("live:launch:T+10m:mastodon:cafe:" + id),
                            Optional.of(thread)),
                    BLUESKY.key(), new PublicationOptions(Optional.empty(), Optional.of(toPost)));
            ScheduledPost next = stored.withOptions(options)
                    .transition(PostAction.SCHEDULE, PostState.SCHEDULED, "lea", T0, Optional.empty())
                    .withScheduledAt(Optional.of(T0));
            List<Publication> pubs = next.accounts().stream()
                    .map(a -> Publication.pending(next.key(), a, next.post().variantFor(a.platform()).orElseThrow(),
                            next.optionsFor(a), T0, T0))
                    .toList();
            return store.update(next, stored.version(), Optional.of(pubs));
        }

        @Test
        @DisplayName("a publication's parent (its chain and gap rule) and a reply to an existing post are stored and read back")
        void replyTargetsPersist() {
            scheduledWithReplies("p1");

            List<Publication> stored = store.publications(key("p1"));

            assertThat(stored).extracting(Publication::account, Publication::replyTo).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(MASTODON, Optional.of(thread)),
                    org.assertj.core.groups.Tuple.tuple(BLUESKY, Optional.of(toPost)));
            assertThat(stored.get(0).idempotencyKey()).isEqualTo("live:launch:T+10m:mastodon:cafe:p1");
            assertThat(store.publication("live:launch:T+10m:mastodon:cafe:p1").orElseThrow().replyTo())
                    .contains(thread);
        }

        @Test
        @DisplayName("the parent stays through claims, requeues, completion and takeovers")
        void replyTargetsSurviveTheLifecycle() {
            scheduledWithReplies("p1");
            List<Publication> claimed = store.claimDue("a", T0, LEASE, 10);
            assertThat(claimed).extracting(Publication::replyTo).containsExactly(Optional.of(thread), Optional.of(toPost));
            Publication mastodon = claimed.get(0);
            store.complete(mastodon.idempotencyKey(), mastodon.lease().orElseThrow().token(),
                    new Outcome.Requeued(T0.plusSeconds(1), 0, Optional.of("waits for its parent")), T0);
            assertThat(store.publication(mastodon.idempotencyKey()).orElseThrow().replyTo()).contains(thread);

            Publication again = store.claimDue("b", T0.plus(LEASE), LEASE, 10).stream()
                    .filter(p -> p.idempotencyKey().equals(mastodon.idempotencyKey())).findFirst().orElseThrow();
            assertThat(again.replyTo()).contains(thread);
            store.complete(again.idempotencyKey(), again.lease().orElseThrow().token(),
                    new Outcome.Published(published(again)), T0.plus(LEASE));
            Publication done = store.publication(again.idempotencyKey()).orElseThrow();
            assertThat(done.status()).isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(done.replyTo()).contains(thread);
            Publication takenOver = store.claimDue("c", T0.plus(LEASE).plus(LEASE), LEASE, 10).get(0);
            assertThat(takenOver.account()).isEqualTo(BLUESKY);
            assertThat(takenOver.outcomeUnknown()).isTrue();
            assertThat(takenOver.replyTo()).contains(toPost);
        }

        @Test
        @DisplayName("a post's publication options are stored with it and kept by later updates")
        void optionsPersist() {
            ScheduledPost scheduled = scheduledWithReplies("p1");

            ScheduledPost found = store.find(key("p1")).orElseThrow();
            assertThat(found).isEqualTo(scheduled);
            assertThat(found.optionsFor(MASTODON).replyTo()).contains(thread);
            assertThat(found.optionsFor(MASTODON).idempotencyKey()).contains("live:launch:T+10m:mastodon:cafe:p1");
            assertThat(found.optionsFor(BLUESKY).replyTo()).contains(toPost);
            store.claimDue("a", T0, LEASE, 10);
            assertThat(store.find(key("p1")).orElseThrow().options()).isEqualTo(scheduled.options());
            assertThat(store.findByState(PostState.PUBLISHING)).singleElement()
                    .satisfies(p -> assertThat(p.options()).isEqualTo(scheduled.options()));
        }

        @Test
        @DisplayName("an idempotency key already used by another post's publication is refused, and nothing changes")
        void keyOfAnotherPostRefused() {
            ScheduledPost first = Samples.scheduled(store, "p1", T0);
            String taken = store.publications(first.key()).get(0).idempotencyKey();
            ScheduledPost second = store.insert(Samples.draft("p2"));
            Publication clash = Publication.pending(second.key(), MASTODON,
                    second.post().variantFor(MASTODON.platform()).orElseThrow(),
                    new PublicationOptions(Optional.of(taken), Optional.empty()), T0, T0);

            assertThatThrownBy(() -> store.update(second, second.version(), Optional.of(List.of(clash))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(taken.substring(0, 10));
            assertThat(store.publication(taken).orElseThrow().post()).isEqualTo(first.key());
            assertThat(store.publications(second.key())).isEmpty();
            assertThat(store.find(second.key()).orElseThrow().version()).isEqualTo(second.version());
        }
    }
}
