package io.cmkit.connectors.testkit;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A test SLF4J 2 provider: every logger is enabled at every level and hands each line to
 * {@link LogCapture}; lines at {@code cmkit.test.log.level} (default WARN) and above are also
 * printed to standard error. {@link java.util.ServiceLoader} finds it through the test-jar's
 * {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider} when it is the only provider on
 * the test classpath; with another one, select it with {@code -Dslf4j.provider=} this class's name.
 */
public final class CapturingSlf4jProvider implements SLF4JServiceProvider {

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();
    private final Factory factory = new Factory();

    /** For {@link java.util.ServiceLoader}. */
    public CapturingSlf4jProvider() {
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    static final class Factory implements ILoggerFactory {

        private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return loggers.computeIfAbsent(name, CapturingLogger::new);
        }
    }

    static final class CapturingLogger extends AbstractLogger {

        private static final long serialVersionUID = 1L;
        private static final Level PRINTED = Level.valueOf(
                System.getProperty("cmkit.test.log.level", "WARN").toUpperCase(Locale.ROOT));

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern,
                                                   Object[] arguments, Throwable throwable) {
            StringBuilder text = new StringBuilder(
                    MessageFormatter.basicArrayFormat(messagePattern, arguments) == null ? ""
                            : MessageFormatter.basicArrayFormat(messagePattern, arguments));
            for (Throwable t = throwable; t != null; t = t.getCause()) {
                text.append(" | ").append(t);
                if (t.getCause() == t) {
                    break;
                }
            }
            CapturedLine line = new CapturedLine(name, level.name(), text.toString());
            LogCapture.publish(line);
            if (level.toInt() >= PRINTED.toInt()) {
                System.err.println(Instant.now() + " [" + Thread.currentThread().getName() + "] " + line);
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isTraceEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled(Marker marker) {
            return true;
        }
    }
}
