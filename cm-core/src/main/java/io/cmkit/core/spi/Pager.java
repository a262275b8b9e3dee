package io.cmkit.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Walks a paginated read lazily, one page per call to {@link #next()}, and always knows the
 * cursor to resume from: store {@link #resumeFrom()} and a new pager built with it after a
 * restart carries on where this one stopped, without reading a page twice.
 *
 * <pre>{@code
 * Pager<Interaction> pager = Pager.from(savedCursor, cursor -> feed.mentions(cursor));
 * for (Optional<Page<Interaction>> page = pager.next(); page.isPresent(); page = pager.next()) {
 *     page.get().items().forEach(inbox::handle);
 *     store.save(pager.resumeFrom());
 * }
 * }</pre>
 *
 * <p>A read ends at a page without a next cursor, or at an empty page: feeds that grow (mentions,
 * comments) always return a next cursor, positioned after their newest item, so that a pager built
 * later from {@link #resumeFrom()} reads only what arrived since.
 *
 * <p>Not thread-safe: one reader walks one pager.
 *
 * @param <T> the item type
 */
public final class Pager<T> {

    private final PageFetcher<T> fetcher;
    private Optional<Cursor> position;
    private boolean exhausted;

    private Pager(Optional<Cursor> start, PageFetcher<T> fetcher) {
        this.position = Objects.requireNonNull(start, "start");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /** A pager starting at a stored cursor, or at the first page when it is empty. */
    public static <T> Pager<T> from(Optional<Cursor> start, PageFetcher<T> fetcher) {
        return new Pager<>(start, fetcher);
    }

    /**
     * Fetches the next page; empty once the last page has been read. A failed fetch leaves the
     * position unchanged, so calling again retries the same page.
     */
    public Optional<Page<T>> next() throws ConnectorException {
        if (exhausted) {
            return Optional.empty();
        }
        Page<T> page = fetcher.fetch(position);
        if (page.next().isPresent()) {
            position = page.next();
        }
        // A growing feed always hands back a cursor; an empty page is how it says "caught up".
        exhausted = page.next().isEmpty() || page.items().isEmpty();
        return Optional.of(page);
    }

    /**
     * The cursor to store: the start of the page after the last one read. After the last page
     * it stays at that page's start, so a later pager re-reads it for anything new.
     */
    public Optional<Cursor> resumeFrom() {
        return position;
    }

    /**
     * Reads pages until {@code limit} items are collected or the read ends, and returns at most
     * {@code limit} items.
     *
     * <p>When the limit cuts a page short, the pager stays before that page: {@link #resumeFrom()}
     * and the next {@link #next()} read it again, so the items left out are not lost (the ones
     * already returned come again; de-duplicate them by id).
     */
    public List<T> collect(int limit) throws ConnectorException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative (got " + limit + ")");
        }
        List<T> out = new ArrayList<>();
        while (out.size() < limit) {
            Optional<Cursor> before = position;
            Optional<Page<T>> page = next();
            if (page.isEmpty()) {
                break;
            }
            List<T> items = page.get().items();
            int room = limit - out.size();
            if (items.size() > room) {
                out.addAll(items.subList(0, room));
                position = before;
                exhausted = false;
                break;
            }
            out.addAll(items);
        }
        return out;
    }
}
