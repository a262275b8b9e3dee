/**
 * Listening as one of the inbox's handlers: {@link io.cmkit.listening.inbox.ListeningInteractionHandler}
 * routes each mention the {@link io.cmkit.core.inbox.Inbox} collects through the monitor's saved
 * queries, scores its sentiment, feeds the alert series, and tells the host what it tagged.
 */
package io.cmkit.listening.inbox;
