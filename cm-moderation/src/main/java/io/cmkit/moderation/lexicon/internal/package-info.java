/** Lexicon file parsing; may change without notice. */
package io.cmkit.moderation.lexicon.internal;
