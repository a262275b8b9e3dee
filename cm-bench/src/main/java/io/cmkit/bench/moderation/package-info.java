/**
 * Moderation benchmarks of issue 5: a 10,000-term lexicon scan beside three anchors, and a
 * 200-rule set through the real engine, over seeded French and English comments.
 */
package io.cmkit.bench.moderation;
