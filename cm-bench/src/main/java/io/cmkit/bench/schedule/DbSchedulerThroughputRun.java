package io.cmkit.bench.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.cmkit.core.jdbc.internal.DriverManagerDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The anchor: db-scheduler 16 executing {@code items} one-time tasks ({@code p0}...), all
 * scheduled at the same instant, by {@code instances} schedulers polling the same table, each
 * with a data source of its own. The task does the equivalent of the zero-latency publish: it
 * counts its instance id into a concurrent map.
 *
 * <p>Settings, for throughput and alike cmkit's: {@code threads} executor threads per instance
 * (db-scheduler's default is 10); a poll every 100 ms when idle; batches of 50
 * ({@code upperLimit × threads}). On PostgreSQL, lock-and-fetch ({@code SELECT ... FOR UPDATE
 * SKIP LOCKED} and the update in one statement: its recommended strategy for throughput with
 * several instances), refilling when fewer than {@code threads} are left. On H2, db-scheduler
 * has no database-specific support, so only its default strategy is available: fetch, then
 * lock each execution on execute with an optimistic version check (instances racing for the
 * same rows lose some updates and move on), refilling below half the threads.
 *
 * <p>Connections come from the same small reuse-a-few-connections data source that cmkit's
 * store opens for itself ({@code JdbcScheduleStore.connect}), so neither has a better pool.
 */
public final class DbSchedulerThroughputRun implements ThroughputRun {

    /** db-scheduler's executor threads per instance by default. */
    public static final int DEFAULT_THREADS = 10;
    /** Executions fetched per poll: the same batch as cmkit's. */
    static final int BATCH = 50;

    private final BenchDatabase.Engine engine;
    private final int items;
    private final int instances;
    private final int threads;
    private final Map<String, AtomicInteger> executed = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<DriverManagerDataSource> dataSources = new ArrayList<>();
    private final List<Scheduler> schedulers = new ArrayList<>();
    private BenchDatabase database;
    private CountDownLatch done;

    public DbSchedulerThroughputRun(BenchDatabase.Engine engine, int items, int instances, int threads) {
        if (items < 1 || instances < 1 || threads < 1) {
            throw new IllegalArgumentException("items, instances and threads must be positive");
        }
        this.engine = engine;
        this.items = items;
        this.instances = instances;
        this.threads = threads;
    }

    @Override
    public String system() {
        return "db-scheduler";
    }

    @Override
    public void prepare() {
        database = BenchDatabase.fresh(engine, "dbscheduler");
        database.execute(engine == BenchDatabase.Engine.POSTGRES ? POSTGRES_TABLE : H2_TABLE);
        OneTimeTask<Void> task = Tasks.oneTime("publish").execute((instance, context) ->
                executed.computeIfAbsent(instance.getId(), k -> new AtomicInteger()).incrementAndGet());

        DriverManagerDataSource clientSource = dataSource();
        SchedulerClient client = SchedulerClient.Builder.create(clientSource, task).build();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<TaskInstance<?>> batch = new ArrayList<>(items);
        for (String name : ExactlyOnce.itemNames(items)) {
            batch.add(task.instance(name));
        }
        client.scheduleBatch(batch, at);

        done = new CountDownLatch(items);
        for (int i = 0; i < instances; i++) {
            var builder = Scheduler.create(dataSource(), task)
                    .schedulerName(new SchedulerName.Fixed("db-scheduler-" + i))
                    .threads(threads)
                    .pollingInterval(Duration.ofMillis(100))
                    .addSchedulerListener(new AbstractSchedulerListener() {
                        @Override
                        public void onExecutionComplete(ExecutionComplete event) {
                            if (event.getResult() == ExecutionComplete.Result.OK) {
                                done.countDown();
                            } else {
                                fail(event.getExecution().taskInstance.getId() + " failed: " + event.getCause());
                            }
                        }
                    });
            double upper = (double) BATCH / threads;
            if (engine == BenchDatabase.Engine.POSTGRES) {
                builder.pollUsingLockAndFetch(1.0, upper);
            } else {
                builder.pollUsingFetchAndLockOnExecute(0.5, upper);
            }
            schedulers.add(builder.build());
        }
    }

    private DriverManagerDataSource dataSource() {
        DriverManagerDataSource ds = new DriverManagerDataSource(database.url(), database.user(), "");
        dataSources.add(ds);
        return ds;
    }

    private void fail(String what) {
        failures.add(what);
        while (done.getCount() > 0) {
            done.countDown();
        }
    }

    @Override
    public int execute(Duration timeout) {
        schedulers.forEach(Scheduler::start);
        try {
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("db-scheduler executed " + (items - done.getCount()) + " of " + items
                        + " in " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("db-scheduler: " + failures.size() + " executions failed, e.g. "
                    + failures.peek());
        }
        return items;
    }

    @Override
    public Map<String, Integer> executions() {
        long left = database.count("SELECT COUNT(*) FROM scheduled_tasks");
        if (left != 0) {
            throw new IllegalStateException("db-scheduler: " + left + " executions are still in its table");
        }
        Map<String, Integer> out = new HashMap<>();
        executed.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public void close() {
        schedulers.forEach(Scheduler::stop);
        dataSources.forEach(DriverManagerDataSource::close);
        if (database != null) {
            database.close();
        }
    }

    @Override
    public String toString() {
        return "db-scheduler[" + engine + ", " + items + " items, " + instances + " instances, " + threads
                + " threads]";
    }

    /** db-scheduler's table for PostgreSQL, as its repository gives it (postgresql_tables.sql) for version 16. */
    static final String POSTGRES_TABLE = """
            create table scheduled_tasks (
              task_name text not null,
              task_instance text not null,
              task_data bytea,
              execution_time timestamp with time zone not null,
              picked boolean not null,
              picked_by text,
              last_success timestamp with time zone,
              last_failure timestamp with time zone,
              consecutive_failures int,
              last_heartbeat timestamp with time zone,
              version bigint not null,
              priority smallint,
              primary key (task_name, task_instance)
            );
            create index execution_time_idx on scheduled_tasks (execution_time);
            create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
            create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
            """;

    /**
     * The same table for H2, as db-scheduler's Spring Boot test support declares it (times with
     * their zone, since db-scheduler's generic JDBC code writes {@code java.sql.Timestamp}s in the
     * JVM's zone), with the PostgreSQL table's NOT NULLs and indexes.
     */
    static final String H2_TABLE = """
            create table scheduled_tasks (
              task_name varchar(100) not null,
              task_instance varchar(100) not null,
              task_data blob,
              execution_time timestamp with time zone not null,
              picked boolean not null,
              picked_by varchar(50),
              last_success timestamp with time zone,
              last_failure timestamp with time zone,
              consecutive_failures int,
              last_heartbeat timestamp with time zone,
              version bigint not null,
              priority smallint,
              primary key (task_name, task_instance)
            );
            create index execution_time_idx on scheduled_tasks (execution_time);
            create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
            create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
            """;
}
