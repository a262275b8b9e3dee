package io.cmkit.moderation;

import io.cmkit.moderation.internal.InMemoryStrikeCounter;

/**
 * Earlier strikes per author ({@code platform:authorId}): the engine adds one each time a rule
 * decides to hide, delete or block (outside dry runs). A host may keep them in its own store.
 * Thread-safe.
 */
public interface StrikeCounter {

    /** How many strikes the author has. */
    int strikes(String authorKey);

    /** Adds a strike. */
    void strike(String authorKey);

    /** A counter kept in memory. */
    static StrikeCounter inMemory() {
        return new InMemoryStrikeCounter();
    }
}
