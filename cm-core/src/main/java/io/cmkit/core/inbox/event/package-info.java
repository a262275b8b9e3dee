/**
 * The inbox's events: a feed failed or hit a rate limit, a handler failed, a delivery was
 * abandoned, a poll finished. Subscribed to through {@link io.cmkit.core.inbox.event.InboxEventPublisher}.
 */
package io.cmkit.core.inbox.event;
