package io.cmkit.connectors.bluesky.pds;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Bluesky Personal Data Server (with its PLC directory) on 127.0.0.1, started once per
 * JVM from the pinned npm recipe in {@code src/test/pds} and shared by every test that asks.
 *
 * <pre>{@code
 * @ExtendWith(BlueskyPdsExtension.class)
 * class PublishingAgainstAPdsTest {
 *     @Test
 *     void publishes(BlueskyPds pds) {
 *         URI createSession = pds.xrpc("com.atproto.server.createSession");
 *         TestAccount brand = pds.brand();   // brand.test / brand-pass-1
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Outside JUnit's extension, {@link #shared()} gives the same server. Set-up:
 * <ol>
 *   <li>node (20+) and npm must be on the PATH; otherwise the tests are skipped with the reason,
 *       or fail when {@code CI=true};</li>
 *   <li>{@code npm ci --no-audit --no-fund} runs in the recipe folder unless {@code node_modules}
 *       was installed from the same lock file and node (a hash stamp); when this node's headers are
 *       installed next to it, node-gyp is pointed at them ({@code npm_config_nodedir}) so
 *       better-sqlite3 builds offline;</li>
 *   <li>{@code node start-pds.mjs} starts on two free loopback ports; the server is ready when it
 *       prints {@code PDS READY}. Its output goes to {@code target/bluesky-pds/pds.log}.</li>
 * </ol>
 * The server stops (its whole process tree) when JUnit closes its root context, or at JVM exit.
 *
 * <p>System properties: {@code cmkit.pds.dir} (recipe folder), {@code cmkit.pds.startTimeoutSeconds}
 * (default 180), {@code cmkit.pds.npmTimeoutSeconds} (default 900).
 */
public final class BlueskyPds {

    private static final String READY = "PDS READY ";
    private static final String STAMP = ".cmkit-npm-ci.stamp";
    private static BlueskyPds shared;
    private static Throwable sharedFailure;

    private final Process process;
    private final URI baseUrl;
    private final int plcPort;
    private final Path log;
    private final Duration npmCi;
    private final boolean npmCiRan;
    private final Duration start;

    private BlueskyPds(Process process, URI baseUrl, int plcPort, Path log, Duration npmCi, boolean npmCiRan, Duration start) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.plcPort = plcPort;
        this.log = log;
        this.npmCi = npmCi;
        this.npmCiRan = npmCiRan;
        this.start = start;
    }

    /**
     * The server shared by the whole JVM, started on first call. Skips the calling test (JUnit
     * assumption) when node or npm is missing, or fails when {@code CI=true}; a failed start
     * fails every caller with the same cause, without trying again.
     */
    public static synchronized BlueskyPds shared() {
        NodeTooling.Found tools = NodeTooling.require(NodeTooling.current(), System.getenv());
        if (sharedFailure != null) {
            throw new IllegalStateException("the Bluesky PDS failed to start earlier in this JVM", sharedFailure);
        }
        if (shared != null && !shared.process.isAlive()) {
            System.err.println("[bluesky-pds] the server died (exit " + shared.process.exitValue() + ", log: "
                    + shared.log + "); starting another");
            shared = null;
        }
        if (shared == null) {
            try {
                shared = start(tools);
            } catch (RuntimeException | Error e) {
                sharedFailure = e;
                throw e;
            }
            BlueskyPds started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "bluesky-pds-stop"));
        }
        return shared;
    }

    /** Stops the shared server now (the extension does it when JUnit is done). */
    static synchronized void stopShared() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    /** The PDS's base URL, {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The URL of an XRPC method, {@code <base>/xrpc/<nsid>}. */
    public URI xrpc(String nsid) {
        return baseUrl.resolve("/xrpc/" + nsid);
    }

    /** The PLC directory's base URL. */
    public URI plcUrl() {
        return URI.create("http://127.0.0.1:" + plcPort);
    }

    /** brand.test / brand-pass-1. */
    public TestAccount brand() {
        return TestAccount.BRAND;
    }

    /** fan.test / fan-pass-1. */
    public TestAccount fan() {
        return TestAccount.FAN;
    }

    /** The accounts created at start. */
    public List<TestAccount> accounts() {
        return List.of(TestAccount.BRAND, TestAccount.FAN);
    }

    /** The server's output, for debugging a failed test. */
    public Path logFile() {
        return log;
    }

    /** How long {@code npm ci} took, when it ran in this JVM. */
    public Optional<Duration> npmCiDuration() {
        return npmCiRan ? Optional.of(npmCi) : Optional.empty();
    }

    /** How long the server took from launch to {@code PDS READY}. */
    public Duration startDuration() {
        return start;
    }

    /**
     * Stops the server and everything it started. Safe to call twice. Not public: the server is
     * shared, a test must not stop it for the others.
     */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy(); // SIGTERM: start-pds.mjs closes the PDS and the PLC directory
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    @Override
    public String toString() {
        return "BlueskyPds[" + baseUrl + ", log " + log + "]";
    }

    // ---------------------------------------------------------------------------------------

    private static BlueskyPds start(NodeTooling.Found tools) {
        Path recipe = recipeDir();
        Path work = targetDir().resolve("bluesky-pds");
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long t0 = System.nanoTime();
        boolean ran = npmCi(tools, recipe, work);
        Duration npm = Duration.ofNanos(System.nanoTime() - t0);
        if (ran) {
            System.out.printf("[bluesky-pds] npm ci took %.1f s%n", npm.toMillis() / 1000.0);
        }
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) { // a free port can be taken between pick and bind
            try {
                BlueskyPds pds = launch(tools, recipe, work, npm, ran);
                System.out.printf("[bluesky-pds] ready at %s in %.1f s (log: %s)%n", pds.baseUrl,
                        pds.start.toMillis() / 1000.0, pds.log);
                return pds;
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static BlueskyPds launch(NodeTooling.Found tools, Path recipe, Path work, Duration npm, boolean ran) {
        int pdsPort = freePort();
        int plcPort = freePort();
        while (plcPort == pdsPort) {
            plcPort = freePort();
        }
        Path log = work.resolve("pds.log");
        ProcessBuilder pb = new ProcessBuilder(tools.node().orElseThrow().toString(), "start-pds.mjs")
                .directory(recipe.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PDS_PORT", String.valueOf(pdsPort));
        env.put("PLC_PORT", String.valueOf(plcPort));
        env.put("PDS_DIR", work.resolve("data").toAbsolutePath().toString());
        long t0 = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node start-pds.mjs in " + recipe, e);
        }
        CompletableFuture<String> ready = new CompletableFuture<>();
        Deque<String> tail = new ArrayDeque<>();
        Thread pump = new Thread(() -> pump(process, log, ready, tail), "bluesky-pds-output");
        pump.setDaemon(true);
        pump.start();
        long timeout = Long.getLong("cmkit.pds.startTimeoutSeconds", 180);
        try {
            String url = ready.get(timeout, TimeUnit.SECONDS);
            return new BlueskyPds(process, URI.create(url), plcPort, log, npm, ran, Duration.ofNanos(System.nanoTime() - t0));
        } catch (TimeoutException | ExecutionException e) {
            destroyTree(process);
            String why = e instanceof TimeoutException ? "did not print \"PDS READY\" within " + timeout + " s"
                    : "exited before it was ready (exit " + exitOf(process) + ")";
            throw new IllegalStateException("The Bluesky PDS " + why + ". Last lines of " + log + ":\n" + tailOf(tail));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyTree(process);
            throw new IllegalStateException("interrupted while the Bluesky PDS started", e);
        }
    }

    private static void pump(Process process, Path log, CompletableFuture<String> ready, Deque<String> tail) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 30) {
                        tail.removeFirst();
                    }
                }
                int at = line.indexOf(READY);
                if (at >= 0 && !ready.isDone()) {
                    ready.complete(line.substring(at + READY.length()).trim());
                }
            }
        } catch (IOException e) {
            // the process ended; fall through
        }
        ready.completeExceptionally(new IllegalStateException("output ended"));
    }

    /** Runs npm ci unless node_modules matches the lock file; returns whether it ran. */
    private static boolean npmCi(NodeTooling.Found tools, Path recipe, Path work) {
        String want = stampOf(recipe, tools.nodeVersion().orElse("?"));
        Path stamp = recipe.resolve("node_modules").resolve(STAMP);
        // One JVM at a time installs (two builds of the same checkout would fight over node_modules).
        try (FileChannel channel = FileChannel.open(work.resolve("npm-ci.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                return npmCiLocked(tools, recipe, work, stamp, want);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("npm ci in " + recipe, e);
        }
    }

    private static boolean npmCiLocked(NodeTooling.Found tools, Path recipe, Path work, Path stamp, String want) {
        try {
            if (Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).trim().equals(want)) {
                return false;
            }
            Path npmLog = work.resolve("npm-ci.log");
            ProcessBuilder pb = new ProcessBuilder(tools.npm().orElseThrow().toString(), "ci", "--no-audit", "--no-fund")
                    .directory(recipe.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(npmLog.toFile());
            Map<String, String> env = pb.environment();
            // node-gyp compiles better-sqlite3; give it this node's own headers when they are
            // installed beside it, so nothing is downloaded (and the build matches the node).
            if (!env.containsKey("npm_config_nodedir") && !env.containsKey("NPM_CONFIG_NODEDIR")) {
                NodeTooling.localHeaders(tools.node().orElseThrow(), tools.nodeVersion().orElse(""))
                        .ifPresent(prefix -> env.put("npm_config_nodedir", prefix.toString()));
            }
            // Make sure npm runs the node we checked, not another one earlier on the PATH.
            Path nodeDir = tools.node().orElseThrow().getParent();
            env.put("PATH", nodeDir + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
            System.out.println("[bluesky-pds] npm ci in " + recipe + " (first run compiles better-sqlite3; log: " + npmLog + ")");
            Process p = pb.start();
            long timeout = Long.getLong("cmkit.pds.npmTimeoutSeconds", 900);
            if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
                destroyTree(p);
                throw new IllegalStateException("npm ci did not finish within " + timeout + " s; see " + npmLog);
            }
            if (p.exitValue() != 0) {
                List<String> lines = Files.readAllLines(npmLog, StandardCharsets.UTF_8);
                throw new IllegalStateException("npm ci failed (exit " + p.exitValue() + ") in " + recipe + ". Last lines of "
                        + npmLog + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
            Files.writeString(stamp, want + "\n", StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("npm ci in " + recipe, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during npm ci", e);
        }
    }

    /** A hash of what node_modules is built from: the lock file, package.json, and the node version (native modules). */
    static String stampOf(Path recipe, String nodeVersion) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(recipe.resolve("package-lock.json")));
            sha.update(Files.readAllBytes(recipe.resolve("package.json")));
            sha.update(nodeVersion.getBytes(StandardCharsets.UTF_8));
            sha.update(System.getProperty("os.arch", "").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PDS recipe in " + recipe, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path recipeDir() {
        String configured = System.getProperty("cmkit.pds.dir");
        Path dir = configured != null ? Path.of(configured) : moduleDir().resolve("src/test/pds");
        if (!Files.isRegularFile(dir.resolve("start-pds.mjs"))) {
            throw new IllegalStateException("no PDS recipe (start-pds.mjs) in " + dir.toAbsolutePath()
                    + "; set -Dcmkit.pds.dir to the folder holding package.json, package-lock.json and start-pds.mjs");
        }
        return dir.toAbsolutePath();
    }

    private static Path moduleDir() {
        // Surefire sets basedir; an IDE usually runs tests from the module folder.
        String basedir = System.getProperty("basedir");
        if (basedir != null) {
            return Path.of(basedir);
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("cm-connectors/src/test/pds")) ? here.resolve("cm-connectors") : here;
    }

    private static Path targetDir() {
        return moduleDir().resolve("target");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String exitOf(Process process) {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static String tailOf(Deque<String> tail) {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }
}
