/** Implementation of the scheduler, the workflow and the in-memory store; not public API. */
package io.cmkit.core.schedule.internal;
