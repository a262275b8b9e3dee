package io.cmkit.connectors.testkit;

import java.util.Objects;

/**
 * One log line as SLF4J formatted it, with its throwable chain's messages appended.
 *
 * @param logger the logger's name
 * @param level TRACE, DEBUG, INFO, WARN or ERROR
 * @param text the formatted message, and the messages of its throwable chain
 */
public record CapturedLine(String logger, String level, String text) {

    public CapturedLine {
        Objects.requireNonNull(logger, "logger");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return level + " " + logger + " - " + text;
    }
}
