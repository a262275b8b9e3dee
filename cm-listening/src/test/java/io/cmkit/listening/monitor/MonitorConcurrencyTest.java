package io.cmkit.listening.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Readers match while writers add, replace and remove queries and the base is rebuilt in the background. */
class MonitorConcurrencyTest {

    @Test
    @DisplayName("under concurrent adds and removes, untouched queries always match exactly and churned ones never wrongly")
    void readersSeeConsistentResults() throws Exception {
        Random r = new Random(4242);
        List<SavedQuery> generated = MonitorSemanticsTest.queries(r, 500);
        List<SavedQuery> stable = generated.subList(0, 250);
        List<SavedQuery> churned = generated.subList(250, 500);
        Map<String, SavedQuery> byId = generated.stream().collect(Collectors.toMap(SavedQuery::id, Function.identity()));
        List<Mention> posts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            posts.add(MonitorSemanticsTest.post(r));
        }

        Set<String> stableIds = stable.stream().map(SavedQuery::id).collect(Collectors.toSet());
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong matchesChecked = new AtomicLong();
        try (Monitor monitor = Monitor.builder().mergeThreshold(8).build()) {
            monitor.addAll(stable);
            Set<String> present = ConcurrentHashMap.newKeySet();
            CountDownLatch done = new CountDownLatch(3);
            Runnable reader = () -> {
                try {
                    int i = 0;
                    while (!stop.get() || i < posts.size()) {
                        Mention m = posts.get(i++ % posts.size());
                        Set<String> got = MonitorSemanticsTest.actual(monitor, m);
                        Set<String> wantStable = MonitorSemanticsTest.expected(stable, m);
                        Set<String> gotStable = new TreeSet<>(got);
                        gotStable.retainAll(stableIds);
                        if (!gotStable.equals(wantStable)) {
                            failures.add("stable queries: got " + gotStable + ", want " + wantStable + " for " + m.text());
                        }
                        for (String id : got) {
                            if (!NaiveEvaluator.matches(byId.get(id).query().root(), m)) {
                                failures.add(id + " reported but does not match " + m.text());
                            }
                        }
                        matchesChecked.incrementAndGet();
                    }
                } finally {
                    done.countDown();
                }
            };
            Thread writer = new Thread(() -> {
                try {
                    Random w = new Random(7);
                    for (int op = 0; op < 1500; op++) {
                        SavedQuery q = churned.get(w.nextInt(churned.size()));
                        if (w.nextBoolean()) {
                            monitor.add(q);
                            present.add(q.id());
                        } else {
                            monitor.remove(q.id());
                            present.remove(q.id());
                        }
                    }
                } finally {
                    stop.set(true);
                    done.countDown();
                }
            });
            Thread r1 = new Thread(reader);
            Thread r2 = new Thread(reader);
            r1.start();
            r2.start();
            writer.start();
            assertThat(done.await(120, TimeUnit.SECONDS)).as("threads finished").isTrue();
            assertThat(failures).isEmpty();
            assertThat(matchesChecked.get()).isGreaterThanOrEqualTo(600);
            assertThat(monitor.mergeCount()).as("background merges happened during the run").isPositive();

            // Quiet again: the monitor holds exactly the stable queries and the churned ones left in.
            List<SavedQuery> expectedSet = new ArrayList<>(stable);
            churned.stream().filter(q -> present.contains(q.id())).forEach(expectedSet::add);
            assertThat(monitor.queries()).containsExactlyInAnyOrderElementsOf(expectedSet);
            for (Mention m : posts) {
                assertThat(MonitorSemanticsTest.actual(monitor, m)).isEqualTo(MonitorSemanticsTest.expected(expectedSet, m));
            }
            monitor.compact();
            for (Mention m : posts) {
                assertThat(MonitorSemanticsTest.actual(monitor, m)).isEqualTo(MonitorSemanticsTest.expected(expectedSet, m));
            }
        }
    }
}
