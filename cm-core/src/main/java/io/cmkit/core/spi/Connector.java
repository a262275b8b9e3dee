package io.cmkit.core.spi;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A connection to one platform for one brand account: it holds the account's credentials, so
 * callers never pass tokens on each call.
 *
 * <p>What it can do is split into capability interfaces. A platform that cannot do something
 * lacks that capability: its accessor returns empty, and {@link #capabilities()} does not list it.
 * Opening a connector makes no network call; the first call that needs the network does.
 */
public interface Connector extends AutoCloseable {

    /** The account this connector acts for. */
    Account account();

    /** The platform: the account's. */
    default Platform platform() {
        return account().platform();
    }

    /** How the platform counts text and how much media it takes, for this account. */
    PlatformLimits limits();

    default Optional<Publishing> publishing() {
        return Optional.empty();
    }

    default Optional<CommentModeration> commentModeration() {
        return Optional.empty();
    }

    default Optional<MentionFeed> mentionFeed() {
        return Optional.empty();
    }

    default Optional<Metrics> metrics() {
        return Optional.empty();
    }

    default Optional<Profiles> profiles() {
        return Optional.empty();
    }

    default Optional<Promotion> promotion() {
        return Optional.empty();
    }

    /** The capabilities this connector has, derived from its accessors. */
    default Set<Capability> capabilities() {
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        publishing().ifPresent(c -> out.add(Capability.PUBLISHING));
        commentModeration().ifPresent(c -> out.add(Capability.COMMENT_MODERATION));
        mentionFeed().ifPresent(c -> out.add(Capability.MENTION_FEED));
        metrics().ifPresent(c -> out.add(Capability.METRICS));
        profiles().ifPresent(c -> out.add(Capability.PROFILES));
        promotion().ifPresent(c -> out.add(Capability.PROMOTION));
        return Set.copyOf(out);
    }

    /**
     * The capability, or an {@link UnsupportedCapabilityException} naming the platform when the
     * connector lacks it.
     */
    default <T> T require(Class<T> capability) {
        Optional<?> found;
        if (capability == Publishing.class) {
            found = publishing();
        } else if (capability == CommentModeration.class) {
            found = commentModeration();
        } else if (capability == MentionFeed.class) {
            found = mentionFeed();
        } else if (capability == Metrics.class) {
            found = metrics();
        } else if (capability == Profiles.class) {
            found = profiles();
        } else if (capability == Promotion.class) {
            found = promotion();
        } else {
            throw new IllegalArgumentException(capability.getName() + " is not a connector capability");
        }
        return capability.cast(found.orElseThrow(() -> new UnsupportedCapabilityException(platform(),
                "offer " + capability.getSimpleName(), "this connector does not have that capability")));
    }

    /** Releases connections and caches; the connector is unusable afterwards. */
    @Override
    default void close() {
    }
}
