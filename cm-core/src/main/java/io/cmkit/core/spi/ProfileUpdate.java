package io.cmkit.core.spi;

import io.cmkit.core.model.MediaAsset;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields to change; an empty field is left as it is.
 *
 * @param displayName new display name
 * @param bio new description
 * @param website new main link
 * @param avatar new avatar image
 */
public record ProfileUpdate(Optional<String> displayName, Optional<String> bio, Optional<URI> website,
                            Optional<MediaAsset> avatar) {

    public ProfileUpdate {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(bio, "bio");
        Objects.requireNonNull(website, "website");
        Objects.requireNonNull(avatar, "avatar");
        if (avatar.isPresent() && avatar.get().kind() != MediaAsset.Kind.IMAGE) {
            throw new IllegalArgumentException("ProfileUpdate.avatar must be an IMAGE (got " + avatar.get().kind() + ")");
        }
    }

    /** Changes nothing; start from here with the {@code with...} methods. */
    public static ProfileUpdate none() {
        return new ProfileUpdate(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ProfileUpdate withDisplayName(String value) {
        return new ProfileUpdate(Optional.of(value), bio, website, avatar);
    }

    public ProfileUpdate withBio(String value) {
        return new ProfileUpdate(displayName, Optional.of(value), website, avatar);
    }

    public ProfileUpdate withWebsite(URI value) {
        return new ProfileUpdate(displayName, bio, Optional.of(value), avatar);
    }

    public ProfileUpdate withAvatar(MediaAsset value) {
        return new ProfileUpdate(displayName, bio, website, Optional.of(value));
    }
}
