package io.cmkit.core.schedule;

/** Where one publication (one post on one account) stands. */
public enum PublicationStatus {
    /** Waiting for its due time: first try, retry after a transient failure, or after a rate limit. */
    PENDING,
    /** Leased by a scheduler instance that is publishing it. */
    PUBLISHING,
    /** The platform accepted it; final. */
    PUBLISHED,
    /** Failed for good (rejected, credentials refused, retries exhausted); final until rescheduled. */
    FAILED,
    /**
     * Its outcome is unknown and the platform cannot tell (idempotency {@code NONE}): a person must
     * check the account and settle it with {@link PostWorkflow#resolvePublished} or
     * {@link PostWorkflow#resolveNotPublished}. Nothing is sent meanwhile.
     */
    NEEDS_CHECK;

    /** PUBLISHED or FAILED: the scheduler will not touch it again. */
    public boolean isEnded() {
        return this == PUBLISHED || this == FAILED;
    }
}
