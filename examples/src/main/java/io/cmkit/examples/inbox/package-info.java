/** The inbox and moderation together on the sandbox: a runnable example with a printed summary. */
package io.cmkit.examples.inbox;
