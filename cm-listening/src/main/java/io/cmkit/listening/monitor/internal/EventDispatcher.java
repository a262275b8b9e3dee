package io.cmkit.listening.monitor.internal;

import io.cmkit.listening.monitor.event.MonitorEvent;
import io.cmkit.listening.monitor.event.MonitorEventPublisher;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The monitor's event publisher: consumers in registration order, each failure logged and contained. */
public final class EventDispatcher implements MonitorEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<Consumer<MonitorEvent>> consumers = new CopyOnWriteArrayList<>();

    @Override
    public MonitorEventPublisher onBaseRebuilt(Consumer<MonitorEvent.BaseRebuilt> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        consumers.add(e -> {
            if (e instanceof MonitorEvent.BaseRebuilt rebuilt) {
                consumer.accept(rebuilt);
            }
        });
        return this;
    }

    @Override
    public MonitorEventPublisher onRebuildFailed(Consumer<MonitorEvent.RebuildFailed> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        consumers.add(e -> {
            if (e instanceof MonitorEvent.RebuildFailed failed) {
                consumer.accept(failed);
            }
        });
        return this;
    }

    @Override
    public MonitorEventPublisher onEvent(Consumer<MonitorEvent> consumer) {
        consumers.add(Objects.requireNonNull(consumer, "consumer"));
        return this;
    }

    /** Hands {@code event} to every consumer. */
    public void publish(MonitorEvent event) {
        for (Consumer<MonitorEvent> c : consumers) {
            try {
                c.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("listening monitor: an event consumer failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
