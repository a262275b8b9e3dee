/**
 * The HTTP foundation's machinery: the client engine (attempts, retries through Resilience4j
 * Retry, circuit breaker, refresh-and-replay), the header-fed rate limiter, header and body
 * parsing, JSON through Jackson, and redaction. Not for use outside cm-connectors.
 */
package io.cmkit.connectors.http.internal;
