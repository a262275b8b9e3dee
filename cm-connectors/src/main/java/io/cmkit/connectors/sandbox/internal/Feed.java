package io.cmkit.connectors.sandbox.internal;

import io.cmkit.core.model.Interaction;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A growing feed (one post's comments, or one account's mentions) in the order items became
 * visible. An item's position is its index + 1; a cursor names the position read up to, so a
 * stored cursor resumes exactly after the last item read, whatever arrived or was deleted since.
 */
final class Feed {

    private final String prefix;
    private final String tag;
    final List<InteractionRecord> items = new ArrayList<>();

    Feed(String prefix, String owner) {
        this.prefix = prefix;
        this.tag = Long.toHexString(Seeds.hash(owner) & 0xFFFFFFFFL);
    }

    void add(InteractionRecord record) {
        items.add(record);
    }

    /** Items after the cursor, oldest first, deleted ones skipped; the cursor after the last one seen. */
    Page<Interaction> page(Optional<Cursor> from, int pageSize) {
        long after = from.map(this::position).orElse(0L);
        List<Interaction> out = new ArrayList<>();
        long position = after;
        for (long i = after; i < items.size() && out.size() < pageSize; i++) {
            InteractionRecord record = items.get((int) i);
            position = i + 1;
            if (!record.deleted()) {
                out.add(record.interaction);
            }
        }
        return Page.of(out, Cursor.of(prefix + "." + tag + "." + position));
    }

    private long position(Cursor cursor) {
        String[] parts = cursor.value().split("\\.");
        if (parts.length != 3 || !parts[0].equals(prefix) || !parts[1].equals(tag)) {
            throw new IllegalArgumentException("'" + cursor.value() + "' is not a cursor of this feed");
        }
        try {
            long position = Long.parseLong(parts[2]);
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cursor.value() + "' is not a cursor of this feed", e);
        }
    }
}
