/**
 * The listening query language: {@link io.cmkit.listening.query.ListeningQuery#parse(String)} reads a
 * Brandwatch-style boolean query (words, phrases, AND, OR, NOT, NEAR/n, prefix wildcards, hashtags,
 * mentions, {@code lang:}, {@code from:}, {@code site:}, {@code platform:}) into a tree of
 * {@link io.cmkit.listening.query.QueryNode}s, analysed the way mentions are (see
 * {@link io.cmkit.listening.query.TextAnalysis}). The grammar is in {@code docs/listening-queries.md}.
 */
package io.cmkit.listening.query;
