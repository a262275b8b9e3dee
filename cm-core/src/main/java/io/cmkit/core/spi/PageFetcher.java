package io.cmkit.core.spi;

import java.util.Optional;

/**
 * Reads one page starting at a cursor (empty for the first page).
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {

    Page<T> fetch(Optional<Cursor> from) throws ConnectorException;
}
