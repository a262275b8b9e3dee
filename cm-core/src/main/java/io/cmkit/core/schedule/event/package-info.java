/**
 * The scheduler's typed events, published by each {@link io.cmkit.core.schedule.Scheduler}
 * through {@link io.cmkit.core.schedule.Scheduler#getEventPublisher()}: a post published, a
 * publication retried, deferred by a rate limit, failed, or waiting for a person's check.
 */
package io.cmkit.core.schedule.event;
