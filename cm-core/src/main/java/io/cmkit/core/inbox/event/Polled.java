package io.cmkit.core.inbox.event;

import io.cmkit.core.inbox.PollReport;
import java.time.Instant;

/**
 * A poll finished.
 *
 * @param report what it did
 */
public record Polled(PollReport report) implements InboxEvent {
    public Polled {
        java.util.Objects.requireNonNull(report, "report");
    }

    @Override
    public Instant at() {
        return report.at();
    }
}
