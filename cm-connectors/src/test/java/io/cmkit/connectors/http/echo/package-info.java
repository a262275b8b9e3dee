/**
 * A tiny test-only "echo" platform connector built on the HTTP foundation the way a real platform
 * package is (endpoints and mapping only), and a WireMock fake of its server with real HTTP faults.
 * It proves the foundation against the connector kit and against faults no harness abstracts:
 * timeouts, truncated bodies, 429 storms, a token expiring in the middle of pagination.
 */
package io.cmkit.connectors.http.echo;
