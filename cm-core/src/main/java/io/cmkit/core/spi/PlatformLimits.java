package io.cmkit.core.spi;

import io.cmkit.core.model.MediaAsset;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.internal.TextCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one platform accepts in a post: text length counted its own way, how many media of which
 * kinds and sizes, how many hashtags. A connector reports the limits of its account (a Mastodon
 * instance states its own); {@link #defaultsFor(Platform)} gives the published defaults.
 *
 * @param platform whose limits these are
 * @param maxTextLength the longest text, as {@code counting} counts it
 * @param counting how text length is counted
 * @param maxMedia how many media one post may carry
 * @param maxImageBytes the largest image file
 * @param maxVideoBytes the largest video file
 * @param maxHashtags the most hashtags one post may carry ({@link Integer#MAX_VALUE}: no limit)
 * @param mediaKinds which kinds of media the platform takes
 */
public record PlatformLimits(Platform platform, int maxTextLength, TextCounting counting, int maxMedia,
                             long maxImageBytes, long maxVideoBytes, int maxHashtags, Set<MediaAsset.Kind> mediaKinds) {

    public PlatformLimits {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(counting, "counting");
        Objects.requireNonNull(mediaKinds, "mediaKinds");
        if (maxTextLength <= 0 || maxMedia < 0 || maxImageBytes < 0 || maxVideoBytes < 0 || maxHashtags < 0) {
            throw new IllegalArgumentException("PlatformLimits for " + platform + ": limits must not be negative"
                    + " and maxTextLength must be positive");
        }
        mediaKinds = Set.copyOf(mediaKinds);
    }

    /**
     * The published defaults of a well-known platform (sources in docs/connectors.md); for any
     * other platform, a conservative 500 code points and 4 images.
     */
    public static PlatformLimits defaultsFor(Platform platform) {
        return TextCounters.defaultsFor(platform);
    }

    /** The text's length as this platform counts it. */
    public int lengthOf(String text) {
        return counting.count(text);
    }

    /** Every limit the variant breaks; empty when it fits. */
    public List<LimitViolation> check(PostVariant variant) {
        if (!variant.platform().equals(platform)) {
            throw new IllegalArgumentException("variant is for " + variant.platform() + ", limits are for " + platform);
        }
        List<LimitViolation> out = new ArrayList<>();
        int length = counting.count(variant.text());
        if (length > maxTextLength) {
            out.add(new LimitViolation(platform, "text length", maxTextLength, length, counting.description(), ""));
        }
        int hashtags = TextCounters.hashtagCount(variant.text());
        if (hashtags > maxHashtags) {
            out.add(new LimitViolation(platform, "hashtag count", maxHashtags, hashtags, "hashtags", ""));
        }
        List<MediaAsset> media = variant.media();
        if (media.size() > maxMedia) {
            out.add(new LimitViolation(platform, "media count", maxMedia, media.size(), "media", ""));
        }
        for (int i = 0; i < media.size(); i++) {
            MediaAsset asset = media.get(i);
            String subject = "media[" + i + "]";
            if (!mediaKinds.contains(asset.kind())) {
                out.add(new LimitViolation(platform, asset.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " count", 0, 1, "media of that kind", subject));
                continue;
            }
            long max = asset.kind() == MediaAsset.Kind.VIDEO ? maxVideoBytes : maxImageBytes;
            if (asset.sizeBytes() > max) {
                out.add(new LimitViolation(platform, asset.kind() == MediaAsset.Kind.VIDEO ? "video size" : "image size",
                        max, asset.sizeBytes(), "bytes", subject));
            }
        }
        return List.copyOf(out);
    }
}
