package io.cmkit.bench.schedule;

import io.cmkit.connectors.sandbox.SandboxWorld;
import io.cmkit.connectors.sandbox.SimulatedClock;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.schedule.ConnectorLookup;
import io.cmkit.core.schedule.PostAction;
import io.cmkit.core.schedule.PostKey;
import io.cmkit.core.schedule.PostState;
import io.cmkit.core.schedule.Publication;
import io.cmkit.core.schedule.ScheduleStore;
import io.cmkit.core.schedule.ScheduledPost;
import io.cmkit.core.schedule.Scheduler;
import io.cmkit.core.schedule.SchedulerConfig;
import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import io.cmkit.core.jdbc.JdbcStoreConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * cmkit's side: {@code items} posts, one publication each to one Mastodon account, due in the
 * same minute, published by {@code instances} {@link Scheduler}s each with a
 * {@link JdbcScheduleStore} of its own on the same database (as separate processes would), all
 * {@link Scheduler#start() started} as a host runs them. Time is a {@link SimulatedClock} standing
 * one minute after the first due time, so every publication is due and no lease expires.
 */
public final class CmkitThroughputRun implements ThroughputRun {

    /** Where the posts go. */
    public enum ConnectorKind {
        /** The sandbox connector (a {@link SandboxWorld} on the simulated clock): zero latency, an audience simulated per post. */
        SANDBOX,
        /** {@link ZeroLatencyConnector}: remembers the key and answers. */
        MINIMAL;

        public static ConnectorKind of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    static final String BRAND = "bench";
    static final Account ACCOUNT = new Account(Platform.MASTODON, "bench@mastodon.social");
    static final Instant DRAFTED = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final int SETUP_THREADS = 4;

    /**
     * The scheduler settings of the benchmark: batches of 50 (the default), leases of 5 minutes
     * (the default; never expire here), a poll every 100 ms when idle (the same as db-scheduler's
     * here; a started scheduler polls again at once while batches come back full or work is due),
     * {@code dispatchConcurrency} publications of a batch sent at once.
     */
    public static SchedulerConfig config(int instance, int dispatchConcurrency) {
        return SchedulerConfig.custom().batchSize(50).leaseDuration(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(100)).randomSeed(instance).dispatchConcurrency(dispatchConcurrency)
                .build();
    }

    private final BenchDatabase.Engine engine;
    private final int items;
    private final int instances;
    private final ConnectorKind connectorKind;
    private final int dispatchConcurrency;
    private final SimulatedClock clock = SimulatedClock.at(NINE.plusSeconds(60));
    private final List<JdbcScheduleStore> stores = new ArrayList<>();
    private final List<Scheduler> schedulers = new ArrayList<>();
    private final Map<String, String> itemByKey = new HashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private BenchDatabase database;
    private CountingConnector connector;
    private CountDownLatch done;

    /** With the default {@link SchedulerConfig#dispatchConcurrency()}. */
    public CmkitThroughputRun(BenchDatabase.Engine engine, int items, int instances, ConnectorKind connectorKind) {
        this(engine, items, instances, connectorKind, SchedulerConfig.ofDefaults().dispatchConcurrency());
    }

    public CmkitThroughputRun(BenchDatabase.Engine engine, int items, int instances, ConnectorKind connectorKind,
                              int dispatchConcurrency) {
        if (items < 1 || instances < 1 || dispatchConcurrency < 1) {
            throw new IllegalArgumentException("items, instances and dispatchConcurrency must be positive");
        }
        this.dispatchConcurrency = dispatchConcurrency;
        this.engine = engine;
        this.items = items;
        this.instances = instances;
        this.connectorKind = connectorKind;
    }

    @Override
    public String system() {
        return "cmkit";
    }

    @Override
    public void prepare() {
        database = BenchDatabase.fresh(engine, "cmkit");
        for (int i = 0; i < Math.max(instances, SETUP_THREADS); i++) {
            stores.add(JdbcScheduleStore.connect(database.url(), database.user(), "", JdbcStoreConfig.ofDefaults()));
        }
        scheduleAll();
        connector = new CountingConnector(connectorKind == ConnectorKind.SANDBOX
                ? SandboxWorld.builder().seed(42).clock(clock).build().connector(ACCOUNT)
                : new ZeroLatencyConnector(ACCOUNT, clock));
        ConnectorLookup connectors = ConnectorLookup.of(List.of(connector));
        done = new CountDownLatch(items);
        for (int i = 0; i < instances; i++) {
            Scheduler s = Scheduler.of("cmkit-" + i, stores.get(i), connectors, config(i, dispatchConcurrency), clock);
            s.getEventPublisher()
                    .onPublished(e -> done.countDown())
                    .onFailed(e -> fail(e.idempotencyKey() + " failed: " + e.reason()))
                    .onRetry(e -> fail(e.idempotencyKey() + " retried: " + e.error()))
                    .onDeferred(e -> fail(e.idempotencyKey() + " deferred: " + e.reason()))
                    .onNeedsCheck(e -> fail(e.idempotencyKey() + " needs a check: " + e.reason()));
            schedulers.add(s);
        }
    }

    private void fail(String what) {
        failures.add(what);
        while (done.getCount() > 0) {
            done.countDown();
        }
    }

    /** Stores every post SCHEDULED with its PENDING publication, due within the minute after 09:00, on a few threads. */
    private void scheduleAll() {
        List<String> names = ExactlyOnce.itemNames(items);
        for (String name : names) {
            itemByKey.put(Publication.keyFor(new PostKey(BRAND, name), ACCOUNT), name);
        }
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < SETUP_THREADS; t++) {
                ScheduleStore store = stores.get(t);
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < items; i += SETUP_THREADS) {
                        schedule(store, names.get(i), NINE.plusSeconds(i % 60));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot schedule the posts", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void schedule(ScheduleStore store, String id, Instant dueAt) {
        Post post = new Post(id, BRAND, Optional.of("benchmark"), Optional.empty(),
                List.of(PostVariant.text(Platform.MASTODON, "Notre latte du lundi ☕ " + id)));
        ScheduledPost stored = store.insert(ScheduledPost.draft(post, List.of(ACCOUNT), "camille", DRAFTED));
        ScheduledPost next = stored.transition(PostAction.SCHEDULE, PostState.SCHEDULED, "camille", DRAFTED,
                Optional.empty()).withScheduledAt(Optional.of(dueAt));
        Publication publication = Publication.pending(stored.key(), ACCOUNT,
                post.variantFor(Platform.MASTODON).orElseThrow(), dueAt, DRAFTED);
        store.update(next, stored.version(), Optional.of(List.of(publication)));
    }

    @Override
    public int execute(Duration timeout) {
        schedulers.forEach(Scheduler::start);
        try {
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("cmkit published " + (items - done.getCount()) + " of " + items
                        + " in " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("cmkit: " + failures.size() + " publications did not simply succeed, e.g. "
                    + failures.peek());
        }
        return items;
    }

    @Override
    public Map<String, Integer> executions() {
        long published = database.count("SELECT COUNT(*) FROM cm_schedule_publication WHERE status = 'PUBLISHED'");
        long posts = database.count("SELECT COUNT(*) FROM cm_schedule_post WHERE state = 'PUBLISHED'");
        if (published != items || posts != items) {
            throw new IllegalStateException("cmkit: the store shows " + published + " publications and " + posts
                    + " posts PUBLISHED, not " + items);
        }
        Map<String, Integer> out = new HashMap<>();
        connector.calls().forEach((key, n) -> out.put(itemByKey.getOrDefault(key, "unknown key " + key), n));
        return out;
    }

    @Override
    public void close() {
        schedulers.forEach(Scheduler::close);
        stores.forEach(JdbcScheduleStore::close);
        if (database != null) {
            database.close();
        }
    }

    @Override
    public String toString() {
        return "cmkit[" + engine + ", " + items + " items, " + instances + " instances, " + connectorKind + "]";
    }
}
