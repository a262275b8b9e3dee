package io.cmkit.connectors.bluesky.pds;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * Finds node and npm, and decides what their absence means: a visible skip on a developer's
 * machine, a failure on CI ({@code CI=true}), so CI never hides the PDS tests.
 */
final class NodeTooling {

    /** The oldest Node major the pinned recipe runs on. */
    static final int MIN_NODE_MAJOR = 20;

    /** What was found. {@code problems} is empty when both tools are usable. */
    record Found(Optional<Path> node, Optional<Path> npm, Optional<String> nodeVersion, List<String> problems) {
    }

    private static Found current;

    private NodeTooling() {
    }

    /** What this JVM's PATH offers, looked up once. */
    static synchronized Found current() {
        if (current == null) {
            current = find(System.getenv());
        }
        return current;
    }

    static boolean onCi(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("CI", "").trim());
    }

    /** Looks for node and npm on the PATH of {@code env}. */
    static Found find(Map<String, String> env) {
        Function<String, Optional<Path>> which = name -> onPath(env, name);
        return find(which, NodeTooling::version);
    }

    static Found find(Function<String, Optional<Path>> which, Function<Path, Optional<String>> versionOf) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Optional<Path> node = which.apply(windows ? "node.exe" : "node");
        Optional<Path> npm = which.apply(windows ? "npm.cmd" : "npm");
        List<String> problems = new ArrayList<>();
        Optional<String> version = node.flatMap(versionOf);
        if (node.isEmpty()) {
            problems.add("node is not on the PATH");
        } else if (version.isEmpty()) {
            problems.add("node at " + node.get() + " does not answer --version");
        } else if (major(version.get()) < MIN_NODE_MAJOR) {
            problems.add("node " + version.get() + " is older than the " + MIN_NODE_MAJOR + " the PDS recipe needs");
        }
        if (npm.isEmpty()) {
            problems.add("npm is not on the PATH");
        }
        return new Found(node, npm, version, problems);
    }

    /**
     * Returns when node and npm are usable. Otherwise skips the calling tests with the reason
     * (JUnit's assumption), or fails them when {@code CI=true}.
     */
    static Found require(Found found, Map<String, String> env) {
        if (found.problems().isEmpty()) {
            return found;
        }
        String why = String.join("; ", found.problems());
        if (onCi(env)) {
            throw new AssertionFailedError("The Bluesky PDS tests cannot run: " + why + ". CI=true, so this fails"
                    + " instead of skipping: install Node " + MIN_NODE_MAJOR + "+ and npm on the CI machine.");
        }
        Assumptions.abort(skipReason(found.problems()));
        throw new AssertionError("unreachable");
    }

    static String skipReason(List<String> problems) {
        return "Skipped: the Bluesky PDS tests need Node " + MIN_NODE_MAJOR + "+ and npm, and " + String.join("; ", problems)
                + ". Install them to run these tests (on CI, with CI=true, this is a failure, not a skip).";
    }

    static int major(String version) {
        String v = version.startsWith("v") ? version.substring(1) : version;
        try {
            return Integer.parseInt(v.split("\\.")[0].trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Optional<Path> onPath(Map<String, String> env, String name) {
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Optional<String> version(Path node) {
        try {
            Process p = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The Node headers that match this node, when they are installed next to it
     * ({@code <prefix>/include/node}); node-gyp then builds better-sqlite3 without downloading them.
     */
    static Optional<Path> localHeaders(Path node, String nodeVersion) {
        try {
            Path prefix = node.toRealPath().getParent().getParent();
            Path versionHeader = prefix.resolve("include/node/node_version.h");
            if (!Files.isRegularFile(prefix.resolve("include/node/node.h")) || !Files.isRegularFile(versionHeader)) {
                return Optional.empty();
            }
            String h = Files.readString(versionHeader, StandardCharsets.UTF_8);
            String v = nodeVersion.startsWith("v") ? nodeVersion.substring(1) : nodeVersion;
            String[] parts = v.split("\\.");
            boolean same = parts.length >= 3
                    && defines(h, "NODE_MAJOR_VERSION", parts[0])
                    && defines(h, "NODE_MINOR_VERSION", parts[1])
                    && defines(h, "NODE_PATCH_VERSION", parts[2]);
            return same ? Optional.of(prefix) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean defines(String header, String name, String value) {
        return java.util.regex.Pattern.compile("(?m)^#define " + name + " " + java.util.regex.Pattern.quote(value) + "\\s*$")
                .matcher(header).find();
    }
}
