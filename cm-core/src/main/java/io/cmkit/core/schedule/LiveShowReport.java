package io.cmkit.core.schedule;

import io.cmkit.core.live.PlannedPost;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@link LiveScheduling} did with each publication of a live plan, in the plan's order.
 *
 * @param entries one per planned publication
 */
public record LiveShowReport(List<Entry> entries) {

    public LiveShowReport {
        entries = List.copyOf(entries);
    }

    /** What happened to one planned publication. */
    public enum Result {
        /** A draft was created for it (and submitted, when submitting). */
        CREATED,
        /** Its content differed from the plan's: edited, and back to review. */
        EDITED,
        /** Submitted for review. */
        SUBMITTED,
        /** Approved. */
        APPROVED,
        /** Rejected, back to draft. */
        REJECTED,
        /** Scheduled at its instant (it was approved, or failed before). */
        SCHEDULED,
        /** It was scheduled at another instant (the show moved): moved to its new instant. */
        RESCHEDULED,
        /** Nothing to do: already as asked. */
        UNCHANGED,
        /** Already published: it stays as it is. */
        ALREADY_PUBLISHED,
        /** Being published right now: it cannot be moved and stays as it is. */
        IN_FLIGHT,
        /** Cancelled earlier: skipped; its replies treat it as a gap. */
        CANCELLED,
        /**
         * Its instant is already past: not scheduled (if it was scheduled for an earlier start, it is
         * cancelled so that it does not go out out of turn); its replies treat it as a gap.
         */
        LATE
    }

    /**
     * @param post the planned publication
     * @param key its post in the schedule
     * @param result what was done
     * @param state the post's state afterwards (empty when it has no post in the schedule)
     * @param detail a sentence for a person
     */
    public record Entry(PlannedPost post, PostKey key, Result result, java.util.Optional<PostState> state,
                        String detail) {
        public Entry {
            Objects.requireNonNull(post, "post");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String toString() {
            return result + " " + post.key() + ": " + detail;
        }
    }

    /** The entries with one of these results. */
    public List<Entry> with(Result... results) {
        List<Result> wanted = List.of(results);
        return entries.stream().filter(e -> wanted.contains(e.result())).toList();
    }

    /** The publications that were late and not scheduled. */
    public List<Entry> late() {
        return with(Result.LATE);
    }

    /** One line per entry. */
    @Override
    public String toString() {
        return entries.stream().map(Entry::toString).collect(Collectors.joining("\n"));
    }
}
