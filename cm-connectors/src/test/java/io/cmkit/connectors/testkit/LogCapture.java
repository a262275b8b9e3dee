package io.cmkit.connectors.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Collects the SLF4J lines logged, from any thread, while it is open:
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start()) {
 *     connector.require(Publishing.class).publish(request);
 *     assertThat(logs.lines()).noneMatch(line -> line.text().contains(token));
 * }
 * }</pre>
 *
 * <p>Works when {@link CapturingSlf4jProvider} is SLF4J's provider; {@link #installed()} says so.
 */
public final class LogCapture implements AutoCloseable {

    private static final List<LogCapture> OPEN = new CopyOnWriteArrayList<>();

    private final List<CapturedLine> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
    }

    /** Starts collecting. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        OPEN.add(capture);
        return capture;
    }

    /** Whether SLF4J logs through {@link CapturingSlf4jProvider}, so captures see every line. */
    public static boolean installed() {
        return LoggerFactory.getILoggerFactory() instanceof CapturingSlf4jProvider.Factory;
    }

    static void publish(CapturedLine line) {
        for (LogCapture c : OPEN) {
            c.lines.add(line);
        }
    }

    /** The lines collected so far, in order. */
    public List<CapturedLine> lines() {
        return new ArrayList<>(lines);
    }

    /** Stops collecting; the lines stay readable. */
    @Override
    public void close() {
        OPEN.remove(this);
    }
}
