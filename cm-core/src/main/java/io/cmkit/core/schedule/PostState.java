package io.cmkit.core.schedule;

/**
 * Where a post is in its life. The legal moves between states are the {@link PostAction}s; the
 * table is in {@code docs/scheduling.md}.
 *
 * <pre>
 * DRAFT -> IN_REVIEW -> APPROVED -> SCHEDULED -> PUBLISHING -> PUBLISHED | FAILED
 *   ^          |  (reject, with a comment)                                  |
 *   +----------+                         CANCELLED from DRAFT ... SCHEDULED  +-> SCHEDULED (reschedule)
 * </pre>
 */
public enum PostState {
    /** Being written; editable freely. */
    DRAFT,
    /** Waiting for an approver. */
    IN_REVIEW,
    /** Approved; not yet given a publication time. */
    APPROVED,
    /** Given a time; its publications wait in the store for the scheduler. */
    SCHEDULED,
    /** A scheduler has taken at least one of its publications; not all have ended. */
    PUBLISHING,
    /** Every publication went out. */
    PUBLISHED,
    /** Every publication ended and at least one failed for good; it may be rescheduled. */
    FAILED,
    /** Withdrawn before publishing; final. */
    CANCELLED;

    /** Whether no action leads out of this state ({@link #PUBLISHED}, {@link #CANCELLED}). */
    public boolean isFinal() {
        return this == PUBLISHED || this == CANCELLED;
    }
}
