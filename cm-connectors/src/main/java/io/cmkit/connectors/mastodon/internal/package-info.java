/**
 * The Mastodon connector's internals: endpoints, the platform's JSON (never public), its mapping
 * to cmkit's model, HTML to plain text, and instance limits. Retries, rate limits, paging and
 * errors come from {@link io.cmkit.connectors.http}.
 */
package io.cmkit.connectors.mastodon.internal;
