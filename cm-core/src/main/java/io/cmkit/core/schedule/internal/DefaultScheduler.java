package io.cmkit.core.schedule.internal;

import io.cmkit.core.model.Account;
import io.cmkit.core.schedule.Completion;
import io.cmkit.core.schedule.ConnectorLookup;
import io.cmkit.core.schedule.DispatchReport;
import io.cmkit.core.schedule.Lease;
import io.cmkit.core.schedule.Outcome;
import io.cmkit.core.schedule.Publication;
import io.cmkit.core.schedule.PublicationStatus;
import io.cmkit.core.schedule.ReplyTarget;
import io.cmkit.core.schedule.ScheduleStore;
import io.cmkit.core.schedule.Scheduler;
import io.cmkit.core.schedule.SchedulerConfig;
import io.cmkit.core.schedule.event.PostPublished;
import io.cmkit.core.schedule.event.PublicationDeferred;
import io.cmkit.core.schedule.event.PublicationFailed;
import io.cmkit.core.schedule.event.PublicationNeedsCheck;
import io.cmkit.core.schedule.event.PublicationRetried;
import io.cmkit.core.schedule.event.SchedulerEventPublisher;
import io.cmkit.core.spi.AuthenticationException;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.spi.RateLimitedException;
import io.cmkit.core.spi.RejectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Scheduler}: claim a batch, publish each under its lease, record the batch's outcomes
 * together, then publish each recorded one's event.
 *
 * <p>With {@link SchedulerConfig#dispatchConcurrency()} above 1 the batch is cut into lanes (a
 * publication and the ones of the batch replying to it, in batch order) sent by that many workers at
 * once; the thread running the batch meanwhile renews the leases of publications not yet recorded.
 */
public final class DefaultScheduler implements Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultScheduler.class);
    /** How long the lanes of a batch may wait for a worker before one more is started. */
    private static final long RAMP_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String instanceId;
    private final ScheduleStore store;
    private final ConnectorLookup connectors;
    private final SchedulerConfig config;
    private final Clock clock;
    private final SchedulerEvents events = new SchedulerEvents();
    private final Random random;
    /** Half the lease: an outcome is recorded, and a lease renewed, before less than this is left. */
    private final Duration halfLease;
    private final Object lifecycle = new Object();
    private volatile boolean closing;
    private ScheduledExecutorService executor;
    /** The host's executor for concurrent sends, or null when the scheduler owns one. */
    private final Executor hostDispatchExecutor;
    private ExecutorService ownDispatchExecutor;
    /** Records a full batch while the next one is claimed and sent ({@link #dispatchDue()}); created at first use. */
    private ExecutorService recordingExecutor;
    /** Held while outcomes are recorded and their events published: one record at a time per instance. */
    private final Object recordLock = new Object();

    public DefaultScheduler(String instanceId, ScheduleStore store, ConnectorLookup connectors, SchedulerConfig config,
                            Clock clock) {
        this(instanceId, store, connectors, config, clock, null);
    }

    /** {@code dispatchExecutor} the host's executor for concurrent sends, or null for one the scheduler owns. */
    public DefaultScheduler(String instanceId, ScheduleStore store, ConnectorLookup connectors, SchedulerConfig config,
                            Clock clock, Executor dispatchExecutor) {
        this.hostDispatchExecutor = dispatchExecutor;
        Objects.requireNonNull(instanceId, "instanceId");
        if (instanceId.isBlank()) {
            throw new IllegalArgumentException("a scheduler instance needs a non-blank id");
        }
        this.instanceId = instanceId.strip();
        this.store = Objects.requireNonNull(store, "store");
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.halfLease = config.leaseDuration().dividedBy(2);
        this.random = config.randomSeed().isPresent() ? new Random(config.randomSeed().getAsLong()) : new Random();
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public SchedulerConfig config() {
        return config;
    }

    @Override
    public SchedulerEventPublisher getEventPublisher() {
        return events;
    }

    @Override
    public DispatchReport runOnce() {
        if (closing) {
            return DispatchReport.EMPTY;
        }
        List<Publication> batch = store.claimDue(instanceId, clock.instant(), config.leaseDuration(),
                config.batchSize());
        Tally tally = new Tally(batch);
        recordAndThrow(tally, send(batch, tally));
        return tally.report();
    }

    /**
     * Runs {@link #runOnce()} while batches come back full. With {@code dispatchConcurrency} above 1
     * the batches overlap by one step: the outcomes of a batch are recorded on the scheduler's
     * recording thread while the next batch is claimed and sent, and that next batch is recorded
     * only once the one before is (so at most one batch waits to be recorded, and events keep their
     * order). A batch holding a reply to another publication waits for the record before it is sent,
     * so that the reply sees its parent as it stands. Returns once every batch is recorded.
     */
    @Override
    public DispatchReport dispatchDue() {
        if (config.dispatchConcurrency() == 1) {
            DispatchReport total = DispatchReport.EMPTY;
            DispatchReport last;
            do {
                last = runOnce();
                total = total.plus(last);
            } while (last.claimed() == config.batchSize() && !closing);
            return total;
        }
        DispatchReport total = DispatchReport.EMPTY;
        CompletableFuture<DispatchReport> recording = null; // the batch before, being recorded
        if (closing) {
            return total;
        }
        Tally tally = new Tally(claim());
        while (true) {
            List<Publication> batch = tally.batch;
            if (recording != null && batch.stream().anyMatch(p -> p.replyTo().orElse(null) instanceof ReplyTarget.Parent)) {
                try {
                    total = total.plus(await(recording, tally, null));
                } catch (RuntimeException e) {
                    giveBack(tally, e); // claimed ahead, not sent
                    throw e;
                }
                recording = null;
            }
            boolean more = batch.size() == config.batchSize();
            List<Tally> next = new ArrayList<>(1);
            RuntimeException failure;
            Tally sending = tally;
            try {
                // While the batch is being sent, the next one is claimed on this thread (when this one was full),
                // and its leases are renewed with the batch's own while the sends are in flight.
                failure = send(batch, tally, () -> {
                    if (more && !closing) {
                        next.add(new Tally(claim()));
                        sending.ahead = next.get(0);
                    }
                });
            } catch (Error e) {
                awaitQuietly(recording, e); // the batch before is recorded, as it would have been before this one
                throw e;
            }
            if (failure != null && !next.isEmpty()) {
                giveBack(next.remove(0), failure);
            }
            if (recording != null) {
                try {
                    total = total.plus(await(recording, tally, failure));
                } catch (RuntimeException e) {
                    if (!next.isEmpty()) {
                        giveBack(next.remove(0), e);
                    }
                    throw e;
                }
                recording = null;
            }
            if (failure != null || next.isEmpty()) {
                recordAndThrow(tally, failure);
                return total.plus(tally.report());
            }
            try {
                recording = CompletableFuture.supplyAsync(() -> {
                    flush(sending);
                    return sending.report();
                }, recordingExecutor());
            } catch (RejectedExecutionException e) { // closed meanwhile: record here
                recordAndThrow(tally, null);
                total = total.plus(tally.report());
            }
            tally = next.get(0);
        }
    }

    /**
     * Gives back, unsent, a batch claimed ahead that will not be sent because {@code failure} stops
     * the dispatch: each becomes due again now, with its attempts, as {@link #close()} does; a failure
     * to record that is added to {@code failure} (the leases then expire and are taken over).
     */
    private void giveBack(Tally tally, RuntimeException failure) {
        tally.batch.forEach(p -> release(p, tally));
        try {
            flush(tally);
        } catch (RuntimeException e) {
            suppress(failure, e);
        }
    }

    private List<Publication> claim() {
        return store.claimDue(instanceId, clock.instant(), config.leaseDuration(), config.batchSize());
    }

    /**
     * The report of the batch being recorded, once it is. If recording failed, records {@code next}
     * (the batch sent meanwhile, if any) as far as the store allows, then throws the failure, with
     * {@code sendFailure} (that batch's own failure, if any) suppressed.
     */
    private DispatchReport await(CompletableFuture<DispatchReport> recording, Tally next, RuntimeException sendFailure) {
        try {
            return recording.join();
        } catch (CompletionException e) {
            RuntimeException failure = e.getCause() instanceof RuntimeException r ? r : e;
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (sendFailure != null) {
                suppress(failure, sendFailure);
            }
            if (next != null) {
                try {
                    flush(next);
                } catch (RuntimeException alsoFailed) {
                    suppress(failure, alsoFailed);
                }
            }
            throw failure;
        }
    }

    /** Waits for the batch being recorded, if any; a failure of it is added to {@code thrown}. */
    private static void awaitQuietly(CompletableFuture<DispatchReport> recording, Throwable thrown) {
        if (recording == null) {
            return;
        }
        try {
            recording.join();
        } catch (CompletionException e) {
            suppress(thrown, e.getCause());
        }
    }

    /**
     * Sends a claimed batch, concurrently when configured, and returns the {@link RuntimeException}
     * that stopped it (null when none did); what it sent is kept in {@code tally}, not yet recorded
     * in full. A worker's {@link Error} is thrown as it is: the instance is dying.
     */
    private RuntimeException send(List<Publication> batch, Tally tally) {
        return send(batch, tally, () -> { });
    }

    /**
     * {@link #send(List, Tally)}, running {@code meanwhile} on this thread while the workers send
     * (after the batch when it is sent here); a failure of {@code meanwhile} is returned like a send's,
     * once the sends in flight are done.
     */
    private RuntimeException send(List<Publication> batch, Tally tally, Runnable meanwhile) {
        if (config.dispatchConcurrency() > 1 && batch.size() > 1) {
            return sendConcurrently(batch, tally, meanwhile);
        }
        try {
            for (Publication publication : batch) {
                handle(publication, tally);
            }
            meanwhile.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Records what {@code tally} kept, then throws {@code failure} if there is one (a record's failure suppressed in it). */
    private void recordAndThrow(Tally tally, RuntimeException failure) {
        try {
            flush(tally); // what was sent before a failure is still recorded
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            suppress(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The scheduler's recording thread, created at first use and shut down by {@link #close()}. */
    private Executor recordingExecutor() {
        synchronized (lifecycle) {
            if (closing) { // one made now would never be shut down: the caller records on its own thread
                throw new RejectedExecutionException("scheduler " + instanceId + " is closed");
            }
            if (recordingExecutor == null) {
                recordingExecutor = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "cmkit-record-" + instanceId);
                    t.setDaemon(true);
                    return t;
                });
            }
            return recordingExecutor;
        }
    }

    private void handle(Publication publication, Tally tally) {
        if (mustRecordBefore(publication, tally)) {
            flush(tally);
        }
        if (closing) {
            release(publication, tally);
        } else {
            dispatch(publication, tally);
        }
    }

    /**
     * Sends the batch's lanes on at most {@code dispatchConcurrency} workers, renewing the open
     * leases while they run; returns a worker's {@link RuntimeException} (null when none failed),
     * which stopped the new sends and let the ones in flight finish. A worker's {@link Error} is the
     * instance dying: nothing more is started nor recorded, and it is thrown.
     *
     * <p>The workers start one at a time: one at once, then one more each {@link #RAMP_STEP_NANOS}
     * while lanes are still waiting. A connector that answers at once (an in-process sandbox) has its
     * batch sent by one or two workers instead of waking {@code dispatchConcurrency} threads that would
     * mostly wait for each other; a slow one (a platform answering in 100 ms) has every worker busy
     * within a few milliseconds.
     */
    private RuntimeException sendConcurrently(List<Publication> batch, Tally tally, Runnable meanwhile) {
        ConcurrentLinkedQueue<List<Publication>> lanes = new ConcurrentLinkedQueue<>(lanes(batch));
        int workers = Math.min(config.dispatchConcurrency(), lanes.size());
        List<CompletableFuture<Void>> running = new ArrayList<>(workers);
        startWorker(lanes, tally, running);
        long lastStart = System.nanoTime();
        RuntimeException meanwhileFailed = null;
        try {
            meanwhile.run();
        } catch (RuntimeException e) {
            meanwhileFailed = e;
        }
        long tick = TimeUnit.MILLISECONDS.toNanos(Math.max(1, Math.min(config.leaseDuration().toMillis() / 4, 1_000)));
        long nextKeep = System.nanoTime() + tick;
        boolean interrupted = false;
        while (true) {
            CompletableFuture<Void> all = CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
            if (all.isDone()) {
                break; // a worker ends when no lane is left, or when one failed
            }
            long now = System.nanoTime();
            boolean ramping = running.size() < workers && tally.failure.get() == null && !lanes.isEmpty();
            if (ramping && now - lastStart >= RAMP_STEP_NANOS) {
                startWorker(lanes, tally, running); // lanes still wait: the sends take time, one more at once
                lastStart = now;
                continue;
            }
            long wait = Math.max(0, nextKeep - now);
            if (ramping) {
                wait = Math.min(wait, RAMP_STEP_NANOS - (now - lastStart));
            }
            try {
                all.get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() - nextKeep >= 0) {
                    nextKeep = System.nanoTime() + tick;
                    if (tally.failure.get() == null) {
                        keepOpenLeases(tally);
                    }
                }
            } catch (ExecutionException e) {
                break; // a worker's failure is kept in tally.failure
            } catch (InterruptedException e) {
                interrupted = true;
                tally.failure.compareAndSet(null, new IllegalStateException(
                        "scheduler " + instanceId + " was interrupted while sending a batch"));
                all.exceptionally(t -> null).join(); // let the sends in flight finish
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable failure = tally.failure.get();
        if (failure instanceof Error error) {
            throw error;
        }
        if (meanwhileFailed != null) {
            if (failure != null) {
                suppress(meanwhileFailed, failure);
            }
            return meanwhileFailed;
        }
        return (RuntimeException) failure;
    }

    /** Starts one more worker on the dispatch executor; when that is shut, sends here. */
    private void startWorker(ConcurrentLinkedQueue<List<Publication>> lanes, Tally tally,
                             List<CompletableFuture<Void>> running) {
        Runnable worker = () -> work(lanes, tally);
        try {
            running.add(CompletableFuture.runAsync(worker, dispatchExecutor()));
        } catch (RejectedExecutionException e) {
            running.add(CompletableFuture.runAsync(worker, Runnable::run)); // executor shut: send here
        }
    }

    /** Takes lanes and sends each in order until none is left or a worker failed. */
    private void work(ConcurrentLinkedQueue<List<Publication>> lanes, Tally tally) {
        try {
            List<Publication> lane;
            while (tally.failure.get() == null && (lane = lanes.poll()) != null) {
                for (Publication p : lane) {
                    if (tally.failure.get() != null) {
                        return; // left claimed: taken over once its lease expires, like a crash's
                    }
                    handle(p, tally);
                }
            }
        } catch (RuntimeException | Error e) {
            if (!tally.failure.compareAndSet(null, e)) {
                suppress(tally.failure.get(), e);
            }
        }
    }

    /**
     * The batch cut into lanes: a publication whose reply chain names another one of the batch is in
     * that one's lane, after it (batch order is kept within a lane), so that a thread is sent in order.
     */
    public static List<List<Publication>> lanes(List<Publication> batch) {
        Map<String, Integer> index = new HashMap<>();
        int[] root = new int[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            index.put(batch.get(i).idempotencyKey(), i);
            root[i] = i;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).replyTo().orElse(null) instanceof ReplyTarget.Parent parent) {
                for (String key : parent.chain()) {
                    Integer j = index.get(key);
                    if (j != null) {
                        root[find(root, i)] = find(root, j);
                    }
                }
            }
        }
        Map<Integer, List<Publication>> lanes = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            lanes.computeIfAbsent(find(root, i), r -> new ArrayList<>()).add(batch.get(i));
        }
        return List.copyOf(lanes.values());
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            root[i] = root[root[i]];
            i = root[i];
        }
        return i;
    }

    /**
     * While sends are in flight: records the kept outcomes when their leases are half gone, and
     * renews the leases, half gone, of the publications not sent yet or still being sent.
     */
    private void keepOpenLeases(Tally tally) {
        if (mustRecordBefore(null, tally)) {
            flush(tally);
        }
        renewOpenLeases(tally);
        if (tally.ahead != null) {
            renewOpenLeases(tally.ahead); // claimed ahead: it waits for these sends, and must not lose its claims
        }
    }

    private void renewOpenLeases(Tally tally) {
        Instant now = clock.instant();
        Duration half = halfLease;
        for (Map.Entry<String, Instant> open : tally.openLeases.entrySet()) {
            if (Duration.between(now, open.getValue()).compareTo(half) >= 0) {
                continue;
            }
            Publication p = tally.claimed.get(open.getKey());
            Instant until = now.plus(config.leaseDuration());
            if (store.renew(p.idempotencyKey(), p.lease().orElseThrow().token(), until, now)) {
                tally.openLeases.replace(open.getKey(), until);
            } else if (tally.openLeases.containsKey(open.getKey())) {
                LOG.warn("{} lost its lease on {} while sending its batch; another instance has it", instanceId,
                        p.idempotencyKey());
            }
        }
    }

    /** The executor of concurrent sends: the host's, or a pool of {@code dispatchConcurrency} daemon threads. */
    private Executor dispatchExecutor() {
        if (hostDispatchExecutor != null) {
            return hostDispatchExecutor;
        }
        synchronized (lifecycle) {
            if (closing) { // one made now would never be shut down: the caller sends on its own thread
                throw new RejectedExecutionException("scheduler " + instanceId + " is closed");
            }
            if (ownDispatchExecutor == null) {
                AtomicInteger n = new AtomicInteger();
                ownDispatchExecutor = Executors.newFixedThreadPool(config.dispatchConcurrency(), r -> {
                    Thread t = new Thread(r, "cmkit-dispatch-" + instanceId + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
            }
            return ownDispatchExecutor;
        }
    }

    private void dispatch(Publication p, Tally tally) {
        String token = p.lease().orElseThrow().token();
        Optional<Connector> connector = connectors.find(p.account());
        if (connector.isEmpty()) {
            fail(p, token, "no connector for account " + p.account() + "; add one, then reschedule the post", tally);
            return;
        }
        Optional<Publishing> publishing = connector.get().publishing();
        if (publishing.isEmpty()) {
            fail(p, token, "the connector for " + p.account() + " cannot publish", tally);
            return;
        }
        if (!keepLease(p, tally)) {
            tally.lost.incrementAndGet();
            return;
        }
        Publishing.Idempotency idempotency = publishing.get().idempotency();
        if (p.outcomeUnknown() && idempotency == Publishing.Idempotency.NONE) {
            needsCheck(p, token, "an earlier attempt by another instance may have published it ("
                    + p.account().platform().displayName()
                    + " cannot be asked and ignores idempotency keys): check the account, then resolve it", tally);
            return;
        }
        Parentage parentage = parentage(p);
        if (parentage instanceof Parentage.Wait wait) {
            waitForParent(p, token, wait, tally);
            return;
        }
        if (parentage instanceof Parentage.Refused refused) {
            fail(p, token, refused.reason(), tally);
            return;
        }
        Optional<PostRef> parent = parentage instanceof Parentage.Reply reply ? Optional.of(reply.ref()) : Optional.empty();
        if (parentage instanceof Parentage.StandAlone alone && alone.why().isPresent()) {
            LOG.info("{}: {}", p.idempotencyKey(), alone.why().get());
        }
        RateLimitedException limited = tally.rateLimited.get(p.account());
        if (limited != null) {
            defer(p, token, limited, tally); // its account is rate limited: no call before the reset
            return;
        }
        try {
            if (idempotency == Publishing.Idempotency.LOOKUP && (p.outcomeUnknown() || p.attempts() > 0)) {
                Optional<PublishedPost> found = publishing.get().findPublished(p.idempotencyKey());
                if (found.isPresent()) {
                    published(p, token, found.get(), true, Optional.empty(), tally);
                    return;
                }
            }
            PublishRequest request = parent.isPresent()
                    ? PublishRequest.reply(p.variant(), p.idempotencyKey(), parent.get())
                    : PublishRequest.now(p.variant(), p.idempotencyKey());
            PublishedPost result = publishing.get().publish(request);
            published(p, token, result, false, parent, tally);
        } catch (RateLimitedException e) {
            tally.rateLimited.putIfAbsent(p.account(), e);
            defer(p, token, e, tally);
        } catch (RejectedException e) {
            fail(p, token, "rejected by " + e.platform().displayName() + ": " + e.reason()
                    + e.code().map(c -> " (" + c + ")").orElse(""), tally);
        } catch (AuthenticationException e) {
            fail(p, token, "credentials for " + p.account() + " refused: " + e.getMessage()
                    + "; renew them, then reschedule the post", tally);
        } catch (ConnectorException e) {
            if (e.isRetryable()) {
                retry(p, token, e.getMessage(), tally);
            } else {
                fail(p, token, e.getMessage(), tally);
            }
        } catch (RuntimeException e) {
            LOG.warn("connector for {} failed unexpectedly publishing {}", p.account(), p.idempotencyKey(), e);
            if (idempotency == Publishing.Idempotency.NONE) {
                needsCheck(p, token, "the connector failed unexpectedly (" + e + "), so it may or may not be on "
                        + p.account().platform().displayName() + ": check the account, then resolve it", tally);
            } else {
                retry(p, token, "connector error: " + e, tally);
            }
        }
    }

    /** Renews the lease when less than half of it is left; false when it is lost. */
    private boolean keepLease(Publication p, Tally tally) {
        Lease lease = p.lease().orElseThrow();
        Instant now = clock.instant();
        Instant expiresAt = tally.openLeases.getOrDefault(p.idempotencyKey(), lease.expiresAt());
        if (Duration.between(now, expiresAt).compareTo(halfLease) >= 0) {
            return true;
        }
        Instant until = now.plus(config.leaseDuration());
        boolean renewed = store.renew(p.idempotencyKey(), lease.token(), until, now);
        if (renewed) {
            tally.openLeases.replace(p.idempotencyKey(), until);
        } else {
            LOG.warn("{} lost its lease on {} before sending it; another instance has it", instanceId,
                    p.idempotencyKey());
        }
        return renewed;
    }

    private void published(Publication p, String token, PublishedPost result, boolean reconciled,
                           Optional<PostRef> inReplyTo, Tally tally) {
        Instant now = clock.instant();
        record(p, token, new Outcome.Published(result), tally, () -> {
            tally.published.incrementAndGet();
            events.publish(new PostPublished(instanceId, now, p.post(), p.account(), p.idempotencyKey(), result,
                    reconciled, inReplyTo));
        });
    }

    /** What a publication replies to, decided when it is due (see {@link ReplyTarget}). */
    private sealed interface Parentage {
        record StandAlone(Optional<String> why) implements Parentage {
        }

        record Reply(PostRef ref) implements Parentage {
        }

        record Wait(Instant until, String reason) implements Parentage {
        }

        record Refused(String reason) implements Parentage {
        }
    }

    /**
     * The parent rules: an existing post is replied to; a parent publication PUBLISHED is replied
     * to; one still open (PENDING, PUBLISHING, NEEDS_CHECK) is waited for; one FAILED or missing from
     * the store is a gap: RESTART goes out stand-alone, BRIDGE looks at the next ancestor the same way.
     */
    private Parentage parentage(Publication p) {
        if (p.replyTo().isEmpty()) {
            return new Parentage.StandAlone(Optional.empty());
        }
        if (p.replyTo().get() instanceof ReplyTarget.ExistingPost existing) {
            return new Parentage.Reply(existing.ref());
        }
        ReplyTarget.Parent target = (ReplyTarget.Parent) p.replyTo().get();
        List<String> gaps = new ArrayList<>();
        for (String key : target.chain()) {
            Optional<Publication> ancestor = store.publication(key);
            if (ancestor.isPresent()) {
                Publication a = ancestor.get();
                switch (a.status()) {
                    case PUBLISHED -> {
                        PostRef ref = a.published().orElseThrow().ref();
                        if (!ref.platform().equals(p.account().platform())) {
                            return new Parentage.Refused("cannot reply on " + p.account().platform().displayName()
                                    + " to " + key + ", which is on " + ref.platform().displayName() + " ("
                                    + ref.id() + "); a thread stays on one account");
                        }
                        if (!gaps.isEmpty()) {
                            LOG.info("{}: {} not published; replying to {} instead", p.idempotencyKey(), gaps, key);
                        }
                        return new Parentage.Reply(ref);
                    }
                    case PENDING, PUBLISHING, NEEDS_CHECK -> {
                        Instant now = clock.instant();
                        Instant until = now.plus(config.parentWait());
                        if (a.status() == PublicationStatus.PENDING && a.dueAt().isAfter(until)) {
                            until = a.dueAt();
                        }
                        String which = key.equals(target.parentKey()) ? "the publication it replies to, " + key
                                : "its ancestor " + key + " (the publications in between were not published: " + gaps + ")";
                        String where = switch (a.status()) {
                            case PENDING -> "still pending (due " + a.dueAt() + ")";
                            case PUBLISHING -> "being published";
                            default -> "waiting for a person to check whether it went out";
                        };
                        return new Parentage.Wait(until, "waits for " + which + ", which is " + where
                                + ", so that the thread keeps its order");
                    }
                    default -> {
                        // FAILED: a gap
                    }
                }
            }
            gaps.add(key + (ancestor.isPresent() ? " (failed)" : " (not in the schedule)"));
            if (target.onGap() == ReplyTarget.GapRule.RESTART) {
                return new Parentage.StandAlone(Optional.of("the publication it replies to, " + gaps.get(0)
                        + ", was not published; it goes out stand-alone and starts a new thread"));
            }
        }
        return new Parentage.StandAlone(Optional.of("none of the publications before it was published (" + gaps
                + "); it goes out stand-alone"));
    }

    private void waitForParent(Publication p, String token, Parentage.Wait wait, Tally tally) {
        Instant now = clock.instant();
        record(p, token, new Outcome.Requeued(wait.until(), p.attempts(), Optional.of(wait.reason())), tally, () -> {
            tally.deferred.incrementAndGet();
            events.publish(new PublicationDeferred(instanceId, now, p.post(), p.account(), p.idempotencyKey(),
                    wait.until(), wait.reason(), PublicationDeferred.Cause.WAITING_FOR_PARENT));
        });
    }

    private void defer(Publication p, String token, RateLimitedException e, Tally tally) {
        Instant now = clock.instant();
        Instant until = e.resetAt().isAfter(now) ? e.resetAt() : now.plus(config.initialBackoff());
        record(p, token, new Outcome.Requeued(until, p.attempts(), Optional.of(e.getMessage())), tally, () -> {
            tally.deferred.incrementAndGet();
            events.publish(new PublicationDeferred(instanceId, now, p.post(), p.account(), p.idempotencyKey(), until,
                    e.getMessage()));
        });
    }

    private void retry(Publication p, String token, String error, Tally tally) {
        int attempts = p.attempts() + 1;
        if (attempts >= config.maxAttempts()) {
            fail(p, token, attempts, "gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                    + "; last error: " + error, tally);
            return;
        }
        Instant now = clock.instant();
        Instant next = now.plus(backoff(attempts));
        record(p, token, new Outcome.Requeued(next, attempts, Optional.of(error)), tally, () -> {
            tally.retried.incrementAndGet();
            events.publish(new PublicationRetried(instanceId, now, p.post(), p.account(), p.idempotencyKey(), attempts,
                    next, error));
        });
    }

    private void fail(Publication p, String token, String reason, Tally tally) {
        fail(p, token, p.attempts(), reason, tally);
    }

    private void fail(Publication p, String token, int attempts, String reason, Tally tally) {
        Instant now = clock.instant();
        record(p, token, new Outcome.Failed(reason, java.util.OptionalInt.of(attempts)), tally, () -> {
            tally.failed.incrementAndGet();
            events.publish(new PublicationFailed(instanceId, now, p.post(), p.account(), p.idempotencyKey(), reason,
                    attempts));
        });
    }

    private void needsCheck(Publication p, String token, String reason, Tally tally) {
        Instant now = clock.instant();
        record(p, token, new Outcome.NeedsCheck(reason), tally, () -> {
            tally.needsCheck.incrementAndGet();
            events.publish(new PublicationNeedsCheck(instanceId, now, p.post(), p.account(), p.idempotencyKey(),
                    reason));
        });
    }

    private void release(Publication p, Tally tally) {
        Instant now = clock.instant();
        record(p, p.lease().orElseThrow().token(), new Outcome.Requeued(now, p.attempts(), p.lastError()), tally,
                () -> tally.released.incrementAndGet());
    }

    /**
     * Keeps an outcome to record with the rest of the batch ({@link #flush}); {@code onRecorded}
     * (the tally and the event) runs once the store has recorded it, and never if it did not.
     */
    private void record(Publication p, String token, Outcome outcome, Tally tally, Runnable onRecorded) {
        Instant expiresAt = tally.openLeases.getOrDefault(p.idempotencyKey(), p.lease().orElseThrow().expiresAt());
        synchronized (tally.unrecorded) {
            tally.unrecorded.add(new Unrecorded(p, new Completion(p.idempotencyKey(), token, outcome), onRecorded));
            if (tally.earliestKept == null || expiresAt.isBefore(tally.earliestKept)) {
                tally.earliestKept = expiresAt;
            }
        }
    }

    /**
     * Whether the outcomes kept so far must be recorded before {@code next} is handled: when it
     * replies to another publication of the store (which may be one of them, so its parent must be
     * seen as it now stands), or when their leases are half gone (a lease must not expire between
     * sending and recording, or another instance would take the publication over and check it again).
     */
    private boolean mustRecordBefore(Publication next, Tally tally) {
        Instant earliest;
        synchronized (tally.unrecorded) {
            if (tally.unrecorded.isEmpty()) {
                return false;
            }
            earliest = tally.earliestKept;
        }
        if (next != null && next.replyTo().orElse(null) instanceof ReplyTarget.Parent) {
            return true;
        }
        // The lease expiry as it was when kept: a renewal since only makes this earlier than needed.
        return Duration.between(clock.instant(), earliest).compareTo(halfLease) < 0;
    }

    /**
     * Records the outcomes kept so far in one call ({@link ScheduleStore#completeAll}: one
     * transaction on the JDBC store), then, for each recorded one, its tally and event: an event
     * always follows the durable record. One whose lease was taken over meanwhile is counted lost.
     */
    private void flush(Tally tally) {
        // One flush at a time per instance: events follow one another, each after its record.
        synchronized (recordLock) {
            List<Unrecorded> kept;
            synchronized (tally.unrecorded) {
                if (tally.unrecorded.isEmpty()) {
                    return;
                }
                kept = List.copyOf(tally.unrecorded);
                tally.unrecorded.clear();
                tally.earliestKept = null;
            }
            flush(kept, tally);
        }
    }

    private void flush(List<Unrecorded> kept, Tally tally) {
        List<Boolean> recorded = store.completeAll(kept.stream().map(Unrecorded::completion).toList(), clock.instant());
        for (int i = 0; i < kept.size(); i++) {
            Unrecorded u = kept.get(i);
            tally.openLeases.remove(u.publication().idempotencyKey());
            if (recorded.get(i)) {
                u.onRecorded().run();
            } else {
                tally.lost.incrementAndGet();
                LOG.warn("{} could not record {} for {}: its lease was taken over; the new holder reconciles it",
                        instanceId, u.completion().outcome().getClass().getSimpleName(), u.publication().idempotencyKey());
            }
        }
    }

    /** An outcome not yet recorded, and what follows its record. */
    private record Unrecorded(Publication publication, Completion completion, Runnable onRecorded) {
    }

    /** The delay before retry {@code retry}: exponential, capped, then spread by the jitter. */
    Duration backoff(int retry) {
        Duration base = config.baseBackoff(retry);
        double factor = config.randomizationFactor();
        if (factor == 0) {
            return base;
        }
        double r;
        synchronized (random) {
            r = random.nextDouble();
        }
        long millis = Math.round(base.toMillis() * (1 + factor * (2 * r - 1)));
        return Duration.ofMillis(Math.max(1, millis));
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (closing) {
                throw new IllegalStateException("scheduler " + instanceId + " is closed");
            }
            if (executor != null) {
                throw new IllegalStateException("scheduler " + instanceId + " is already started");
            }
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "cmkit-scheduler-" + instanceId);
                t.setDaemon(true);
                return t;
            });
            executor.execute(this::poll);
        }
    }

    private void poll() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            LOG.error("scheduler {} failed to dispatch; it will try again at the next poll", instanceId, e);
        } finally {
            synchronized (lifecycle) {
                if (!closing) {
                    Duration wait = config.pollInterval();
                    Optional<Instant> next = store.nextClaimableAt();
                    if (next.isPresent()) {
                        Duration untilNext = Duration.between(clock.instant(), next.get());
                        if (untilNext.compareTo(wait) < 0) {
                            wait = untilNext.isNegative() ? Duration.ZERO : untilNext;
                        }
                    }
                    executor.schedule(this::poll, wait.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (lifecycle) {
            closing = true;
            running = executor;
        }
        if (running != null) {
            awaitOrStop(running);
        }
        ExecutorService dispatching;
        ExecutorService recording;
        synchronized (lifecycle) {
            dispatching = ownDispatchExecutor;
            recording = recordingExecutor;
        }
        if (dispatching != null) {
            awaitOrStop(dispatching); // the host's executor is the host's to shut down
        }
        if (recording != null) {
            awaitOrStop(recording);
        }
    }

    /** Lets the work in progress finish, up to a lease, then interrupts it. */
    private void awaitOrStop(ExecutorService running) {
        running.shutdown();
        try {
            if (!running.awaitTermination(config.leaseDuration().toMillis(), TimeUnit.MILLISECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Scheduler[" + instanceId + ", " + config + "]";
    }

    /** One batch's counts and shared state; its workers may update it from several threads. */
    private static final class Tally {
        final List<Publication> batch;
        final Map<String, Publication> claimed = new HashMap<>();
        final AtomicInteger published = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final AtomicInteger deferred = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger needsCheck = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();
        final AtomicInteger lost = new AtomicInteger();
        final List<Unrecorded> unrecorded = new ArrayList<>();
        /** The earliest lease expiry, when kept, of the outcomes in {@link #unrecorded}; guarded by it. */
        Instant earliestKept;
        /** When the lease of each publication not recorded yet ends, as renewed. */
        final Map<String, Instant> openLeases = new ConcurrentHashMap<>();
        /** The first rate limit each account answered in this batch: its other publications wait for the reset. */
        final Map<Account, RateLimitedException> rateLimited = new ConcurrentHashMap<>();
        /** The first failure of a worker, which stops the others from starting new sends. */
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        /** The next batch, claimed while this one is sent ({@link #dispatchDue()}); set and read on the thread running it. */
        Tally ahead;

        Tally(List<Publication> batch) {
            this.batch = batch;
            for (Publication p : batch) {
                claimed.put(p.idempotencyKey(), p);
                openLeases.put(p.idempotencyKey(), p.lease().orElseThrow().expiresAt());
            }
        }

        DispatchReport report() {
            return new DispatchReport(claimed.size(), published.get(), retried.get(), deferred.get(), failed.get(),
                    needsCheck.get(), released.get(), lost.get());
        }
    }

    /**
     * Adds {@code also} to {@code into}'s suppressed exceptions, unless it is the same object: a store may
     * throw one exception instance twice (a failed record, then a failed give-back), and
     * {@code addSuppressed} would answer that with an IllegalArgumentException hiding the store's error.
     */
    private static void suppress(Throwable into, Throwable also) {
        if (also != null && also != into) {
            into.addSuppressed(also);
        }
    }
}
