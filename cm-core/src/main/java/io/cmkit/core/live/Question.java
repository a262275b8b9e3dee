package io.cmkit.core.live;

import io.cmkit.core.model.Interaction;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A question the audience asked during a live event.
 *
 * @param interaction the comment, reply or mention that asks it
 * @param matchedBy why it belongs to the event: its hashtag, a reply to one of its posts, or both
 * @param answeredAt when it was marked answered, if it was
 */
public record Question(Interaction interaction, Set<Match> matchedBy, Optional<Instant> answeredAt) {

    /** Why an interaction belongs to the event. */
    public enum Match {
        /** It carries one of the event's hashtags. */
        HASHTAG,
        /** It replies to one of the event's published posts, directly or deeper in its thread. */
        REPLY
    }

    public Question {
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(answeredAt, "answeredAt");
        matchedBy = Set.copyOf(matchedBy);
        if (matchedBy.isEmpty()) {
            throw new IllegalArgumentException("Question.matchedBy must not be empty");
        }
    }

    /** The interaction's key, {@code platform:id}: unique across platforms. */
    public String key() {
        return interaction.key();
    }

    /** When it was asked. */
    public Instant askedAt() {
        return interaction.createdAt();
    }

    /** Whether it was marked answered. */
    public boolean isAnswered() {
        return answeredAt.isPresent();
    }

    Question answered(Instant when) {
        return new Question(interaction, matchedBy, Optional.of(when));
    }
}
