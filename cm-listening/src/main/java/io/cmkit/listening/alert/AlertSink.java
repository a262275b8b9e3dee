package io.cmkit.listening.alert;

/**
 * Where alerts go: a host sends them by email, to a chat channel, to a webhook. Called on the thread
 * that fed the mention or snapshot, once per alert, in the order alerts are raised. A sink that
 * throws is logged (with the alert's summary and the sink's class) and does not stop the other
 * sinks nor the listening; a slow sink slows the feed, so hand the alert to a queue if delivery
 * may block.
 */
@FunctionalInterface
public interface AlertSink {

    /** Delivers one alert. */
    void deliver(Alert alert) throws Exception;
}
