package io.cmkit.connectors.http;

import io.cmkit.connectors.http.internal.Redactor;
import java.util.Objects;

/**
 * A token, password or header value that must never be logged. {@link #toString()} hides it, and
 * every live secret is known to the foundation's redaction, so its value is masked wherever it
 * turns up in a log line or an exception message, even inside a platform's error text.
 *
 * <p>Secrets compare by identity: the redaction keeps each one for as long as it is referenced,
 * and two equal values are two entries, so neither is forgotten while the other is still in use.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
        Redactor.remember(this);
    }

    /** Wraps a secret value; it must not be blank. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return new Secret(value);
    }

    /** The value itself, for the one place that must send it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
