package io.cmkit.core.spi;

import io.cmkit.core.model.Platform;
import java.util.Objects;

/**
 * One platform limit a variant breaks, with the numbers: "Bluesky: text is 312 graphemes, limit
 * 300 (12 over)".
 *
 * @param platform whose limit it is
 * @param limit which limit: {@code "text length"}, {@code "media count"}, {@code "image size"}...
 * @param allowed the platform's maximum
 * @param actual what the variant has
 * @param unit what is counted: graphemes, characters, images, bytes
 * @param subject what breaks it, when it is one part of the variant ({@code "media[2]"}); else empty
 */
public record LimitViolation(Platform platform, String limit, long allowed, long actual, String unit, String subject) {

    public LimitViolation {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(subject, "subject");
    }

    /** By how much the limit is exceeded. */
    public long excess() {
        return actual - allowed;
    }

    /** A sentence for a person: platform, limit, actual, allowed and the excess. */
    public String message() {
        return platform.displayName() + ": " + (subject.isEmpty() ? "" : subject + " ") + limit + " is " + actual
                + " " + unit + ", limit " + allowed + " (" + excess() + " over)";
    }

    @Override
    public String toString() {
        return message();
    }
}
