/**
 * The moderation engine's implementation: rule compilation and evaluation, the YAML rule file
 * reader, counter-speech cues, the language guesser, traffic windows and in-memory stores. Not API.
 */
package io.cmkit.moderation.internal;
