package io.cmkit.core.schedule.event;

/**
 * Where a scheduler's events are subscribed to, one kind at a time or all at once:
 *
 * <pre>{@code
 * scheduler.getEventPublisher()
 *         .onPublished(e -> log.info("{} is on {}", e.post(), e.account()))
 *         .onFailed(e -> alert(e.reason()));
 * }</pre>
 *
 * Consumers run on the scheduler's thread, after the store recorded what they report, in the
 * order they were registered.
 */
public interface SchedulerEventPublisher {

    /** Every event. */
    SchedulerEventPublisher onEvent(EventConsumer<SchedulerEvent> consumer);

    SchedulerEventPublisher onPublished(EventConsumer<PostPublished> consumer);

    SchedulerEventPublisher onRetry(EventConsumer<PublicationRetried> consumer);

    SchedulerEventPublisher onDeferred(EventConsumer<PublicationDeferred> consumer);

    SchedulerEventPublisher onFailed(EventConsumer<PublicationFailed> consumer);

    SchedulerEventPublisher onNeedsCheck(EventConsumer<PublicationNeedsCheck> consumer);
}
