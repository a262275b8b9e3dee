package io.cmkit.core.spi;

import java.util.Optional;

/** Publishing to the account: posts, replies, deletion. */
public interface Publishing {

    /** How a connector keeps a retried publication from appearing twice. */
    enum Idempotency {
        /** The platform takes the key and ignores a repeat (Mastodon's Idempotency-Key). */
        NATIVE,
        /** The platform ignores keys, but {@link #findPublished(String)} can tell whether a key went out. */
        LOOKUP,
        /** Neither: a publication whose outcome is unknown needs a person to check. */
        NONE
    }

    /**
     * Publishes a variant. With the same idempotency key, a second call after a success returns
     * the first publication where the platform allows ({@link #idempotency()}).
     *
     * @throws RejectedException when the platform refuses it for good, with its reason
     * @throws RateLimitedException when it must wait; the reset time says until when
     */
    PublishedPost publish(PublishRequest request) throws ConnectorException;

    /** Deletes a post of the account's; deleting one already gone is not an error. */
    void delete(PostRef post) throws ConnectorException;

    /** How repeats of the same idempotency key are kept from publishing twice. */
    Idempotency idempotency();

    /**
     * The publication made with this key, when {@link #idempotency()} is {@code LOOKUP} or
     * {@code NATIVE} and the platform still knows it; always empty for {@code NONE}.
     */
    Optional<PublishedPost> findPublished(String idempotencyKey) throws ConnectorException;

    /** Whether {@link PublishRequest#scheduleAt()} is honoured by the platform itself. */
    boolean supportsNativeScheduling();
}
