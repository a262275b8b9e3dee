package io.cmkit.core.schedule;

import io.cmkit.core.spi.PostRef;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a publication replies to, when it is a reply: a post already on the platform, or another
 * publication of the same store (a thread being published, such as a live show's previous cue).
 *
 * <p>A {@link Parent} travels with its rule for gaps, so every scheduler instance decides the same
 * way when the parent was never published. The rules, applied when the publication is due:
 * <ul>
 *   <li>the parent is PUBLISHED: reply to its {@link io.cmkit.core.spi.PostRef};</li>
 *   <li>the parent is still open (PENDING, PUBLISHING, NEEDS_CHECK): wait (the publication is
 *   deferred without using an attempt), so that a thread keeps its order on any number of
 *   instances;</li>
 *   <li>the parent FAILED, or has no publication in the store (cancelled, withdrawn by an edit,
 *   never scheduled because it was late): {@link GapRule#BRIDGE} looks at the next ancestor of
 *   {@link Parent#chain()} the same way (reply to it if published, wait if open, go on if missing)
 *   and goes out stand-alone when none is left; {@link GapRule#RESTART} goes out stand-alone and
 *   starts a new thread, which the publications replying to this one continue.</li>
 * </ul>
 */
public sealed interface ReplyTarget permits ReplyTarget.ExistingPost, ReplyTarget.Parent {

    /** What to do when a parent publication was not published. */
    enum GapRule {
        /** Reply to the nearest ancestor that was published; stand-alone when none was. */
        BRIDGE,
        /** Go out stand-alone and start a new thread. */
        RESTART
    }

    /** A reply to a post already on the platform (same platform as the publication's account). */
    static ReplyTarget post(PostRef ref) {
        return new ExistingPost(ref);
    }

    /**
     * A reply to another publication of the store.
     *
     * @param chain idempotency keys: the parent first, then its parent, and so on (the ancestors are
     *              only read by {@link GapRule#BRIDGE})
     */
    static ReplyTarget parent(List<String> chain, GapRule onGap) {
        return new Parent(chain, onGap);
    }

    /** @param ref the post replied to */
    record ExistingPost(PostRef ref) implements ReplyTarget {
        public ExistingPost {
            Objects.requireNonNull(ref, "ExistingPost.ref");
        }
    }

    /**
     * @param chain the parent's idempotency key, then its ancestors' nearest first; at least one, no
     *              key twice, each 1 to 128 characters
     * @param onGap what to do when the parent (and, bridging, an ancestor) was not published
     */
    record Parent(List<String> chain, GapRule onGap) implements ReplyTarget {
        public Parent {
            Objects.requireNonNull(chain, "Parent.chain");
            Objects.requireNonNull(onGap, "Parent.onGap");
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("Parent.chain must name the parent publication");
            }
            Set<String> seen = new HashSet<>();
            for (String key : chain) {
                if (key.isBlank() || key.length() > 128) {
                    throw new IllegalArgumentException("Parent.chain keys must be 1 to 128 characters, got '" + key + "'");
                }
                if (!seen.add(key)) {
                    throw new IllegalArgumentException("Parent.chain names " + key + " twice");
                }
            }
        }

        /** The parent publication's idempotency key. */
        public String parentKey() {
            return chain.get(0);
        }
    }
}
