package io.cmkit.bench.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The check both systems must pass before (and after) being timed: every item executed exactly once. */
public final class ExactlyOnce {

    private ExactlyOnce() {
    }

    /** The names of {@code items} items: {@code p0} to {@code p<items-1>}. */
    public static List<String> itemNames(int items) {
        List<String> out = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            out.add("p" + i);
        }
        return out;
    }

    /**
     * Checks that {@code executions} has every one of the {@code items} items exactly once and
     * nothing else, and returns the set of items executed.
     *
     * @throws IllegalStateException naming the missing, repeated and unknown items
     */
    public static Set<String> require(String system, Map<String, Integer> executions, int items) {
        Set<String> expected = new TreeSet<>(itemNames(items));
        List<String> missing = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (String item : expected) {
            int n = executions.getOrDefault(item, 0);
            if (n == 0) {
                missing.add(item);
            } else if (n > 1) {
                repeated.add(item + " x" + n);
            }
        }
        List<String> unknown = executions.keySet().stream().filter(k -> !expected.contains(k)).sorted().toList();
        if (!missing.isEmpty() || !repeated.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalStateException(system + " did not execute each of the " + items + " items exactly once: "
                    + missing.size() + " missing " + head(missing) + ", " + repeated.size() + " repeated "
                    + head(repeated) + ", " + unknown.size() + " unknown " + head(unknown));
        }
        return expected;
    }

    /**
     * Runs {@code cmkit} and {@code anchor} to completion and checks that both executed the same
     * items, each exactly once; the runs are closed afterwards.
     *
     * @return the items both executed
     */
    public static Set<String> requireSameWork(ThroughputRun cmkit, ThroughputRun anchor, int items,
                                              java.time.Duration timeout) {
        Set<String> ours = completed(cmkit, items, timeout);
        Set<String> theirs = completed(anchor, items, timeout);
        if (!ours.equals(theirs)) {
            throw new IllegalStateException(cmkit.system() + " and " + anchor.system() + " executed different items");
        }
        return ours;
    }

    private static Set<String> completed(ThroughputRun run, int items, java.time.Duration timeout) {
        try (run) {
            run.prepare();
            run.execute(timeout);
            return require(run.system(), run.executions(), items);
        }
    }

    private static String head(List<String> items) {
        return items.size() <= 5 ? items.toString() : items.subList(0, 5) + "...";
    }
}
