package io.cmkit.core.model;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who wrote an interaction, with the facts moderation rules look at.
 *
 * @param id the platform's stable id for the account (a DID on Bluesky, a numeric id on Mastodon)
 * @param handle the handle as shown, without a leading '@'
 * @param displayName the display name, if set
 * @param accountCreatedAt when the account was created, if the platform says
 * @param followers how many followers, if the platform says
 * @param verified whether the platform marks the account as verified
 */
public record Author(String id, String handle, Optional<String> displayName, Optional<Instant> accountCreatedAt,
                     OptionalLong followers, boolean verified) {

    public Author {
        id = Checks.notBlank("Author", "id", id);
        handle = Checks.notBlank("Author", "handle", handle);
        if (handle.startsWith("@")) {
            handle = handle.substring(1).strip();
            if (handle.isEmpty()) {
                throw new InvalidModelException("Author", "handle", "must not be blank after its leading '@'");
            }
        }
        displayName = Checks.optional("Author", "displayName", displayName);
        accountCreatedAt = Checks.optional("Author", "accountCreatedAt", accountCreatedAt);
        Checks.present("Author", "followers", followers);
        if (followers.isPresent()) {
            Checks.notNegative("Author", "followers", followers.getAsLong());
        }
    }

    /** An author known only by id and handle. */
    public static Author of(String id, String handle) {
        return new Author(id, handle, Optional.empty(), Optional.empty(), OptionalLong.empty(), false);
    }
}
