package io.cmkit.bench.schedule;

import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.schedule.Completion;
import io.cmkit.core.schedule.Outcome;
import io.cmkit.core.schedule.PostAction;
import io.cmkit.core.schedule.PostState;
import io.cmkit.core.schedule.Publication;
import io.cmkit.core.schedule.ScheduledPost;
import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishedPost;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU time per publication of the JDBC schedule store alone, without a scheduler, a connector or
 * other threads: one thread claims batches of 50 and completes them (PUBLISHED) until none is
 * left, over {@value #ITEMS} posts with one publication each, all due, in a fresh database per
 * round. Prints the medians of the calling thread's CPU in {@code claimDue} and in
 * {@code completeAll} and, on PostgreSQL, the server's CPU (as {@link SchedulerCpuReport} reads
 * it). Checks that every publication was recorded once and every post is PUBLISHED.
 *
 * <pre>
 * mvn -q -Pbench -DskipTests package -pl cm-bench -am -Dbench.main=io.cmkit.bench.schedule.ScheduleStoreCpuReport \
 *     -Dbench.args="h2 5 15"      # database warmup rounds
 * </pre>
 */
public final class ScheduleStoreCpuReport {

    private static final int ITEMS = 2000;
    private static final int BATCH = 50;
    private static final Account ACCOUNT = new Account(Platform.MASTODON, "cafe_lumiere@mastodon.social");
    private static final Instant DUE = Instant.parse("2026-03-02T08:00:00Z");

    private ScheduleStoreCpuReport() {
    }

    public static void main(String[] args) {
        BenchDatabase.Engine engine = BenchDatabase.Engine.of(args.length > 0 ? args[0] : "h2");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        long postmaster = engine == BenchDatabase.Engine.POSTGRES
                ? SchedulerCpuReport.postmasterOf(BenchDatabase.startEmbeddedPostgres().getPort()) : -1;
        List<double[]> measured = new ArrayList<>();
        for (int round = 0; round < warmup + rounds; round++) {
            double[] m = round(engine, postmaster);
            if (round >= warmup) {
                measured.add(m);
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d publications, batches of %d, %d rounds after %d warm-up: median [min - max]%n",
                engine, ITEMS, BATCH, rounds, warmup);
        String[] names = {"claimDue, thread CPU µs per publication", "completeAll, thread CPU µs per publication",
                "server CPU µs per publication"};
        for (int i = 0; i < names.length; i++) {
            int col = i;
            double[] sorted = measured.stream().mapToDouble(r -> r[col]).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-42s %6.1f [%.1f - %.1f]%n", names[i], sorted[sorted.length / 2], sorted[0],
                    sorted[sorted.length - 1]);
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "Machine: %d cores, load average %.2f%n", os.getAvailableProcessors(),
                os.getSystemLoadAverage());
    }

    /** Claim µs, completion µs (this thread's CPU) and server µs per publication, in a fresh database. */
    private static double[] round(BenchDatabase.Engine engine, long postmaster) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (BenchDatabase db = BenchDatabase.fresh(engine, "storecpu");
             JdbcScheduleStore store = JdbcScheduleStore.connect(db.url(), db.user(), "", JdbcStoreConfig.ofDefaults())) {
            for (int i = 0; i < ITEMS; i++) {
                Post post = new Post("p" + i, "cafe-lumiere", Optional.empty(), Optional.empty(),
                        List.of(PostVariant.text(Platform.MASTODON, "Notre latte du lundi ☕ " + i)));
                ScheduledPost draft = store.insert(ScheduledPost.draft(post, List.of(ACCOUNT), "camille", DUE));
                ScheduledPost scheduled = draft.transition(PostAction.SCHEDULE, PostState.SCHEDULED, "lea", DUE,
                        Optional.empty()).withScheduledAt(Optional.of(DUE));
                store.update(scheduled, draft.version(), Optional.of(List.of(Publication.pending(draft.key(), ACCOUNT,
                        post.variantFor(Platform.MASTODON).orElseThrow(), DUE, DUE))));
            }
            Instant now = DUE.plusSeconds(60);
            long claimNanos = 0;
            long completeNanos = 0;
            int recorded = 0;
            long server0 = SchedulerCpuReport.serverCpuTicks(postmaster);
            while (true) {
                long t0 = threads.getCurrentThreadCpuTime();
                List<Publication> batch = store.claimDue("instance-1", now, Duration.ofMinutes(5), BATCH);
                long t1 = threads.getCurrentThreadCpuTime();
                claimNanos += t1 - t0;
                if (batch.isEmpty()) {
                    break;
                }
                List<Completion> completions = new ArrayList<>(batch.size());
                for (Publication p : batch) {
                    completions.add(new Completion(p.idempotencyKey(), p.lease().orElseThrow().token(),
                            new Outcome.Published(new PublishedPost(PostRef.of(Platform.MASTODON, "id-" + p.idempotencyKey()),
                                    now, p.idempotencyKey()))));
                }
                long t2 = threads.getCurrentThreadCpuTime();
                List<Boolean> answers = store.completeAll(completions, now);
                completeNanos += threads.getCurrentThreadCpuTime() - t2;
                recorded += (int) answers.stream().filter(Boolean::booleanValue).count();
            }
            long serverTicks = SchedulerCpuReport.serverCpuTicks(postmaster) - server0;
            int published = store.findByState(PostState.PUBLISHED).size();
            if (recorded != ITEMS || published != ITEMS) {
                throw new IllegalStateException("expected " + ITEMS + " publications recorded and posts PUBLISHED, got "
                        + recorded + " and " + published);
            }
            return new double[] {claimNanos / 1e3 / ITEMS, completeNanos / 1e3 / ITEMS, serverTicks * 1e4 / ITEMS};
        }
    }
}
