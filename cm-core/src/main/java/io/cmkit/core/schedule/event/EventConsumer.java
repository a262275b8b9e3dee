package io.cmkit.core.schedule.event;

/** Receives one kind of scheduler event. Exceptions it throws are logged and do not stop the scheduler. */
@FunctionalInterface
public interface EventConsumer<T extends SchedulerEvent> {

    void consumeEvent(T event);
}
