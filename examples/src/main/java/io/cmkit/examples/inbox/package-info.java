/**
 * The inbox on the sandbox, with moderation ({@code InboxModeration}) and with listening
 * ({@code InboxListening}): runnable examples with a printed summary.
 */
package io.cmkit.examples.inbox;
