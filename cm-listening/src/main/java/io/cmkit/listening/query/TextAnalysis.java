package io.cmkit.listening.query;

import io.cmkit.core.text.NormalizationOptions;
import io.cmkit.core.text.NormalizedText;
import io.cmkit.core.text.TextNormalizer;
import io.cmkit.listening.query.internal.TokenSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * How listening reads text, the same for queries and mentions: cm-core's
 * {@link NormalizationOptions#TEXT_SEARCH} with look-alike letters on ({@link #NORMALIZATION}: case,
 * accents, Cyrillic/Greek look-alikes, NFKC, letters repeated three times or more), then split into
 * tokens: words (letters, digits, marks), {@code #hashtags} and {@code @mentions}; punctuation,
 * spaces, emoji separate them. Positions for phrases and NEAR count these tokens.
 *
 * <pre>{@code
 * TextAnalysis.tokens("L'ÉTÉ chez @Cafe_Lumiere, #BonPlan !")   // [l, ete, chez, @cafe_lumiere, #bonplan]
 * }</pre>
 */
public final class TextAnalysis {

    /** The normalisation every query and mention goes through. */
    public static final NormalizationOptions NORMALIZATION = NormalizationOptions.TEXT_SEARCH.withConfusables(true);

    private static final TextNormalizer NORMALIZER = TextNormalizer.of(NORMALIZATION);

    private TextAnalysis() {
    }

    /** The normaliser with {@link #NORMALIZATION}. */
    public static TextNormalizer normalizer() {
        return NORMALIZER;
    }

    /** The tokens of {@code text}, normalised, in order. */
    public static List<String> tokens(CharSequence text) {
        return tokensOfNormalized(NORMALIZER.normalize(text).text());
    }

    /** The tokens of a text already normalised with {@link #NORMALIZATION}. */
    public static List<String> tokensOfNormalized(NormalizedText normalized) {
        return tokensOfNormalized(normalized.text());
    }

    private static List<String> tokensOfNormalized(String normalized) {
        TokenSplitter splitter = new TokenSplitter();
        splitter.split(normalized);
        List<String> out = new ArrayList<>(splitter.count());
        for (int i = 0; i < splitter.count(); i++) {
            out.add(normalized.substring(splitter.start(i), splitter.end(i)));
        }
        return out;
    }
}
