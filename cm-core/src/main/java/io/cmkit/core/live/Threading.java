package io.cmkit.core.live;

/**
 * Whether the cues of a run of show are published as threads, one per account, and what a cue
 * replies to when the cue before it on that account was never published (it failed, was cancelled
 * or was skipped because it was late).
 */
public enum Threading {

    /** Every cue is a post of its own. */
    NONE,

    /**
     * Each cue replies to the previous cue on the same account. When that one was not published,
     * it replies to the last cue published before it on that account, so the thread stays one
     * thread with a gap; when none was, it is published stand-alone and starts the thread.
     */
    THREAD_BRIDGING_GAPS,

    /**
     * Each cue replies to the previous cue on the same account. When that one was not published,
     * it is published stand-alone and starts a new thread that the following cues continue.
     */
    THREAD_RESTARTING_AFTER_GAPS;

    /** Whether cues reply to each other at all. */
    public boolean threads() {
        return this != NONE;
    }
}
