package io.cmkit.core.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a paginated read, with the cursor of the page after it.
 *
 * @param items the items on this page, in the platform's order
 * @param next where the next page starts; empty when there is no more. Feeds that grow (mentions,
 *             comments) always give one, positioned after their newest item, and return an empty
 *             page when there is nothing new: store it and a later read returns only what is new.
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<Cursor> next) {

    public Page {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(next, "next");
        items = List.copyOf(items);
    }

    /** The last page: these items and nothing after them. */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    /** A page with a next one. */
    public static <T> Page<T> of(List<T> items, Cursor next) {
        return new Page<>(items, Optional.of(next));
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return next.isPresent();
    }
}
