/** Implementation of the sentiment analyser: lexicon loading, rule words, scoring, lexicon derivation. May change. */
package io.cmkit.listening.sentiment.internal;
