/**
 * Implementation of the text toolkit; not public API and subject to change.
 *
 * <ul>
 *   <li>{@code CharFolding}: what each code point becomes under NFKC, confusables, diacritics
 *       and case folding, as a 64K-entry table per combination of steps;</li>
 *   <li>{@code NormalizerEngine}: the pipeline into a reusable per-thread {@code Buffer}
 *       (characters, original spans, alternative readings), then the in-place word passes;</li>
 *   <li>{@code Automaton}: a double-array trie, walked from word starts for patterns that
 *       must start a word, or run as Aho-Corasick (with a small set of states across characters
 *       that have two readings) for the others;</li>
 *   <li>{@code TokenScanner} and {@code DomainRules}: the tokenizer and link hosts.</li>
 * </ul>
 */
package io.cmkit.core.text.internal;
