package io.cmkit.moderation.review;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory review queue store keeps the store contract")
class InMemoryReviewQueueStoreTest extends ReviewQueueStoreContract {

    @Override
    protected ReviewQueueStore store() {
        return ReviewQueueStore.inMemory();
    }
}
