/**
 * What a {@link io.cmkit.listening.monitor.Monitor} reports about itself, published by the monitor
 * (in the manner of Resilience4j's event publishers): base rebuilds and their failures.
 */
package io.cmkit.listening.monitor.event;
