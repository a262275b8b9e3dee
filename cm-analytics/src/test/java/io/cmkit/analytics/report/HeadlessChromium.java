package io.cmkit.analytics.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, run headless with no network of its own and a fresh profile per run.
 * {@link #findOrInstall} installs the package when it is missing and the tests run as root.
 */
final class HeadlessChromium {

    private static final long TIMEOUT_SECONDS = 180;
    private static Optional<HeadlessChromium> found;

    private final Path executable;
    private final Path logDir;

    private HeadlessChromium(Path executable, Path logDir) {
        this.executable = executable;
        this.logDir = logDir;
    }

    static boolean onCi(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("CI", "").strip());
    }

    /** Chromium on the PATH; when absent and running as root, {@code apt-get install -y chromium} first. */
    static synchronized Optional<HeadlessChromium> findOrInstall(Path logDir) {
        if (found == null) {
            Optional<Path> executable = onPath("chromium");
            if (executable.isEmpty() && isRoot() && onPath("apt-get").isPresent()) {
                install(logDir);
                executable = onPath("chromium");
            }
            found = executable.map(e -> new HeadlessChromium(e, logDir));
        }
        return found;
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void install(Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve("apt-get-install.log");
            System.err.println("[chromium] not found: apt-get install -y chromium (output in " + log + ")");
            Process process = new ProcessBuilder("apt-get", "install", "-y", "chromium")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            System.err.println("[chromium] apt-get install failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The DOM after load, as {@code --dump-dom} prints it. */
    String dumpDom(Path html, int width, int height) throws IOException, InterruptedException {
        return new String(run(html, width, height, List.of("--dump-dom"), "dump-dom"), StandardCharsets.UTF_8);
    }

    /** A PNG of the page at that window size, one CSS pixel per image pixel. */
    void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        run(html, width, height, List.of("--screenshot=" + png.toAbsolutePath()), "screenshot");
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot " + png + "; see " + logDir.resolve("screenshot.log"));
        }
    }

    private byte[] run(Path html, int width, int height, List<String> action, String logName)
            throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path profile = Files.createTempDirectory("cmkit-chromium-");
        Path stdout = logDir.resolve(logName + ".out");
        Path log = logDir.resolve(logName + ".log");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=" + width + "," + height));
        command.addAll(action);
        command.add(html.toAbsolutePath().toUri().toString());
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(log.toFile()).start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IOException("chromium exited with " + process.exitValue() + "; see " + log);
            }
            return Files.readAllBytes(stdout);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
