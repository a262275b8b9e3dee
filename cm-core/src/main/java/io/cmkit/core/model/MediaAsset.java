package io.cmkit.core.model;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * An image or video attached to a post variant. The bytes stay where {@code source} points;
 * connectors read them at upload time.
 *
 * @param kind image, animated GIF or video
 * @param source where the bytes are: a {@code file:}, {@code classpath:} or {@code https:} URI
 * @param mimeType the media type, consistent with {@code kind} ({@code image/jpeg}, {@code video/mp4})
 * @param sizeBytes the size of the file in bytes, positive; platform limits are checked against it
 * @param altText the description read by screen readers; empty when none was written
 */
public record MediaAsset(Kind kind, URI source, String mimeType, long sizeBytes, Optional<String> altText) {

    /** What sort of media it is. */
    public enum Kind { IMAGE, GIF, VIDEO }

    public MediaAsset {
        Checks.present("MediaAsset", "kind", kind);
        Checks.present("MediaAsset", "source", source);
        if (source.getScheme() == null) {
            throw new InvalidModelException("MediaAsset", "source", "must be an absolute URI with a scheme, got '" + source + "'");
        }
        mimeType = Checks.notBlank("MediaAsset", "mimeType", mimeType).toLowerCase(Locale.ROOT);
        String expected = switch (kind) {
            case IMAGE -> "image/";
            case GIF -> "image/gif";
            case VIDEO -> "video/";
        };
        if (!mimeType.startsWith(expected)) {
            throw new InvalidModelException("MediaAsset", "mimeType",
                    "must start with '" + expected + "' for " + (kind == Kind.IMAGE ? "an " : "a ") + kind
                            + " (got '" + mimeType + "')");
        }
        if (sizeBytes <= 0) {
            throw new InvalidModelException("MediaAsset", "sizeBytes", "must be positive (got " + sizeBytes + ")");
        }
        altText = Checks.optional("MediaAsset", "altText", altText).map(String::strip).filter(s -> !s.isEmpty());
    }
}
