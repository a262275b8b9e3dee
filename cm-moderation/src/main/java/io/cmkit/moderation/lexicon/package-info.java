/** Moderation lexicons: terms by category in French and English, with an allow-list. */
package io.cmkit.moderation.lexicon;
