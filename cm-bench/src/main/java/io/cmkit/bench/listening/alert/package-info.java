/** Benchmarks of cm-listening's alerts: spike detection throughput across many series. */
package io.cmkit.bench.listening.alert;
