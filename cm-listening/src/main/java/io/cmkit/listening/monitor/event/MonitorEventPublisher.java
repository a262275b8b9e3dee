package io.cmkit.listening.monitor.event;

import java.util.function.Consumer;

/**
 * Registers consumers of a monitor's events. Consumers run on the thread that caused the event
 * (the background merge thread for most rebuilds) and must be quick; one that throws is logged and
 * does not stop the others.
 */
public interface MonitorEventPublisher {

    /** Called after every base rebuild. */
    MonitorEventPublisher onBaseRebuilt(Consumer<MonitorEvent.BaseRebuilt> consumer);

    /** Called when a background rebuild fails. */
    MonitorEventPublisher onRebuildFailed(Consumer<MonitorEvent.RebuildFailed> consumer);

    /** Called for every event. */
    MonitorEventPublisher onEvent(Consumer<MonitorEvent> consumer);
}
