package io.cmkit.bench.listening;

import io.cmkit.listening.monitor.Mention;
import io.cmkit.listening.monitor.Monitor;
import io.cmkit.listening.monitor.QueryMatch;
import io.cmkit.listening.monitor.SavedQuery;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.TermFilteredPresearcher;

/**
 * cmkit's listening {@link Monitor} beside Lucene Monitor 9.11.1 ({@link TermFilteredPresearcher}) on
 * the same seeded saved queries and posts ({@link ListeningCorpus}), analysed alike
 * ({@link LuceneListening}). In one run: build both, assert identical match sets on a sample, time
 * posts per second on one thread (thread CPU time, so per core), then measure the longest single
 * {@code match} call while a writer adds and removes queries (and the base is rebuilt), beside the
 * same reader without churn as the machine's noise floor.
 *
 * <pre>
 * mvn -q -Pbench -DskipTests package -pl cm-bench -am -Dbench.main=io.cmkit.bench.listening.ListeningBenchmark \
 *     -Dbench.args="--posts 1000000 --check 3000 --lucene-posts 5000 --churn-seconds 30 --churn-rate 100"
 * </pre>
 */
public final class ListeningBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ListeningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Long> opt = options(args);
        long seed = opt.get("seed");
        int queryCount = opt.get("queries").intValue();
        int posts = opt.get("posts").intValue();
        int check = opt.get("check").intValue();
        int lucenePosts = opt.get("lucene-posts").intValue();
        int churnSeconds = opt.get("churn-seconds").intValue();
        int churnRate = opt.get("churn-rate").intValue();
        boolean onlyChurn = opt.get("only-churn") != 0;
        int luceneBatch = opt.get("lucene-batch").intValue();

        System.out.printf("listening benchmark: JDK %s, %d cores, seed %d, %,d queries%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), seed, queryCount);
        ListeningCorpus corpus = ListeningCorpus.create(seed, queryCount);
        List<SavedQuery> queries = corpus.queries();

        long t = System.nanoTime();
        Monitor cmkit = Monitor.create();
        cmkit.addAll(queries);
        double cmkitBuild = (System.nanoTime() - t) / 1e6;
        if (onlyChurn) {
            System.out.printf("build: cmkit %.0f ms%n", cmkitBuild);
            churn(cmkit, corpus, queries, posts, churnSeconds, churnRate);
            return;
        }
        t = System.nanoTime();
        org.apache.lucene.monitor.Monitor lucene =
                new org.apache.lucene.monitor.Monitor(LuceneListening.analyzer(), new TermFilteredPresearcher());
        List<MonitorQuery> luceneQueries = new ArrayList<>(queries.size());
        queries.forEach(q -> luceneQueries.add(LuceneListening.monitorQuery(q)));
        lucene.register(luceneQueries);
        double luceneBuild = (System.nanoTime() - t) / 1e6;
        System.out.printf("build: cmkit %.0f ms, Lucene Monitor %.0f ms%n", cmkitBuild, luceneBuild);

        // 1. Correctness first: identical match sets on a sample.
        long matched = 0;
        long postsMatched = 0;
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < check; i++) {
            Mention m = corpus.post(i);
            Set<String> ours = ids(cmkit.match(m));
            Set<String> theirs = luceneIds(lucene, m);
            if (!ours.equals(theirs) && differences.size() < 10) {
                differences.add("post " + i + " '" + m.text() + "': cmkit " + ours + ", Lucene " + theirs);
            }
            matched += ours.size();
            postsMatched += ours.isEmpty() ? 0 : 1;
        }
        if (!differences.isEmpty()) {
            differences.forEach(System.out::println);
            throw new IllegalStateException("cmkit and Lucene Monitor disagree on " + differences.size() + "+ posts");
        }
        System.out.printf("check: identical match sets on %,d posts (%,d matches, %,d posts with at least one)%n",
                check, matched, postsMatched);

        // 2. Throughput, one thread, thread CPU time.
        runCmkit(cmkit, corpus, 0, Math.min(posts, 50_000)); // warm-up
        Rate ours = runCmkit(cmkit, corpus, 0, posts);
        runLucene(lucene, corpus, 0, Math.min(lucenePosts, 2_000)); // warm-up
        Rate theirs = runLucene(lucene, corpus, 0, lucenePosts);
        Rate theirsBatched = luceneBatch > 1 ? runLuceneBatched(lucene, corpus, 0, lucenePosts, luceneBatch) : null;
        if (theirsBatched != null && theirsBatched.matches() != theirs.matches()) {
            throw new IllegalStateException("Lucene Monitor in batches found " + theirsBatched.matches() + " matches, "
                    + theirs.matches() + " one post at a time");
        }
        System.out.println();
        System.out.println("| engine | posts | matches | CPU s | posts/s per core | wall posts/s |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        ours.print("cmkit Monitor");
        theirs.print("Lucene Monitor 9.11.1");
        if (theirsBatched != null) {
            theirsBatched.print("Lucene Monitor 9.11.1, batches of " + luceneBatch);
        }
        System.out.printf("%ncmkit / Lucene (per core): %.1fx%n%n", ours.perCore() / theirs.perCore());
        lucene.close();

        // 2b. The same without the queries Lucene's presearcher cannot index (a wildcard as their only
        // anchor: it runs them on every post), to show how much of the gap they make.
        List<SavedQuery> termAnchored = queries.stream()
                .filter(q -> !q.id().endsWith("-q5") && !q.id().endsWith("-q6")).toList();
        try (Monitor cmkitSubset = Monitor.create();
                org.apache.lucene.monitor.Monitor luceneSubset =
                        new org.apache.lucene.monitor.Monitor(LuceneListening.analyzer(), new TermFilteredPresearcher())) {
            cmkitSubset.addAll(termAnchored);
            luceneSubset.register(termAnchored.stream().map(LuceneListening::monitorQuery).toList());
            for (int i = 0; i < check / 2; i++) {
                Mention m = corpus.post(i);
                if (!ids(cmkitSubset.match(m)).equals(luceneIds(luceneSubset, m))) {
                    throw new IllegalStateException("cmkit and Lucene Monitor disagree on post " + i + " (subset)");
                }
            }
            runCmkit(cmkitSubset, corpus, 0, Math.min(posts, 50_000));
            Rate oursSubset = runCmkit(cmkitSubset, corpus, 0, posts);
            runLucene(luceneSubset, corpus, 0, Math.min(lucenePosts, 2_000));
            Rate theirsSubset = runLucene(luceneSubset, corpus, 0, lucenePosts);
            Rate theirsSubsetBatched = luceneBatch > 1
                    ? runLuceneBatched(luceneSubset, corpus, 0, lucenePosts, luceneBatch) : null;
            System.out.printf("without the %,d wildcard-only queries (%,d queries; identical match sets on %,d posts):%n%n",
                    queries.size() - termAnchored.size(), termAnchored.size(), check / 2);
            System.out.println("| engine | posts | matches | CPU s | posts/s per core | wall posts/s |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
            oursSubset.print("cmkit Monitor");
            theirsSubset.print("Lucene Monitor 9.11.1");
            if (theirsSubsetBatched != null) {
                theirsSubsetBatched.print("Lucene Monitor 9.11.1, batches of " + luceneBatch);
            }
            System.out.printf("%ncmkit / Lucene (per core): %.1fx%n%n", oursSubset.perCore() / theirsSubset.perCore());
        }

        churn(cmkit, corpus, queries, posts, churnSeconds, churnRate);
    }

    /** 3. Matching pauses while queries come and go, beside the same reader without changes. */
    private static void churn(Monitor cmkit, ListeningCorpus corpus, List<SavedQuery> queries, int posts,
            int churnSeconds, int churnRate) throws InterruptedException {
        List<Mention> pool = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            pool.add(corpus.post(posts + i));
        }
        Pauses quiet = pauses(cmkit, pool, churnSeconds, 0, corpus, queries);
        Pauses churn = pauses(cmkit, pool, churnSeconds, churnRate, corpus, queries);
        System.out.println("| phase | seconds | matches | changes | base rebuilds | p99.9 wall (ms) | longest wall (ms) "
                + "| longest CPU (ms) | wall > 10 ms | wall > 50 ms | GC time (ms) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        quiet.print("no changes");
        churn.print(churnRate + " changes/s");
        System.out.printf("%nwriter: longest add/remove %.1f ms, mean %.2f ms; queries at the end: %,d%n",
                churn.longestWriteMs, churn.meanWriteMs, cmkit.size());
        cmkit.close();
    }

    private static Set<String> ids(List<QueryMatch> matches) {
        Set<String> ids = new TreeSet<>();
        matches.forEach(m -> ids.add(m.queryId()));
        return ids;
    }

    private static Set<String> luceneIds(org.apache.lucene.monitor.Monitor lucene, Mention m) throws IOException {
        MatchingQueries<org.apache.lucene.monitor.QueryMatch> found =
                lucene.match(LuceneListening.document(m), org.apache.lucene.monitor.QueryMatch.SIMPLE_MATCHER);
        if (!found.getErrors().isEmpty()) {
            throw new IllegalStateException("Lucene Monitor errors: " + found.getErrors());
        }
        Set<String> ids = new TreeSet<>();
        found.getMatches().forEach(q -> ids.add(q.getQueryId()));
        return ids;
    }

    private record Rate(long posts, long matches, long cpuNanos, long wallNanos) {
        double perCore() {
            return posts / (cpuNanos / 1e9);
        }

        void print(String engine) {
            System.out.printf("| %s | %,d | %,d | %.1f | %,.0f | %,.0f |%n", engine, posts, matches, cpuNanos / 1e9,
                    perCore(), posts / (wallNanos / 1e9));
        }
    }

    /** Posts are generated in chunks outside the timed part; only {@code match} is timed. */
    private static Rate runCmkit(Monitor monitor, ListeningCorpus corpus, long from, int count) {
        int chunk = 50_000;
        long matches = 0;
        long cpu = 0;
        long wall = 0;
        Mention[] batch = new Mention[chunk];
        for (long start = from; start < from + count; start += chunk) {
            int n = (int) Math.min(chunk, from + count - start);
            for (int i = 0; i < n; i++) {
                batch[i] = corpus.post(start + i);
            }
            long c0 = THREADS.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                matches += monitor.match(batch[i]).size();
            }
            wall += System.nanoTime() - w0;
            cpu += THREADS.getCurrentThreadCpuTime() - c0;
        }
        return new Rate(count, matches, cpu, wall);
    }

    /** Timed: building the document (cmkit's analysis, as Lucene needs it) and matching it. */
    private static Rate runLucene(org.apache.lucene.monitor.Monitor monitor, ListeningCorpus corpus, long from, int count)
            throws IOException {
        Mention[] batch = new Mention[count];
        for (int i = 0; i < count; i++) {
            batch[i] = corpus.post(from + i);
        }
        long matches = 0;
        long c0 = THREADS.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Document doc = LuceneListening.document(batch[i]);
            matches += monitor.match(doc, org.apache.lucene.monitor.QueryMatch.SIMPLE_MATCHER).getMatchCount();
        }
        return new Rate(count, matches, THREADS.getCurrentThreadCpuTime() - c0, System.nanoTime() - w0);
    }

    /** Lucene Monitor's batch mode: one in-memory index per batch, each candidate query run once per batch. */
    private static Rate runLuceneBatched(org.apache.lucene.monitor.Monitor monitor, ListeningCorpus corpus, long from,
            int count, int batchSize) throws IOException {
        Mention[] posts = new Mention[count];
        for (int i = 0; i < count; i++) {
            posts[i] = corpus.post(from + i);
        }
        long matches = 0;
        long c0 = THREADS.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        for (int start = 0; start < count; start += batchSize) {
            int n = Math.min(batchSize, count - start);
            Document[] docs = new Document[n];
            for (int i = 0; i < n; i++) {
                docs[i] = LuceneListening.document(posts[start + i]);
            }
            var found = monitor.match(docs, org.apache.lucene.monitor.QueryMatch.SIMPLE_MATCHER);
            for (int i = 0; i < n; i++) {
                matches += found.getMatchCount(i);
            }
        }
        return new Rate(count, matches, THREADS.getCurrentThreadCpuTime() - c0, System.nanoTime() - w0);
    }

    private record Pauses(int seconds, long matches, long changes, long rebuilds, double p999Ms, double longestMs,
                          double longestCpuMs, long over10, long over50, double longestWriteMs, double meanWriteMs, long gcMs) {
        void print(String phase) {
            System.out.printf("| %s | %d | %,d | %,d | %d | %.1f | %.1f | %.1f | %d | %d | %d |%n", phase, seconds, matches,
                    changes, rebuilds, p999Ms, longestMs, longestCpuMs, over10, over50, gcMs);
        }
    }

    /**
     * One reader matches the pool in a loop for {@code seconds}, timing every call; if {@code rate}
     * is positive a writer meanwhile replaces queries at that many changes per second (remove one,
     * add a fresh one), which keeps the delta filling and the base being rebuilt in the background.
     */
    private static Pauses pauses(Monitor monitor, List<Mention> pool, int seconds, int rate, ListeningCorpus corpus,
            List<SavedQuery> initial) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        long[] writer = new long[3]; // changes, longest ns, total ns
        long rebuildsBefore = monitor.mergeCount();
        long gcBefore = gcTimeMs();
        Thread writerThread = new Thread(() -> {
            if (rate <= 0) {
                return;
            }
            SplittableRandom r = new SplittableRandom(11);
            List<String> live = new ArrayList<>(initial.stream().map(SavedQuery::id).toList());
            long period = 1_000_000_000L / rate;
            long next = System.nanoTime();
            int fresh = 0;
            while (!stop.get()) {
                long w0 = System.nanoTime();
                if (writer[0] % 2 == 0) {
                    int k = r.nextInt(live.size());
                    monitor.remove(live.get(k));
                    live.set(k, live.get(live.size() - 1));
                    live.remove(live.size() - 1);
                } else {
                    SavedQuery q = corpus.extraQuery(r, "churn-" + fresh++);
                    monitor.add(q);
                    live.add(q.id());
                }
                long d = System.nanoTime() - w0;
                writer[0]++;
                writer[1] = Math.max(writer[1], d);
                writer[2] += d;
                next += period;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    try {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "churn-writer");
        writerThread.start();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long matches = 0;
        long longest = 0;
        long over10 = 0;
        long over50 = 0;
        long[] tenthsOfMs = new long[2001];
        long longestCpu = 0;
        int i = 0;
        while (System.nanoTime() < end) {
            Mention m = pool.get(i++ % pool.size());
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            monitor.match(m);
            long d = System.nanoTime() - t0;
            longestCpu = Math.max(longestCpu, THREADS.getCurrentThreadCpuTime() - c0);
            matches++;
            longest = Math.max(longest, d);
            over10 += d > 10_000_000 ? 1 : 0;
            over50 += d > 50_000_000 ? 1 : 0;
            tenthsOfMs[(int) Math.min(2000, d / 100_000)]++;
        }
        stop.set(true);
        writerThread.join();
        long below = 0;
        int bucket = 0;
        while (bucket < 2000 && (below += tenthsOfMs[bucket]) < matches * 0.999) {
            bucket++;
        }
        return new Pauses(seconds, matches, writer[0], monitor.mergeCount() - rebuildsBefore, (bucket + 1) / 10.0,
                longest / 1e6, longestCpu / 1e6, over10, over50,
                writer[1] / 1e6, writer[0] == 0 ? 0 : writer[2] / 1e6 / writer[0], gcTimeMs() - gcBefore);
    }

    private static long gcTimeMs() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static Map<String, Long> options(String[] args) {
        Map<String, Long> opt = new HashMap<>(Map.of("seed", 20261126L, "queries", 10_000L, "posts", 1_000_000L,
                "check", 5_000L, "lucene-posts", 20_000L, "churn-seconds", 30L, "churn-rate", 100L,
                "only-churn", 0L, "lucene-batch", 100L));
        for (int i = 0; i < args.length; i += 2) {
            String key = args[i].replaceFirst("^--", "");
            if (!opt.containsKey(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i] + "; options: " + opt.keySet());
            }
            opt.put(key, Long.parseLong(args[i + 1].replace("_", "")));
        }
        return opt;
    }
}
