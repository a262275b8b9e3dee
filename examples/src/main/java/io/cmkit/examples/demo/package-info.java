/**
 * The demo the README's first command runs: a community manager's week, end to end, on the
 * in-memory sandbox and the embedded H2 store, from the brand kit to the client dashboard
 * (see {@code docs/demo.md}).
 */
package io.cmkit.examples.demo;
