/**
 * Contract checks for connector tests: every stub a test registers and every request a
 * connector sends is checked against the platform's own public contract, carried in
 * {@code src/test/resources/contracts} (Mastodon's OpenAPI 3.1 document, Bluesky's lexicons).
 *
 * <p>{@link io.cmkit.connectors.contract.Contract} is one platform's contract
 * ({@link io.cmkit.connectors.contract.OpenApiContract#mastodon()},
 * {@link io.cmkit.connectors.contract.LexiconContract#bluesky()}); it answers with
 * {@link io.cmkit.connectors.contract.Violation}s that name the endpoint and the JSON pointer.
 * {@link io.cmkit.connectors.contract.WireMockContract} applies a contract to a WireMock server:
 * stubs when they are registered, and after the test every request received and every response
 * served. See docs/contract-testing.md.
 */
package io.cmkit.connectors.contract;
