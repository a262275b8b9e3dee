package io.cmkit.core.schedule;

import static io.cmkit.core.schedule.LiveShows.START;
import static io.cmkit.core.schedule.Samples.BLUESKY;
import static io.cmkit.core.schedule.Samples.MASTODON;
import static io.cmkit.core.schedule.Samples.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.live.LivePlan;
import io.cmkit.core.live.PlannedPost;
import io.cmkit.core.live.Threading;
import io.cmkit.core.model.Account;
import io.cmkit.core.schedule.ConcurrentDispatchTest.GatedPlatform;
import io.cmkit.core.schedule.event.PostPublished;
import io.cmkit.core.schedule.event.SchedulerEvent;
import io.cmkit.core.spi.Publishing.Idempotency;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

/**
 * {@link Scheduler#dispatchDue()} with batches in a pipeline (one recorded, one sent, one claimed
 * ahead), pushed where it could lose, double or strand a publication: a record failing on the
 * recording thread, a claim ahead failing, a slow batch, {@code close()} in the middle.
 * Synchronised with latches only; each test runs several times.
 */
@DisplayName("dispatchDue's pipelined batches under failures and close()")
class PipelinedDispatchTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Instant DUE = START.minusSeconds(60);
    private static final int RUNS = 5;

    private final MutableClock clock = new MutableClock(START.minus(Duration.ofDays(1)));
    private final ScheduleStore store = ScheduleStore.inMemory();
    private final RecordingStore recording = new RecordingStore(store);
    private final FakePlatform bluesky = new FakePlatform(BLUESKY, Idempotency.LOOKUP, clock);
    private final List<SchedulerEvent> events = new CopyOnWriteArrayList<>();
    private final ExecutorService host = Executors.newFixedThreadPool(2);
    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThreads() {
        host.shutdownNow();
        caller.shutdownNow();
    }

    /** Batches of 2 sent 2 at a time: a post (Mastodon and Bluesky) fills a batch. */
    private Scheduler scheduler(String id, ConnectorLookup connectors, boolean onHost) {
        SchedulerConfig config = SchedulerConfig.custom().leaseDuration(LEASE).randomizationFactor(0).randomSeed(7)
                .batchSize(2).dispatchConcurrency(2).build();
        Scheduler s = onHost ? Scheduler.of(id, recording, connectors, config, clock, host)
                : Scheduler.of(id, recording, connectors, config, clock);
        s.getEventPublisher().onEvent(events::add);
        return s;
    }

    /** Posts p0, p1... due a second apart from {@link #DUE}, each on Mastodon and Bluesky. */
    private void posts(int n) {
        for (int i = 0; i < n; i++) {
            Samples.scheduled(store, "p" + i, DUE.plusSeconds(i));
        }
    }

    private Publication publication(String post, Account account) {
        return store.publication(Publication.keyFor(key(post), account)).orElseThrow();
    }

    private static void assertGivenBack(Publication p) {
        assertThat(p.status()).as(p.idempotencyKey()).isEqualTo(PublicationStatus.PENDING);
        assertThat(p.lease()).as(p.idempotencyKey()).isEmpty();
        assertThat(p.attempts()).as(p.idempotencyKey()).isZero();
    }

    private static boolean threadAlive(String namePrefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith(namePrefix));
    }

    /** Takes the next claim's publications, failing the test if none comes. */
    private List<Publication> nextClaim() throws InterruptedException {
        List<Publication> claimed = recording.claims.poll(30, TimeUnit.SECONDS);
        assertThat(claimed).as("a claim").isNotNull();
        return claimed;
    }

    /**
     * Waits until the store renewed the lease of each of {@code keys}, failing the test if it does not
     * (sooner than a {@link GatedPlatform}'s gate gives up, so that a send does not end the wait).
     */
    private void awaitRenewed(Set<String> keys) throws InterruptedException {
        Set<String> waiting = new HashSet<>(keys);
        while (!waiting.isEmpty()) {
            String renewed = recording.renewed.poll(20, TimeUnit.SECONDS);
            assertThat(renewed).as("leases of %s renewed", waiting).isNotNull();
            waiting.remove(renewed);
        }
    }

    /** A post (Mastodon and Bluesky) due first, then a two-cue live thread on Mastodon; the clock after both. */
    private record OnePostThenAThread(FakePlatform mastodon, LivePlan plan, ConnectorLookup connectors) {
    }

    private OnePostThenAThread onePostThenAThread() {
        FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NATIVE, clock);
        ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
        posts(1);
        LivePlan plan = LiveShows.cues("launch", 2, Threading.THREAD_BRIDGING_GAPS, MASTODON).plan(clock);
        LiveShows.approveAndSchedule(LiveShows.live(store, connectors, clock), plan);
        clock.set(START.plusSeconds(120));
        return new OnePostThenAThread(mastodon, plan, connectors);
    }

    /** After the take-over nothing is lost, the thread went out in order, and every post once. */
    private void assertTakenOverInOrderOnce(OnePostThenAThread given, DispatchReport takeover) {
        assertThat(takeover.lost()).isZero();
        LiveShows.assertPublishedInOrderOnce(List.of(given.plan()), List.of(given.mastodon()));
        assertThat(given.mastodon().createdPerKey()).hasSize(3).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1));
        assertThat(bluesky.createdPerKey()).hasSize(1).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1));
    }

    @RepeatedTest(RUNS)
    @DisplayName("a batch claimed ahead that holds a reply is given back unsent when the record of the batch before "
            + "fails; once taken over, the thread goes out in order, once")
    void replyBatchGivenBackWhenTheRecordBeforeFails() {
        OnePostThenAThread given = onePostThenAThread();
        FakePlatform mastodon = given.mastodon();
        LivePlan plan = given.plan();
        Scheduler scheduler = scheduler("reply-ahead", given.connectors(), false);
        recording.failNextBatch(new IllegalStateException("database unreachable"));

        // Batch 1 (p0) is sent, then recorded on the recording thread, which fails; batch 2 (the
        // thread's two cues, claimed meanwhile) waits for that record before it is sent.
        assertThatThrownBy(scheduler::dispatchDue).isInstanceOf(IllegalStateException.class)
                .hasMessage("database unreachable");

        assertThat(publication("p0", MASTODON).status()).isEqualTo(PublicationStatus.PUBLISHING);
        List<String> cues = plan.on(MASTODON).stream().map(PlannedPost::key).toList();
        cues.forEach(k -> assertGivenBack(store.publication(k).orElseThrow()));
        assertThat(mastodon.calls()).hasSize(1);
        assertThat(events).isEmpty();

        clock.advance(LEASE.plusSeconds(1));
        DispatchReport takeover = scheduler.dispatchDue();

        assertThat(takeover.published()).isEqualTo(4);
        assertTakenOverInOrderOnce(given, takeover);
        assertThat(events).hasSize(4).allSatisfy(e -> assertThat(e).isInstanceOf(PostPublished.class));
        scheduler.close();
    }

    @RepeatedTest(RUNS)
    @DisplayName("a store that throws one exception instance for the record and again for the give-back: the caller "
            + "gets that exception, not 'Self-suppression not permitted'; the leases are taken over later, each post once")
    void sameExceptionTwice() {
        OnePostThenAThread given = onePostThenAThread();
        Scheduler scheduler = scheduler("same-exception", given.connectors(), false);
        IllegalStateException down = new IllegalStateException("database unreachable");
        recording.failEveryBatch(down);

        assertThatThrownBy(scheduler::dispatchDue).isSameAs(down);
        assertThat(events).isEmpty();

        recording.failEveryBatch(null);
        clock.advance(LEASE.plusSeconds(1));
        DispatchReport takeover = scheduler.dispatchDue();

        assertTakenOverInOrderOnce(given, takeover);
        scheduler.close();
    }

    @RepeatedTest(RUNS)
    @DisplayName("when the claim ahead fails, the batch being sent is still recorded with its events, nothing is "
            + "left leased, and the failure is thrown; the next dispatch publishes the rest once")
    void claimAheadFails() {
        FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NATIVE, clock);
        ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
        posts(3);
        clock.set(START);
        Scheduler scheduler = scheduler("claim-fails", connectors, false);
        recording.failClaim(2, new IllegalStateException("database unreachable during the claim"));

        assertThatThrownBy(scheduler::dispatchDue).isInstanceOf(IllegalStateException.class)
                .hasMessage("database unreachable during the claim");

        assertThat(publication("p0", MASTODON).status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(publication("p0", BLUESKY).status()).isEqualTo(PublicationStatus.PUBLISHED);
        for (String post : List.of("p1", "p2")) {
            assertGivenBack(publication(post, MASTODON));
            assertGivenBack(publication(post, BLUESKY));
        }
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(PostPublished.class));

        DispatchReport rest = scheduler.dispatchDue();

        assertThat(rest.published()).isEqualTo(4);
        assertThat(mastodon.createdPerKey()).hasSize(3).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1));
        assertThat(bluesky.createdPerKey()).hasSize(3).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1));
        assertThat(events).hasSize(6);
        scheduler.close();
    }

    @RepeatedTest(RUNS)
    @DisplayName("a batch claimed ahead keeps its leases while a batch slower than a lease is sent, then goes out "
            + "once, none lost")
    void claimedAheadKeepsItsLeases() throws Exception {
        GatedPlatform mastodon = new GatedPlatform(new FakePlatform(MASTODON, Idempotency.NATIVE, clock), 1);
        ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
        posts(2);
        clock.set(START);
        Scheduler scheduler = scheduler("slow-batch", connectors, true);
        Future<DispatchReport> run = caller.submit(scheduler::dispatchDue);
        assertThat(nextClaim()).extracting(Publication::idempotencyKey).containsExactlyInAnyOrder(
                publication("p0", MASTODON).idempotencyKey(), publication("p0", BLUESKY).idempotencyKey());
        Set<String> ahead = new HashSet<>(nextClaim().stream().map(Publication::idempotencyKey).toList());
        assertThat(ahead).hasSize(2);
        assertThat(mastodon.arrived.await(30, TimeUnit.SECONDS)).isTrue();

        // p0 on Mastodon hangs for 6 minutes of the clock, more than a lease: the batch claimed
        // ahead (p1) must keep its claims meanwhile.
        clock.advance(Duration.ofMinutes(3));
        awaitRenewed(ahead);
        clock.advance(Duration.ofMinutes(3));
        awaitRenewed(ahead);
        mastodon.open.countDown();
        DispatchReport report = run.get(30, TimeUnit.SECONDS);

        assertThat(report.claimed()).isEqualTo(4);
        assertThat(report.published()).isEqualTo(4);
        assertThat(report.lost()).isZero();
        assertThat(mastodon.platform.createdPerKey()).hasSize(2).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1));
        assertThat(bluesky.createdPerKey()).hasSize(2).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1));
        assertThat(store.findByState(PostState.PUBLISHED)).hasSize(2);
        assertThat(events).hasSize(4).allSatisfy(e -> assertThat(e).isInstanceOf(PostPublished.class));
        scheduler.close();
    }

    @RepeatedTest(RUNS)
    @DisplayName("close() while a batch is sent on the host's executor: the batch claimed ahead is given back, and "
            + "no recording thread is left running")
    void closeWhileSendingOnTheHostsExecutor() throws Exception {
        GatedPlatform mastodon = new GatedPlatform(new FakePlatform(MASTODON, Idempotency.NATIVE, clock), 1);
        GatedPlatform gatedBluesky = new GatedPlatform(bluesky, 1);
        ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, gatedBluesky));
        posts(2);
        clock.set(START);
        Scheduler scheduler = scheduler("close-host", connectors, true);
        Future<DispatchReport> run = caller.submit(scheduler::dispatchDue);
        nextClaim();
        nextClaim(); // p1, claimed ahead
        assertThat(mastodon.arrived.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(gatedBluesky.arrived.await(30, TimeUnit.SECONDS)).isTrue();

        scheduler.close(); // nothing of its own runs yet: returns at once
        mastodon.open.countDown();
        gatedBluesky.open.countDown();
        DispatchReport report = run.get(30, TimeUnit.SECONDS);

        assertThat(report.published()).isEqualTo(2);
        assertThat(report.released()).isEqualTo(2);
        assertThat(publication("p0", MASTODON).status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(publication("p0", BLUESKY).status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertGivenBack(publication("p1", MASTODON));
        assertGivenBack(publication("p1", BLUESKY));
        assertThat(mastodon.platform.calls()).hasSize(1);
        assertThat(threadAlive("cmkit-record-close-host")).as("a recording thread made after close()").isFalse();
    }

    @RepeatedTest(RUNS)
    @DisplayName("close() during the first claim: the batch is given back unsent, and no dispatch pool nor "
            + "recording thread is left running")
    void closeDuringTheFirstClaim() throws Exception {
        FakePlatform mastodon = new FakePlatform(MASTODON, Idempotency.NATIVE, clock);
        ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
        posts(2);
        clock.set(START);
        Scheduler scheduler = scheduler("close-claim", connectors, false);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        recording.holdNextClaim(held, released);
        Future<DispatchReport> run = caller.submit(scheduler::dispatchDue);
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        scheduler.close(); // nothing of its own runs yet: returns at once
        released.countDown();
        DispatchReport report = run.get(30, TimeUnit.SECONDS);

        assertThat(report.claimed()).isEqualTo(2);
        assertThat(report.released()).isEqualTo(2);
        assertThat(report.published()).isZero();
        assertThat(mastodon.calls()).isEmpty();
        assertThat(bluesky.calls()).isEmpty();
        assertGivenBack(publication("p0", MASTODON));
        assertGivenBack(publication("p0", BLUESKY));
        assertThat(publication("p1", MASTODON).lease()).as("never claimed").isEmpty();
        assertThat(threadAlive("cmkit-dispatch-close-claim")).as("a dispatch pool made after close()").isFalse();
        assertThat(threadAlive("cmkit-record-close-claim")).as("a recording thread made after close()").isFalse();
        assertThat(events).isEmpty();
    }
}
