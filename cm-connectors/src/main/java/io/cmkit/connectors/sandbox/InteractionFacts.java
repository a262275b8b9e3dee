package io.cmkit.connectors.sandbox;

import io.cmkit.core.model.Interaction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sandbox knows about an interaction that a real platform would not say, or would say
 * elsewhere: the author's intent (ground truth for moderation and listening tests), whether the
 * brand hid or deleted it, the reports filed about it, and whether its author is one of the
 * world's recurring trolls or spammers.
 *
 * @param interaction the interaction as feeds return it
 * @param intent what the author meant; empty for planted interactions, whose intent is the test's
 * @param visibility whether it is shown, hidden by the brand or deleted
 * @param reports the reasons given each time it was reported, oldest first
 * @param recurringAuthor whether its author is a recurring troll or spammer (flooding)
 * @param postId the brand post it comments on or quotes; empty for mentions
 */
public record InteractionFacts(Interaction interaction, Optional<Intent> intent, Visibility visibility,
                               List<String> reports, boolean recurringAuthor, Optional<String> postId) {

    /** Whether others can see it. */
    public enum Visibility {
        /** Shown as the author wrote it. */
        VISIBLE,
        /** Hidden by the brand: the author and the brand still see it, others do not. */
        HIDDEN,
        /** Deleted by the brand; feeds no longer return it. */
        DELETED
    }

    public InteractionFacts {
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(visibility, "visibility");
        reports = List.copyOf(reports);
        Objects.requireNonNull(postId, "postId");
    }

    /** Whether the brand hid it. */
    public boolean hidden() {
        return visibility == Visibility.HIDDEN;
    }

    /** Whether the brand deleted it. */
    public boolean deleted() {
        return visibility == Visibility.DELETED;
    }
}
