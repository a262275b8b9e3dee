/**
 * The mention monitor: thousands of saved {@link io.cmkit.listening.query.ListeningQuery listening
 * queries} compiled into one matcher, routing each mention to the queries it matches with the terms
 * that matched. Queries come and go while it runs; matching never waits for them.
 */
package io.cmkit.listening.monitor;
