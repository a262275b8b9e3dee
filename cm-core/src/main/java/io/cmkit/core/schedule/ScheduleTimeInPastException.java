package io.cmkit.core.schedule;

import java.time.Instant;

/** A post was to be scheduled for a time already past; nothing was changed. */
public final class ScheduleTimeInPastException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final PostKey post;
    private final Instant requested;
    private final Instant now;

    public ScheduleTimeInPastException(PostKey post, Instant requested, Instant now) {
        super("post " + post + " cannot be scheduled for " + requested + ": that is in the past (now is " + now + ")");
        this.post = post;
        this.requested = requested;
        this.now = now;
    }

    public PostKey post() {
        return post;
    }

    /** The time asked for. */
    public Instant requested() {
        return requested;
    }

    /** The time it was, by the workflow's clock. */
    public Instant now() {
        return now;
    }
}
