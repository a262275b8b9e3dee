/**
 * JMH benchmarks. Each benchmark times cmkit beside the anchor named in its issue, in one run,
 * after checking that both give identical results on the same seeded input.
 *
 * <p>Run on request: {@code mvn -q -Pbench -DskipTests package -pl cm-bench -am}; pass JMH options
 * with {@code -Dbench.args="-f 1 -wi 3 -i 5 GraphemeCount"}.
 */
package io.cmkit.bench;
