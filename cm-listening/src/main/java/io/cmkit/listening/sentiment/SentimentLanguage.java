package io.cmkit.listening.sentiment;

import java.util.Locale;
import java.util.Optional;

/** The languages the analyser has lexicons and rules for. */
public enum SentimentLanguage {
    FRENCH("fr"),
    ENGLISH("en");

    private final String code;

    SentimentLanguage(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code: {@code fr} or {@code en}. */
    public String code() {
        return code;
    }

    /** The language of this locale, or empty when the analyser has no rules for it. */
    public static Optional<SentimentLanguage> of(Locale locale) {
        String language = locale.getLanguage();
        for (SentimentLanguage candidate : values()) {
            if (candidate.code.equals(language)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The language with this ISO 639-1 code.
     *
     * @throws IllegalArgumentException naming the code when it is neither {@code fr} nor {@code en}
     */
    public static SentimentLanguage ofCode(String code) {
        for (SentimentLanguage candidate : values()) {
            if (candidate.code.equalsIgnoreCase(code.strip())) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("sentiment language must be 'fr' or 'en', got '" + code + "'");
    }
}
