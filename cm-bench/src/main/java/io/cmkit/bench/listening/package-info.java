/**
 * The listening benchmark: cmkit's {@link io.cmkit.listening.monitor.Monitor} beside Lucene Monitor
 * 9.11.1 on the same seeded saved queries and posts, identical match sets asserted before timing;
 * then the longest matching pause while queries are added and removed. See {@code docs/benchmarks.md}.
 */
package io.cmkit.bench.listening;
