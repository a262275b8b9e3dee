/** The inbox's implementation: the poller, the in-memory store, the schedule-backed watched posts, events. Not API. */
package io.cmkit.core.inbox.internal;
