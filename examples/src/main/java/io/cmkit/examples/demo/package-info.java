/**
 * The demo the README's first command runs: a brand kit, its platform ranking, a post published
 * on every account of the in-memory sandbox, and the simulated audience's reaction.
 */
package io.cmkit.examples.demo;
