/** The compiled layers, query evaluation and per-thread workspaces of the monitor; may change without notice. */
package io.cmkit.listening.monitor.internal;
