package io.cmkit.core.schedule;

import java.util.EnumSet;
import java.util.Set;

/**
 * What can happen to a post, and from which states. Actions taken by people go through
 * {@link PostWorkflow}; {@link #DISPATCH} and {@link #COMPLETE} are recorded by the
 * {@link ScheduleStore} on the scheduler's behalf, and {@link #RESOLVE} when a person settles a
 * publication whose outcome was unknown.
 */
public enum PostAction {
    /** The post enters the store, as a draft. */
    CREATE(EnumSet.noneOf(PostState.class)),
    /** DRAFT to IN_REVIEW. */
    SUBMIT(EnumSet.of(PostState.DRAFT)),
    /** IN_REVIEW to APPROVED. */
    APPROVE(EnumSet.of(PostState.IN_REVIEW)),
    /** IN_REVIEW back to DRAFT, always with a comment. */
    REJECT(EnumSet.of(PostState.IN_REVIEW)),
    /**
     * New content. DRAFT and IN_REVIEW stay where they are; APPROVED, SCHEDULED and FAILED go back
     * to IN_REVIEW (the publications not yet out are withdrawn).
     */
    EDIT(EnumSet.of(PostState.DRAFT, PostState.IN_REVIEW, PostState.APPROVED, PostState.SCHEDULED, PostState.FAILED)),
    /**
     * APPROVED to SCHEDULED; also SCHEDULED to SCHEDULED (a new time) and FAILED to SCHEDULED
     * (the failed publications are tried again; those already out are not).
     */
    SCHEDULE(EnumSet.of(PostState.APPROVED, PostState.SCHEDULED, PostState.FAILED)),
    /** To CANCELLED, from any state before a scheduler took one of its publications. */
    CANCEL(EnumSet.of(PostState.DRAFT, PostState.IN_REVIEW, PostState.APPROVED, PostState.SCHEDULED)),
    /** SCHEDULED to PUBLISHING: a scheduler claimed its first publication (recorded by the store). */
    DISPATCH(EnumSet.of(PostState.SCHEDULED)),
    /** PUBLISHING to PUBLISHED or FAILED: its last publication ended (recorded by the store). */
    COMPLETE(EnumSet.of(PostState.PUBLISHING)),
    /** A person settled a publication whose outcome was unknown (PUBLISHING stays or completes). */
    RESOLVE(EnumSet.of(PostState.PUBLISHING));

    private final Set<PostState> from;

    PostAction(Set<PostState> from) {
        this.from = Set.copyOf(from);
    }

    /** The states this action may be taken from. */
    public Set<PostState> allowedFrom() {
        return from;
    }

    /** Whether the action may be taken from this state. */
    public boolean isAllowedFrom(PostState state) {
        return from.contains(state);
    }
}
