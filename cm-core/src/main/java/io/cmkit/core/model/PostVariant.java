package io.cmkit.core.model;

import java.util.List;

/**
 * The form a post takes on one platform: its own text and media, written for that platform's
 * limits and habits. Limits are checked when the variant is scheduled, against the connector's
 * {@code PlatformLimits}, not here: the same variant may fit one Mastodon instance and not another.
 *
 * @param platform where this variant is published
 * @param text the text as published; may be empty only when there is media
 * @param media attached images or videos, in order
 */
public record PostVariant(Platform platform, String text, List<MediaAsset> media) {

    public PostVariant {
        Checks.present("PostVariant", "platform", platform);
        Checks.present("PostVariant", "text", text);
        media = Checks.list("PostVariant", "media", media);
        if (text.isBlank() && media.isEmpty()) {
            throw new InvalidModelException("PostVariant", "text", "must not be blank when there is no media");
        }
    }

    /** A text-only variant. */
    public static PostVariant text(Platform platform, String text) {
        return new PostVariant(platform, text, List.of());
    }
}
