package io.cmkit.moderation;

import io.cmkit.core.model.Interaction;

/** Where ESCALATE sends its alerts (the host sends e-mail, chat, webhooks). Must be thread-safe. */
@FunctionalInterface
public interface AlertSink {

    /** A person must look at {@code interaction} now, for the reasons in {@code decision}. */
    void alert(Interaction interaction, Decision decision);
}
