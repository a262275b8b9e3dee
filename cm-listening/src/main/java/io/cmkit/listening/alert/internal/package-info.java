/** Implementation of the spike detector and the listening series: per-series state, robust statistics. May change. */
package io.cmkit.listening.alert.internal;
