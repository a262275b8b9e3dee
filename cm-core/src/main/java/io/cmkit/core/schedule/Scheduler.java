package io.cmkit.core.schedule;

import io.cmkit.core.schedule.event.SchedulerEventPublisher;
import io.cmkit.core.schedule.internal.DefaultScheduler;
import java.time.Clock;

/**
 * Publishes due publications through the connector SPI. Several instances, in one JVM or in
 * several processes, may share one {@link ScheduleStore}: each claims work under a lease, so each
 * publication is sent by one instance at a time, and an instance that dies is taken over when
 * its leases expire.
 *
 * <p>What it does with each claimed publication:
 * <ul>
 *   <li>sends it with its stable idempotency key; on success records PUBLISHED;</li>
 *   <li>on a {@link io.cmkit.core.spi.TransientException} (or any retryable failure) requeues it
 *   after an exponential backoff with jitter, until {@link SchedulerConfig#maxAttempts()} attempts
 *   have failed, then FAILED;</li>
 *   <li>on a {@link io.cmkit.core.spi.RateLimitedException} requeues it at the reset time without
 *   using an attempt;</li>
 *   <li>on a {@link io.cmkit.core.spi.RejectedException} marks it FAILED with the platform's reason,
 *   and on an {@link io.cmkit.core.spi.AuthenticationException} FAILED saying the credentials were
 *   refused (reschedule once they are renewed);</li>
 *   <li>when an earlier attempt's outcome is unknown (a takeover of an expired lease, or a retry
 *   after a failure): with idempotency {@code LOOKUP} asks {@code findPublished(key)} first; with
 *   {@code NATIVE} simply sends again with the same key; with {@code NONE}, after a takeover,
 *   sends nothing and leaves it {@link PublicationStatus#NEEDS_CHECK} for a person.</li>
 * </ul>
 *
 * <p>Tests drive it with {@link #runOnce()} and a mutable {@link Clock}; hosts call
 * {@link #start()} and {@link #close()}.
 */
public interface Scheduler extends AutoCloseable {

    /**
     * A scheduler instance.
     *
     * @param instanceId this instance's id, unique among the instances sharing the store; the owner of its leases
     */
    static Scheduler of(String instanceId, ScheduleStore store, ConnectorLookup connectors, SchedulerConfig config,
                        Clock clock) {
        return new DefaultScheduler(instanceId, store, connectors, config, clock);
    }

    /**
     * A scheduler instance whose concurrent sends ({@link SchedulerConfig#dispatchConcurrency()} &gt; 1)
     * run on the host's executor; the scheduler never runs more than that many at once on it, and
     * does not shut it down. Without one, the scheduler owns a pool of that many daemon threads and
     * shuts it down on {@link #close()}.
     */
    static Scheduler of(String instanceId, ScheduleStore store, ConnectorLookup connectors, SchedulerConfig config,
                        Clock clock, java.util.concurrent.Executor dispatchExecutor) {
        return new DefaultScheduler(instanceId, store, connectors, config, clock,
                java.util.Objects.requireNonNull(dispatchExecutor, "dispatchExecutor"));
    }

    /** This instance's id. */
    String instanceId();

    /** Its configuration. */
    SchedulerConfig config();

    /** Where its events are subscribed to. */
    SchedulerEventPublisher getEventPublisher();

    /** Claims one batch of due publications, publishes them, records the outcomes, and says what it did. */
    DispatchReport runOnce();

    /** {@link #runOnce()} again while batches come back full; what a started scheduler does at each poll. */
    DispatchReport dispatchDue();

    /**
     * Starts polling on a thread of its own every {@link SchedulerConfig#pollInterval()}, sooner
     * when the store says work is due sooner.
     *
     * @throws IllegalStateException if started twice or already closed
     */
    void start();

    /**
     * Stops polling; publications claimed and not yet sent are given back to the store at once,
     * and a send in progress is allowed to finish (up to the lease duration).
     */
    @Override
    void close();
}
