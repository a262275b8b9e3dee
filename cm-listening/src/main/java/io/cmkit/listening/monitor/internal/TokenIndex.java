package io.cmkit.listening.monitor.internal;

import io.cmkit.listening.query.internal.TokenSplitter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a small layer's terms by looking each token of the mention (every reading of it) up in hash
 * maps: exact words, hashtags and mentions by their text, prefixes by their first two characters.
 * Same meaning as the layer's {@link io.cmkit.core.text.PatternMatcher}: a word also matches the
 * body of a hashtag, a word prefix the start of one.
 */
final class TokenIndex {

    private final Map<String, int[]> words = new HashMap<>();
    private final Map<String, int[]> exact = new HashMap<>();
    private final Map<String, int[]> wordPrefixes = new HashMap<>();
    private final Map<String, int[]> exactPrefixes = new HashMap<>();
    private final String[] texts;

    TokenIndex(List<String> texts, byte[] modes) {
        this.texts = texts.toArray(String[]::new);
        for (int t = 0; t < this.texts.length; t++) {
            String text = this.texts[t];
            switch (modes[t]) {
                case Layer.WORD -> append(words, text, t);
                case Layer.EXACT -> append(exact, text, t);
                case Layer.PREFIX_WORD -> append(wordPrefixes, key(text), t);
                default -> append(exactPrefixes, key(text), t);
            }
        }
    }

    private static String key(String text) {
        return text.length() <= 2 ? text : text.substring(0, 2);
    }

    private static void append(Map<String, int[]> map, String key, int term) {
        int[] old = map.get(key);
        if (old == null) {
            map.put(key, new int[] {term});
        } else {
            int[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = term;
            map.put(key, grown);
        }
    }

    void findHits(Workspace w) {
        w.ensureTokens();
        for (int k = 0; k < w.tokenCount(); k++) {
            byte type = w.tokenType(k);
            int token = k;
            w.readings(k, reading -> {
                if (type == TokenSplitter.WORD) {
                    word(w, reading, token);
                } else {
                    hit(w, exact.get(reading), token);
                    prefixes(w, exactPrefixes, reading, token);
                    if (type == TokenSplitter.HASHTAG) {
                        word(w, reading.substring(1), token);
                    }
                }
            });
        }
    }

    private void word(Workspace w, String reading, int token) {
        hit(w, words.get(reading), token);
        prefixes(w, wordPrefixes, reading, token);
    }

    private void prefixes(Workspace w, Map<String, int[]> index, String reading, int token) {
        if (index.isEmpty() || reading.length() < 2) {
            return;
        }
        int[] terms = index.get(reading.substring(0, 2));
        if (terms == null) {
            return;
        }
        for (int t : terms) {
            if (reading.startsWith(texts[t]) && !w.hitAt(t, token)) {
                w.addHit(t, token);
            }
        }
    }

    private static void hit(Workspace w, int[] terms, int token) {
        if (terms == null) {
            return;
        }
        for (int t : terms) {
            if (!w.hitAt(t, token)) {
                w.addHit(t, token);
            }
        }
    }
}
