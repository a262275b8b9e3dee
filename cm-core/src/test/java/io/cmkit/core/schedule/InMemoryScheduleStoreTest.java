package io.cmkit.core.schedule;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory schedule store")
class InMemoryScheduleStoreTest extends ScheduleStoreContract {

    @Override
    protected ScheduleStore newStore() {
        return ScheduleStore.inMemory();
    }
}
