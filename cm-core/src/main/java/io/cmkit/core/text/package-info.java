/**
 * The text toolkit that moderation and listening share: normalisation for matching, tokenisation
 * and a multi-pattern matcher, all reporting offsets in the original text.
 *
 * <ul>
 *   <li>{@link io.cmkit.core.text.TextNormalizer} turns a text into a
 *       {@link io.cmkit.core.text.NormalizedText} (NFKC, case folding that never shifts offsets,
 *       diacritics, confusable letters, leetspeak, repeated letters, spaced-out letters), each
 *       step switched by {@link io.cmkit.core.text.NormalizationOptions}, with the map back to the
 *       original ({@link io.cmkit.core.text.NormalizedText#toOriginal(int, int)});</li>
 *   <li>{@link io.cmkit.core.text.Tokenizer} splits a text into {@link io.cmkit.core.text.Token}s:
 *       words (French elisions apart, compounds whole), numbers, URLs, e-mail addresses,
 *       hashtags, mentions (Mastodon and Bluesky handles included) and emoji as grapheme
 *       clusters; {@link io.cmkit.core.text.Domains} gives a link's registrable domain;</li>
 *   <li>{@link io.cmkit.core.text.PatternMatcher} finds thousands of patterns at once
 *       (a double-array trie walked from word starts, Aho-Corasick where a
 *       pattern may start inside a word), each in a {@link io.cmkit.core.text.MatchMode},
 *       and reports {@link io.cmkit.core.text.Match}es under an
 *       {@link io.cmkit.core.text.OverlapPolicy}.</li>
 * </ul>
 *
 * <p>Every type is immutable and thread-safe except the matcher's builder. Nothing here does I/O.
 * The rules, with examples, are in {@code docs/text.md}. Implementation lives in
 * {@code io.cmkit.core.text.internal}, which is not public API.
 */
package io.cmkit.core.text;
