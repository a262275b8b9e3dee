package io.cmkit.core.spi;

import io.cmkit.core.model.Account;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The public face of an account: what the consistency audit compares across platforms.
 *
 * @param account whose profile it is
 * @param displayName the name shown
 * @param bio the description, plain text
 * @param website the main link, if set
 * @param avatar where the avatar image is, if set
 */
public record Profile(Account account, String displayName, String bio, Optional<URI> website, Optional<URI> avatar) {

    public Profile {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(bio, "bio");
        Objects.requireNonNull(website, "website");
        Objects.requireNonNull(avatar, "avatar");
    }
}
