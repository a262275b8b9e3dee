package io.cmkit.listening.sentiment;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SentimentAnalyzerTest {

    private final SentimentAnalyzer analyzer = SentimentAnalyzer.builder().derivedLexicon(false).build();

    private double fr(String text) {
        return analyzer.analyze(text, SentimentLanguage.FRENCH).score();
    }

    private double en(String text) {
        return analyzer.analyze(text, SentimentLanguage.ENGLISH).score();
    }

    @Nested
    @DisplayName("lexicon and normalisation")
    class Lexicon {
        @Test
        @DisplayName("a text without a sentiment word scores 0 and is neutral")
        void neutral() {
            Sentiment s = analyzer.analyze("Le magasin ouvre à 9 heures", SentimentLanguage.FRENCH);
            assertThat(s.score()).isZero();
            assertThat(s.label()).isEqualTo(SentimentLabel.NEUTRAL);
            assertThat(s.terms()).isEmpty();
        }

        @Test
        @DisplayName("accents, case, plurals, feminines and repeated letters find the lexicon entry (terms are the words as written, normalised)")
        void inflections() {
            assertThat(fr("Des produits géniaux")).isEqualTo(fr("Des produits génial"));
            assertThat(analyzer.analyze("Des produits GÉNIAUX", SentimentLanguage.FRENCH).terms()).containsExactly("geniaux");
            assertThat(fr("une expérience décevante")).isEqualTo(fr("décevant"));
            assertThat(fr("c'est nuuuuul")).isEqualTo(fr("c'est nul")).isNegative();
            assertThat(en("so goooood")).isEqualTo(en("so good")).isPositive();
        }

        @Test
        @DisplayName("the score is VADER's compound: sum / sqrt(sum² + 15)")
        void compound() {
            // "excellent" is 3.1 in the French seed lexicon.
            assertThat(fr("excellent")).isCloseTo(3.1 / Math.sqrt(3.1 * 3.1 + 15), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(fr("excellent génial magnifique parfait sublime bravo merci super top"))
                    .isLessThanOrEqualTo(1).isGreaterThan(0.95);
        }

        @Test
        @DisplayName("a hashtag's body is a word")
        void hashtag() {
            assertThat(fr("#honte à cette marque")).isNegative();
        }

        @Test
        @DisplayName("emoji (whatever the skin tone) and ASCII emoticons carry valence")
        void emoji() {
            assertThat(fr("Livraison reçue 👍🏽")).isPositive();
            assertThat(fr("Livraison reçue 😡")).isNegative();
            assertThat(en("got my parcel :)")).isPositive();
            assertThat(en("got my parcel :(")).isNegative();
            assertThat(en("see http://x.fr/a:b")).isZero();
        }
    }

    @Nested
    @DisplayName("negation")
    class Negation {
        @Test
        @DisplayName("French ne ... pas, pas, jamais, and spoken 'j'aime pas' flip and damp the valence")
        void french() {
            assertThat(fr("c'est bon")).isPositive();
            assertThat(fr("ce n'est pas bon")).isNegative();
            assertThat(fr("c'est pas mal")).isPositive();
            assertThat(fr("jamais content")).isNegative();
            assertThat(fr("j'aime")).isPositive();
            assertThat(fr("j'aime pas")).isNegative();
            assertThat(fr("je n'aime pas")).isNegative();
            // VADER's scalar: negated valence is -0.74 times the valence.
            double good = 1.8;
            assertThat(fr("pas bon")).isCloseTo(-0.74 * good / Math.sqrt(Math.pow(0.74 * good, 2) + 15),
                    org.assertj.core.data.Offset.offset(1e-9));
        }

        @Test
        @DisplayName("French 'plus' negates only after 'ne'")
        void plus() {
            assertThat(fr("ce n'est plus drôle, plus jamais")).isLessThan(0.0001);
            assertThat(fr("ce n'est plus bon")).isNegative();
            assertThat(fr("encore plus bon")).isPositive();
        }

        @Test
        @DisplayName("English not, never, n't and contractions without apostrophe")
        void english() {
            assertThat(en("this is good")).isPositive();
            assertThat(en("this is not good")).isNegative();
            assertThat(en("this isn't good")).isNegative();
            assertThat(en("this isnt good")).isNegative();
            assertThat(en("never happy with them")).isNegative();
            assertThat(en("not bad at all")).isPositive();
        }
    }

    @Nested
    @DisplayName("intensity")
    class Intensity {
        @Test
        @DisplayName("intensifiers raise and dampeners lower the strength, in French and English")
        void boosters() {
            assertThat(fr("très bon")).isGreaterThan(fr("bon"));
            assertThat(fr("vraiment nul")).isLessThan(fr("nul"));
            assertThat(fr("un peu décevant")).isNegative().isGreaterThan(fr("décevant"));
            assertThat(en("very good")).isGreaterThan(en("good"));
            assertThat(en("slightly annoying")).isNegative().isGreaterThan(en("annoying"));
            assertThat(en("kind of annoying")).isGreaterThan(en("annoying"));
        }

        @Test
        @DisplayName("a word that is both an intensifier and a sentiment word intensifies when followed by one")
        void dualRole() {
            assertThat(analyzer.analyze("super bien", SentimentLanguage.FRENCH).terms()).containsExactly("bien");
            assertThat(fr("super bien")).isGreaterThan(fr("bien"));
            assertThat(analyzer.analyze("c'est super", SentimentLanguage.FRENCH).terms()).containsExactly("super");
        }

        @Test
        @DisplayName("exclamation marks add emphasis up to four, question marks from two")
        void punctuation() {
            assertThat(fr("génial !")).isGreaterThan(fr("génial"));
            assertThat(fr("génial !!!!")).isGreaterThan(fr("génial !!"));
            assertThat(fr("génial !!!!!!!!")).isEqualTo(fr("génial !!!!"));
            assertThat(fr("nul !!")).isLessThan(fr("nul"));
            assertThat(fr("Bonjour !!!")).isZero();
        }

        @Test
        @DisplayName("a word in capitals among words that are not is emphasised; all capitals is not")
        void capitals() {
            assertThat(en("the food is AWFUL")).isLessThan(en("the food is awful"));
            assertThat(en("THE FOOD IS AWFUL")).isEqualTo(en("the food is awful"));
        }
    }

    @Nested
    @DisplayName("contrast")
    class Contrast {
        @Test
        @DisplayName("after 'mais', 'cependant', 'but', 'however' counts 1.5 times, before it half")
        void contrast() {
            assertThat(fr("Le service est lent mais le café est excellent")).isPositive();
            assertThat(fr("Le café est excellent mais le service est lent")).isLessThan(fr("Le service est lent mais le café est excellent"));
            assertThat(fr("bon produit, cependant la livraison est une catastrophe")).isNegative();
            assertThat(en("great product but awful delivery")).isNegative();
            assertThat(en("awful delivery however a great product")).isPositive();
            assertThat(fr("lent par contre excellent")).isPositive();
        }
    }

    @Nested
    @DisplayName("languages and labels")
    class Labels {
        @Test
        @DisplayName("the language comes from the locale, or is guessed from function words")
        void language() {
            assertThat(analyzer.analyze("I love it", Optional.of(Locale.ENGLISH)).language()).isEqualTo(SentimentLanguage.ENGLISH);
            assertThat(analyzer.analyze("the staff is not helpful and the app is a mess").language())
                    .isEqualTo(SentimentLanguage.ENGLISH);
            assertThat(analyzer.analyze("le personnel n'est pas aimable").language()).isEqualTo(SentimentLanguage.FRENCH);
            assertThat(analyzer.analyze("Das ist gut", Optional.of(Locale.GERMAN)).language()).isEqualTo(SentimentLanguage.FRENCH);
        }

        @Test
        @DisplayName("thresholds cut the score into labels; the defaults are VADER's for English and the tuned ones for French")
        void thresholds() {
            LabelThresholds cut = new LabelThresholds(-0.2, 0.5);
            assertThat(cut.label(-0.21)).isEqualTo(SentimentLabel.NEGATIVE);
            assertThat(cut.label(-0.2)).isEqualTo(SentimentLabel.NEUTRAL);
            assertThat(cut.label(0.5)).isEqualTo(SentimentLabel.NEUTRAL);
            assertThat(cut.label(0.51)).isEqualTo(SentimentLabel.POSITIVE);
            assertThat(SentimentAnalyzer.defaults().thresholds(SentimentLanguage.ENGLISH)).isEqualTo(LabelThresholds.VADER);
            SentimentAnalyzer custom = SentimentAnalyzer.builder().thresholds(SentimentLanguage.ENGLISH, cut).build();
            assertThat(custom.analyze("good", SentimentLanguage.ENGLISH).label()).isEqualTo(SentimentLabel.NEUTRAL);
            assertThat(SentimentAnalyzer.defaults().analyze("good", SentimentLanguage.ENGLISH).label()).isEqualTo(SentimentLabel.POSITIVE);
        }

        @Test
        @DisplayName("bad thresholds, codes and valences are refused with what was wrong")
        void errors() {
            assertThatThrownBy(() -> new LabelThresholds(0.3, 0.1)).hasMessageContaining("negativeBelow (0.3)")
                    .hasMessageContaining("positiveAbove (0.1)");
            assertThatThrownBy(() -> new LabelThresholds(-2, 0.1)).hasMessageContaining("[-1, 1]");
            assertThatThrownBy(() -> SentimentLabel.ofCode(3)).hasMessageContaining("got 3");
            assertThatThrownBy(() -> SentimentLanguage.ofCode("de")).hasMessageContaining("'de'");
            assertThatThrownBy(() -> SentimentAnalyzer.builder().word(SentimentLanguage.FRENCH, "chouette", 5))
                    .hasMessageContaining("'chouette'").hasMessageContaining("got 5.0");
        }

        @Test
        @DisplayName("a host's own words override the lexicons")
        void hostWords() {
            SentimentAnalyzer custom = SentimentAnalyzer.builder().word(SentimentLanguage.FRENCH, "Arnaque", 0).build();
            assertThat(custom.analyze("arnaque", SentimentLanguage.FRENCH).score()).isZero();
            assertThat(analyzer.analyze("arnaque", SentimentLanguage.FRENCH).score()).isNegative();
        }
    }
}
