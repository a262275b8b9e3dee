package io.cmkit.moderation.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.text.NormalizationOptions;
import io.cmkit.core.text.TextNormalizer;
import io.cmkit.core.text.Tokenizer;
import io.cmkit.moderation.classifier.HashingOptions;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TargetCuesTest {

    private static final TextNormalizer NORMALIZER = TextNormalizer.of(NormalizationOptions.TEXT_SEARCH);

    /** The cues of a comment, read the way FeatureHasher reads it. */
    private static Set<String> cues(String comment) {
        String text = NORMALIZER.normalize(comment).text();
        return TargetCues.of(text, Tokenizer.standard().tokenize(text));
    }

    @Test
    @DisplayName("'you are' with an insulting predicate, aimed at the reader")
    void youAreAnInsult() {
        assertThat(cues("You're such a sad little weirdo")).contains("YA", "YAQ", "Q", "QY", "K:little Q", "K:Q $", "K:Q$");
        assertThat(cues("u r a MORON")).contains("YA", "YAQ", "Q", "QY");
        assertThat(cues("you really are a nitwit")).contains("YA", "YAQ");
    }

    @Test
    @DisplayName("'you are' with another predicate is only a 'you are'")
    void youAreSomethingElse() {
        assertThat(cues("you are right about the menu")).contains("YA").doesNotContain("YAQ", "Q", "QY");
    }

    @Test
    @DisplayName("an insulting word alone between punctuation, or after 'you', is a vocative")
    void vocative() {
        assertThat(cues("Read it again, moron.")).contains("Q", "QV").doesNotContain("P", "YA");
        assertThat(cues("Get a life, loser!")).contains("Q", "QV", "P");
        assertThat(cues("Nobody cares what you think you racist!")).contains("Q", "QV", "QY", "P");
        assertThat(cues("the clown act at the circus was great")).contains("Q").doesNotContain("QV", "QY");
    }

    @Test
    @DisplayName("plurals are read, phrases match whole words only")
    void pluralsAndPhrases() {
        assertThat(cues("idiots everywhere")).contains("Q");
        assertThat(cues("People like you ruin everything")).contains("P");
        assertThat(cues("purple likes yours")).isEmpty();
    }

    @Test
    @DisplayName("an ordinary comment has no cue")
    void none() {
        assertThat(cues("Thanks for the quick answer, the order arrived")).isEmpty();
        assertThat(cues("")).isEmpty();
    }

    @Test
    @DisplayName("the word view carries the cues, the character view does not, and all is both added")
    void views() {
        FeatureHasher hasher = new FeatureHasher(HashingOptions.DEFAULTS.withBits(16));
        FeatureHasher.Views v = hasher.views("You're such a moron");
        FeatureHasher without = new FeatureHasher(HashingOptions.DEFAULTS.withBits(16).withTargetCues(false));
        FeatureHasher.Views w = without.views("You're such a moron");
        assertThat(v.chars()).usingRecursiveComparison().isEqualTo(w.chars());
        assertThat(v.words().index().length).isGreaterThan(w.words().index().length);
        assertThat(hasher.vectorize("You're such a moron")).usingRecursiveComparison().isEqualTo(v.all());
        double sum = 0;
        for (float x : v.all().value()) {
            sum += x;
        }
        double parts = 0;
        for (float x : v.words().value()) {
            parts += x;
        }
        for (float x : v.chars().value()) {
            parts += x;
        }
        assertThat(sum).isCloseTo(parts, org.assertj.core.data.Offset.offset(1e-4));
    }
}
