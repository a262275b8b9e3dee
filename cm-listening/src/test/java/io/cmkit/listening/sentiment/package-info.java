/** Tests of the sentiment analyser: each VADER rule in French and English, lexicon files, label thresholds. */
package io.cmkit.listening.sentiment;
