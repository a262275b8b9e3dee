package io.cmkit.core.spi;

import io.cmkit.core.model.Interaction;
import java.util.Optional;

/** Mentions of the account by others, as a feed that can be polled and resumed. */
public interface MentionFeed {

    /**
     * Mentions oldest first, from a stored cursor (empty: from the oldest the platform keeps).
     * Every page has a next cursor; an empty page means there is nothing newer yet.
     */
    Page<Interaction> mentions(Optional<Cursor> from) throws ConnectorException;
}
