package io.cmkit.core.text;

import io.cmkit.core.text.internal.Buffer;
import io.cmkit.core.text.internal.NormalizerEngine;
import java.util.Arrays;
import java.util.Objects;

/**
 * Normalises text for matching, keeping the map back to the original. Immutable and safe to
 * share between threads; build one per {@link NormalizationOptions} and keep it (the first one
 * for a set of options builds a look-up table, which takes a few tens of milliseconds).
 *
 * <pre>{@code
 * NormalizedText n = TextNormalizer.of(NormalizationOptions.STRICT_MATCHING).normalize("Ⓕⓤⓒⓚ");
 * n.text();             // "fuck"
 * n.toOriginal(0, 4);   // Span[start=0, end=4]
 * }</pre>
 */
public final class TextNormalizer {

    private final NormalizationOptions options;
    private final NormalizerEngine engine;

    private TextNormalizer(NormalizationOptions options) {
        this.options = options;
        this.engine = new NormalizerEngine(options.nfkc(), options.caseFold(), options.stripDiacritics(),
                options.confusables(), options.leetspeak(), options.collapseRepeats(), options.joinSpacedLetters());
    }

    /** A normaliser with these options. */
    public static TextNormalizer of(NormalizationOptions options) {
        return new TextNormalizer(Objects.requireNonNull(options, "options"));
    }

    /** The options it applies. */
    public NormalizationOptions options() {
        return options;
    }

    /** Normalises {@code text}. */
    public NormalizedText normalize(CharSequence text) {
        Objects.requireNonNull(text, "text");
        Buffer b = engine.normalize(text, NormalizerEngine.workspace());
        int n = b.length;
        return new NormalizedText(text.toString(), options, Arrays.copyOf(b.chars, n),
                Arrays.copyOf(b.starts, n), Arrays.copyOf(b.ends, n), b.hasAlt ? Arrays.copyOf(b.alt, n) : null);
    }

    NormalizerEngine engine() {
        return engine;
    }
}
