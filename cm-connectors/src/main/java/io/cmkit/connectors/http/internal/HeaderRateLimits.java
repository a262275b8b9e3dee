package io.cmkit.connectors.http.internal;

import io.cmkit.connectors.http.RateLimitHeaders;
import io.cmkit.connectors.http.RateLimitStatus;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/** The header strategies of {@link RateLimitHeaders}, and {@code Retry-After}. */
public final class HeaderRateLimits {

    /** Epoch seconds are told from a delta by size: no window lasts 31 years. */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;

    public static final RateLimitHeaders MASTODON = (headers, now) -> {
        OptionalLong remaining = number(headers, "X-RateLimit-Remaining");
        Optional<Instant> reset = headers.firstValue("X-RateLimit-Reset").flatMap(HeaderRateLimits::isoInstant);
        if (remaining.isEmpty() || reset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimitStatus(number(headers, "X-RateLimit-Limit"), remaining.getAsLong(), reset.get()));
    };

    public static final RateLimitHeaders IETF_DRAFT = (headers, now) -> {
        OptionalLong remaining = number(headers, "RateLimit-Remaining");
        OptionalLong reset = number(headers, "RateLimit-Reset");
        if (remaining.isEmpty() || reset.isEmpty()) {
            return Optional.empty();
        }
        long r = reset.getAsLong();
        Instant resetAt = r >= EPOCH_THRESHOLD ? Instant.ofEpochSecond(r) : now.plusSeconds(r);
        return Optional.of(new RateLimitStatus(number(headers, "RateLimit-Limit"), remaining.getAsLong(), resetAt));
    };

    private HeaderRateLimits() {
    }

    /** {@code Retry-After} as seconds or an HTTP date, read at {@code now}. */
    public static Optional<Instant> retryAfter(HttpHeaders headers, Instant now) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty() || value.get().isEmpty()) {
            return Optional.empty();
        }
        String v = value.get();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(now.plus(Duration.ofSeconds(Long.parseLong(v))));
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        Optional<String> v = headers.firstValue(name).map(String::trim);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        String s = v.get();
        // "RateLimit-Limit: 100, 100;w=60" (older drafts list policies): take the first number
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 18) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(s.substring(0, end)));
    }

    private static Optional<Instant> isoInstant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value.trim()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(value.trim()));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
