package io.cmkit.core.schedule;

/**
 * What one {@link Scheduler#runOnce()} (or {@link Scheduler#dispatchDue()}) did.
 *
 * @param claimed publications claimed from the store
 * @param published sent, or found already published by reconciliation
 * @param retried requeued after a transient failure
 * @param deferred requeued until a rate limit resets
 * @param failed failed for good
 * @param needsCheck left for a person because the outcome is unknown
 * @param released given back unsent because the scheduler was closing
 * @param lost not recorded because the lease was lost (another instance took over)
 */
public record DispatchReport(int claimed, int published, int retried, int deferred, int failed, int needsCheck,
                             int released, int lost) {

    /** Nothing done. */
    public static final DispatchReport EMPTY = new DispatchReport(0, 0, 0, 0, 0, 0, 0, 0);

    /** The sum of two reports. */
    public DispatchReport plus(DispatchReport o) {
        return new DispatchReport(claimed + o.claimed, published + o.published, retried + o.retried,
                deferred + o.deferred, failed + o.failed, needsCheck + o.needsCheck, released + o.released,
                lost + o.lost);
    }
}
