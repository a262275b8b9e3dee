/**
 * The Mastodon connector, for any instance: open it with a {@link io.cmkit.connectors.mastodon.MastodonConfig}
 * through {@link io.cmkit.core.spi.Connectors} (the {@link io.cmkit.connectors.mastodon.MastodonConnectorProvider}
 * is registered with {@link java.util.ServiceLoader}). It publishes (media, replies, native scheduling,
 * {@code Idempotency-Key}), reads comments (status context) and mentions (notifications), deletes the
 * brand's own replies, reports and blocks, reads metrics and the profile, and takes its limits from
 * the instance. What Mastodon cannot do (hide a reply) is stated, not faked. See docs/connectors.md,
 * section "Mastodon".
 */
package io.cmkit.connectors.mastodon;
