package io.cmkit.core.inbox;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory inbox store")
class InMemoryInboxStoreTest extends InboxStoreContract {

    @Override
    protected InboxStore newStore() {
        return InboxStore.inMemory();
    }
}
