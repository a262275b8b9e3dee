package io.cmkit.core.inbox.event;

import java.time.Instant;

/** Something the inbox did or met; subscribe through {@link InboxEventPublisher}. */
public sealed interface InboxEvent permits FeedFailed, FeedRateLimited, HandlerFailed, DeliveryAbandoned, Polled {

    /** When (the inbox's clock). */
    Instant at();
}
