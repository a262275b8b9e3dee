package io.cmkit.core.spi;

import java.util.Objects;

/**
 * Where a paginated read stopped. Opaque to callers, but plain text, so it can be stored (in a
 * database column, a file) and handed back after a restart to resume exactly where it stopped.
 *
 * @param value the connector's own position: a max_id, a cursor token, a timestamp
 */
public record Cursor(String value) {

    public Cursor {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("Cursor.value must not be blank");
        }
    }

    /** Restores a cursor from its stored {@link #value()}. */
    public static Cursor of(String value) {
        return new Cursor(value);
    }
}
