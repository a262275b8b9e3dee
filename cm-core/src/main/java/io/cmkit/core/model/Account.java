package io.cmkit.core.model;

import java.util.Locale;

/**
 * A brand's handle on one platform, e.g. {@code @cafe_lumiere@mastodon.social} or
 * {@code cafelumiere.bsky.social}.
 *
 * @param platform the platform the handle lives on
 * @param handle the handle as the platform shows it; a leading {@code @} is dropped
 */
public record Account(Platform platform, String handle) {

    public Account {
        Checks.present("Account", "platform", platform);
        handle = Checks.notBlank("Account", "handle", handle);
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        if (handle.isEmpty() || handle.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidModelException("Account", "handle",
                    "must be one word without spaces, got '" + handle + "'");
        }
        Checks.maxLength("Account", "handle", handle, 320);
    }

    /**
     * A stable key, {@code platform:handle} with the handle lower-cased: handles are
     * case-insensitive on every well-known platform, so two accounts with the same key are the same.
     */
    public String key() {
        return platform.id() + ":" + handle.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }
}
