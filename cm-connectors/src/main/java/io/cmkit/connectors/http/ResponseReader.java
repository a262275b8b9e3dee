package io.cmkit.connectors.http;

import io.cmkit.core.spi.ConnectorException;

/**
 * Turns a successful answer into the caller's value. It runs inside the attempt, so an answer
 * that cannot be read (truncated, malformed) is retried like any transient failure when the
 * request is safe to repeat.
 *
 * @param <T> what it reads
 */
@FunctionalInterface
public interface ResponseReader<T> {

    T read(ApiResponse response) throws ConnectorException;
}
