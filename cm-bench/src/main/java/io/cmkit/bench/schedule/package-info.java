/**
 * The publishing scheduler's throughput, beside db-scheduler's: N publications (one-time tasks)
 * due at once, executed by 1 or 4 instances sharing one database (embedded PostgreSQL, H2 in
 * memory), each exactly once. See {@link io.cmkit.bench.schedule.SchedulerThroughputBenchmark}.
 */
package io.cmkit.bench.schedule;
