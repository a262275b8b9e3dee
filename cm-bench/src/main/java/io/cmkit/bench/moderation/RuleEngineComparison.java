package io.cmkit.bench.moderation;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Workload (b) with two builds of cm-moderation side by side in ONE JVM, for a before/after on a
 * busy machine: each jar gets its own class loader (cm-moderation and this package loaded from
 * it, everything else shared), its own {@link RuleSetBenchmark} and engine, and the two decide
 * the same slices of comments in turn, round after round (which goes first alternates), so load
 * bursts hit both alike. Prints each one's median comments per CPU-second of the thread and the
 * median of the per-round ratios, the figure to trust.
 *
 * <p>Arguments: jar A (before), jar B (after), comments (400,000), timed rounds (8), slice per
 * round (25,000), warm-up rounds (8, not timed). A side may also name a cm-core jar after its
 * cm-moderation jar, joined by the path separator ({@code before/cm-moderation.jar:before/cm-core.jar}):
 * that side then loads cm-core's classes from it too, so changes to cm-core are compared as well.
 */
public final class RuleEngineComparison {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private RuleEngineComparison() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: RuleEngineComparison JAR_BEFORE JAR_AFTER [comments rounds slice warmUp]");
        }
        String[] jars = {args[0], args[1]};
        int comments = args.length > 2 ? Integer.parseInt(args[2]) : 400_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int slice = args.length > 4 ? Integer.parseInt(args[4]) : 25_000;
        int warmUp = args.length > 5 ? Integer.parseInt(args[5]) : 8;
        MethodHandle[] decide = new MethodHandle[2];
        for (int k = 0; k < 2; k++) {
            List<Path> side = new ArrayList<>();
            for (String j : jars[k].split(java.io.File.pathSeparator)) {
                Path jar = Path.of(j);
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalArgumentException("jar " + (k == 0 ? "A" : "B") + ": no such file: " + jar);
                }
                side.add(jar);
            }
            decide[k] = engine(side, comments);
        }
        List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
        int from = 0;
        long kept = 0;
        for (int r = 0; r < rounds + warmUp; r++) {
            for (int turn = 0; turn < 2; turn++) {
                int k = r % 2 == 0 ? turn : 1 - turn;
                long start = CPU.getCurrentThreadCpuTime();
                for (int i = 0; i < slice; i++) {
                    kept += decide[k].invoke((from + i) % comments) == null ? 1 : 0;
                }
                long cpu = CPU.getCurrentThreadCpuTime() - start;
                if (r >= warmUp) {
                    rates.get(k).add(slice / (cpu / 1e9));
                }
            }
            from = (from + slice) % comments;
        }
        if (kept != 0) {
            throw new AssertionError("an engine returned no decision");
        }
        for (int k = 0; k < 2; k++) {
            System.out.printf(Locale.ROOT, "%s %s: %,.0f comments per CPU-second (median; rounds %s)%n", k == 0 ? "A" : "B",
                    jars[k], median(rates.get(k)), rates.get(k).stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < rates.get(0).size(); i++) {
            ratios.add(rates.get(1).get(i) / rates.get(0).get(i));
        }
        System.out.printf(Locale.ROOT, "B/A per round: median %.3f (%s)%n", median(ratios),
                ratios.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
    }

    /**
     * A {@link RuleSetBenchmark} set up in a class loader of its own over {@code jars} (cm-moderation,
     * then optionally cm-core): its decideOne.
     */
    private static MethodHandle engine(List<Path> jars, int comments) throws ReflectiveOperationException, MalformedURLException {
        URL bench = RuleEngineComparison.class.getProtectionDomain().getCodeSource().getLocation();
        List<URL> urls = new ArrayList<>(List.of(bench));
        for (Path jar : jars) {
            urls.add(jar.toUri().toURL());
        }
        boolean ownCore = jars.size() > 1;
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), RuleEngineComparison.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith("io.cmkit.moderation.") && !name.startsWith("io.cmkit.bench.moderation.")
                        && !(ownCore && name.startsWith("io.cmkit.core."))) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) { // this jar's own copy, not the parent's
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : findClass(name);
                }
            }

            @Override
            public URL getResource(String name) {
                URL own = name.startsWith("io/cmkit/moderation/") ? findResource(name) : null; // its lexicons and rules
                return own != null ? own : super.getResource(name);
            }
        };
        Class<?> type = loader.loadClass(RuleSetBenchmark.class.getName());
        Object b = type.getConstructor().newInstance();
        type.getField("seed").setLong(b, 42);
        type.getField("comments").setInt(b, comments);
        type.getMethod("setUp").invoke(b);
        Method decideOne = type.getDeclaredMethod("decideOne", int.class);
        decideOne.setAccessible(true);
        return MethodHandles.lookup().unreflect(decideOne).bindTo(b).asType(MethodType.methodType(Object.class, int.class));
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        return v.get(v.size() / 2);
    }
}
