/**
 * The Bluesky connector, over AT Protocol XRPC, for an account on any Personal Data Server.
 *
 * <p>Open it with {@link io.cmkit.core.spi.Connectors} and a
 * {@link io.cmkit.connectors.bluesky.BlueskyConfig}. It publishes {@code app.bsky.feed.post} records
 * with facets and images, replies with strong refs, deletes, hides replies through the post's
 * threadgate, reads comments, mentions, counters and the profile. Bluesky specifics (sessions,
 * idempotency by record key, AppView reads, limits) are in {@code docs/connectors.md}.
 */
package io.cmkit.connectors.bluesky;
