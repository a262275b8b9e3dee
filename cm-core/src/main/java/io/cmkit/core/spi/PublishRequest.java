package io.cmkit.core.spi;

import io.cmkit.core.model.PostVariant;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to publish, and the key that makes publishing it twice harmless.
 *
 * @param variant the text and media, already checked against the platform's limits
 * @param idempotencyKey the same key for every attempt at the same publication: where the
 *                       platform supports it, a retry with the key never creates a second post
 * @param replyTo the post it answers, for threads and live-tweeting
 * @param scheduleAt ask the platform to publish it later itself, where it can ({@link Publishing#supportsNativeScheduling()})
 */
public record PublishRequest(PostVariant variant, String idempotencyKey, Optional<PostRef> replyTo,
                             Optional<Instant> scheduleAt) {

    public PublishRequest {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            throw new IllegalArgumentException("PublishRequest.idempotencyKey must be 1 to 128 characters");
        }
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(scheduleAt, "scheduleAt");
    }

    /** Publish now, not as a reply. */
    public static PublishRequest now(PostVariant variant, String idempotencyKey) {
        return new PublishRequest(variant, idempotencyKey, Optional.empty(), Optional.empty());
    }

    /** Publish now as a reply to another post. */
    public static PublishRequest reply(PostVariant variant, String idempotencyKey, PostRef parent) {
        return new PublishRequest(variant, idempotencyKey, Optional.of(parent), Optional.empty());
    }
}
