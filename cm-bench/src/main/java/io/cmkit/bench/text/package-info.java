/** Benchmarks of cm-core's text counting against ICU4J. */
package io.cmkit.bench.text;
