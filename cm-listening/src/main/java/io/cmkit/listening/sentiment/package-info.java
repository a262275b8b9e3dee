/**
 * Sentiment for French and English in the manner of VADER: lexicons of word, emoji and emoticon
 * valences, adjusted by rules for negation, intensifiers, contrast, exclamation marks and capitals,
 * giving a score in [-1, 1] and a label. The method is described in {@code docs/listening-alerts.md}.
 */
package io.cmkit.listening.sentiment;
