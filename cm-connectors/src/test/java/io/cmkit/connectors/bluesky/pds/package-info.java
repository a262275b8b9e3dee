/**
 * A real Bluesky Personal Data Server for tests: {@link io.cmkit.connectors.bluesky.pds.BlueskyPdsExtension}
 * installs the pinned npm recipe in {@code src/test/pds} ({@code npm ci}, cached by a hash of
 * the lock file), starts a PLC directory and a PDS on free loopback ports, and shares that one
 * server with every test class of the JVM. Where node or npm is missing the tests are skipped
 * and say why, except on CI ({@code CI=true}) where they fail. See docs/contract-testing.md.
 */
package io.cmkit.connectors.bluesky.pds;
