/**
 * The inbox: polls each account's mention feed and the comments under its recent posts through
 * the connector SPI, keeps resumable cursors in an {@link io.cmkit.core.inbox.InboxStore}, skips
 * what it already handed over, and hands each new interaction to the registered
 * {@link io.cmkit.core.inbox.InteractionHandler}s (moderation, listening, the host's own),
 * at least once. See {@code docs/inbox.md}.
 */
package io.cmkit.core.inbox;
