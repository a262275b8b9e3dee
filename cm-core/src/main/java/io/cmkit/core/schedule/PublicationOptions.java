package io.cmkit.core.schedule;

import java.util.Objects;
import java.util.Optional;

/**
 * How a post's publication on one account is keyed and threaded, kept with the
 * {@link ScheduledPost} so that every (re)scheduling creates the publication the same way.
 *
 * @param idempotencyKey the key to publish with, instead of {@link Publication#keyFor}; unique in
 *                       the store, 1 to 128 characters (a live show uses its plan's keys)
 * @param replyTo what the publication replies to, if it is a reply
 */
public record PublicationOptions(Optional<String> idempotencyKey, Optional<ReplyTarget> replyTo) {

    /** A stand-alone publication under {@link Publication#keyFor}. */
    public static final PublicationOptions DEFAULT = new PublicationOptions(Optional.empty(), Optional.empty());

    public PublicationOptions {
        Objects.requireNonNull(idempotencyKey, "PublicationOptions.idempotencyKey");
        Objects.requireNonNull(replyTo, "PublicationOptions.replyTo");
        idempotencyKey.ifPresent(k -> {
            if (k.isBlank() || k.length() > 128) {
                throw new IllegalArgumentException("PublicationOptions.idempotencyKey must be 1 to 128 characters");
            }
        });
        if (idempotencyKey.isPresent() && replyTo.orElse(null) instanceof ReplyTarget.Parent p
                && p.chain().contains(idempotencyKey.get())) {
            throw new IllegalArgumentException("publication " + idempotencyKey.get() + " cannot reply to itself");
        }
    }

    /** Options with an idempotency key and a reply target (either may be empty). */
    public static PublicationOptions of(Optional<String> idempotencyKey, Optional<ReplyTarget> replyTo) {
        return new PublicationOptions(idempotencyKey, replyTo);
    }

    /** Whether these are the defaults. */
    public boolean isDefault() {
        return idempotencyKey.isEmpty() && replyTo.isEmpty();
    }
}
