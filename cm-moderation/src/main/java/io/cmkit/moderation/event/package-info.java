/**
 * Typed events a {@link io.cmkit.moderation.Moderator} publishes itself, in the Resilience4j way:
 * {@code moderator.getEventPublisher().onHidden(e -> ...)}.
 */
package io.cmkit.moderation.event;
