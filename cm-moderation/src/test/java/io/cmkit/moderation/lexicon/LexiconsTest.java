package io.cmkit.moderation.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.text.MatchMode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Lexicons")
class LexiconsTest {

    private static final CompiledLexicon DEFAULTS = Lexicons.defaults();

    private static List<String> categories(String comment) {
        return DEFAULTS.scan(comment).stream().map(LexiconHit::category).distinct().toList();
    }

    @Nested
    @DisplayName("the shipped defaults")
    class Defaults {

        @Test
        @DisplayName("ship every category in French and in English, and log their size, compile time and heap")
        void everyCategoryInBothLanguages() {
            Map<String, Map<String, Integer>> sizes = DEFAULTS.sizes();
            System.out.printf("default lexicons: %s; compiled in %d ms; ~%d KB estimated heap%n", sizes,
                    DEFAULTS.compileTime().toMillis(), DEFAULTS.estimatedHeapBytes() / 1024);
            for (String lang : List.of("fr", "en")) {
                assertThat(sizes.get(lang)).containsKeys("insult", "hate", "threat", "sexual", "spam", "scam",
                        "defamation", "(allow)");
            }
            assertThat(DEFAULTS.categories()).containsAll(Lexicons.SHIPPED_CATEGORIES);
            assertThat(Lexicons.defaults()).isSameAs(DEFAULTS);
        }

        @Test
        @DisplayName("find disguised insults with their original offsets: leet, styled letters, spaced letters")
        void disguisedInsults() {
            assertThat(DEFAULTS.scan("Quel c0nn4rd !"))
                    .anySatisfy(h -> assertThat(h).isEqualTo(new LexiconHit("insult", "connard", Locale.FRENCH, 5, 12, "c0nn4rd")));
            String styled = "t'es un 𝐜𝐨𝐧𝐧𝐚𝐫𝐝";
            assertThat(DEFAULTS.scan(styled)).anySatisfy(h -> {
                assertThat(h.category()).isEqualTo("insult");
                assertThat(h.start()).isEqualTo(8);
                assertThat(h.end()).isEqualTo(styled.length());
                assertThat(h.text()).isEqualTo("𝐜𝐨𝐧𝐧𝐚𝐫𝐝");
            });
            assertThat(DEFAULTS.scan("well f.u.c.k this")).anySatisfy(h -> {
                assertThat(h.category()).isEqualTo("profanity");
                assertThat(h.start()).isEqualTo(5);
                assertThat(h.end()).isEqualTo(12);
                assertThat(h.text()).isEqualTo("f.u.c.k");
            });
        }

        @Test
        @DisplayName("match prefixes over inflections: connards, arnaqueurs, scammers")
        void prefixes() {
            assertThat(DEFAULTS.scan("bande de connards")).extracting(LexiconHit::term).contains("connard");
            assertThat(DEFAULTS.scan("des ARNAQUEURS")).anySatisfy(h -> {
                assertThat(h.category()).isEqualTo("defamation");
                assertThat(h.text()).isEqualTo("ARNAQUEURS");
            });
            assertThat(categories("this brand is a scam, total rip-off")).contains("defamation");
        }

        @Test
        @DisplayName("leave innocent words alone: Scunthorpe, constitution, assistant, cocktail, analyse, classique, concombre, bitume")
        void scunthorpe() {
            for (String innocent : List.of("Scunthorpe United won", "la constitution", "the assistant manager",
                    "un cocktail au concombre", "une analyse classique", "le bitume est chaud", "Middlesex and Essex",
                    "a class act", "second", "a title")) {
                assertThat(DEFAULTS.scan(innocent)).as(innocent).isEmpty();
            }
        }

        @Test
        @DisplayName("sort comments into their categories, in both languages")
        void categoriesOfComments() {
            assertThat(categories("je vais te tuer")).contains("threat");
            assertThat(categories("I will kill you")).contains("threat");
            assertThat(categories("Gagne un iPhone 15 en cliquant ici")).contains("scam");
            assertThat(categories("free followers, click the link in bio")).contains("spam");
            assertThat(categories("crypto giveaway: DM me")).contains("scam", "spam");
            assertThat(categories("Vous êtes des escrocs et des menteurs")).contains("defamation");
            assertThat(categories("quelle pétasse")).contains("insult");
            assertThat(categories("merci pour votre réponse rapide")).isEmpty();
            assertThat(categories("Thanks, the delivery was quick!")).isEmpty();
        }

        @Test
        @DisplayName("report a term listed in both languages once per category and span")
        void onceAcrossLanguages() {
            List<LexiconHit> hits = DEFAULTS.scan("clown");
            assertThat(hits).hasSize(1);
        }

        @Test
        @DisplayName("give back the entry behind a hit, with its severity and note")
        void termOf() {
            LexiconHit hit = DEFAULTS.scan("enculé").get(0);
            assertThat(DEFAULTS.termOf(hit)).hasValueSatisfying(t -> {
                assertThat(t.mode()).isEqualTo(MatchMode.PREFIX);
                assertThat(t.severity()).isEqualTo(3);
            });
        }
    }

    @Nested
    @DisplayName("the builder")
    class Builder {

        @Test
        @DisplayName("cancels a hit that an allow-list entry overlaps, and only that one")
        void allowList() {
            CompiledLexicon l = Lexicons.builder()
                    .add(Locale.ENGLISH, "sexual", "cock*")
                    .allow(Locale.ENGLISH, "cocktail*")
                    .build();
            assertThat(l.scan("two cocktails please")).isEmpty();
            assertThat(l.scan("cocktail, then cocks")).extracting(LexiconHit::text).containsExactly("cocks");
        }

        @Test
        @DisplayName("reads marks for modes, alternatives, severity and note")
        void fileFormat() throws IOException {
            CompiledLexicon l = Lexicons.builder().addFile(Locale.FRENCH, "defamation", new StringReader("""
                    # a comment
                    arnaq* ; 3 ; aimed at the brand
                    *phobe
                    *scam*
                    {je vais|on va} te tuer ; 3
                    escroc
                    """), "test.txt").build();
            assertThat(l.terms()).extracting(LexiconTerm::term)
                    .containsExactly("arnaq", "phobe", "scam", "je vais te tuer", "on va te tuer", "escroc");
            assertThat(l.terms()).extracting(LexiconTerm::mode).containsExactly(MatchMode.PREFIX, MatchMode.SUFFIX,
                    MatchMode.ANYWHERE, MatchMode.WHOLE_WORD, MatchMode.WHOLE_WORD, MatchMode.WHOLE_WORD);
            assertThat(l.terms().get(0).note()).isEqualTo("aimed at the brand");
            assertThat(l.scan("homophobe")).hasSize(1);
            assertThat(l.scan("antiscammer")).hasSize(1);
            assertThat(l.scan("ON VA TE TUER")).hasSize(1);
        }

        @Test
        @DisplayName("names the file and line of a bad entry")
        void badLine() {
            assertThatThrownBy(() -> Lexicons.builder().addFile(Locale.FRENCH, "x",
                    new StringReader("ok\nbad ; 7\n"), "mine.txt"))
                    .isInstanceOf(LexiconFormatException.class)
                    .hasMessage("mine.txt:2: severity must be 1, 2 or 3, not 7");
            assertThatThrownBy(() -> Lexicons.builder().addFile(Locale.FRENCH, "x",
                    new StringReader("{a|b\n"), "mine.txt"))
                    .isInstanceOf(LexiconFormatException.class)
                    .hasMessageContaining("mine.txt:1:");
            assertThatThrownBy(() -> Lexicons.builder().addFile(Locale.FRENCH, "x",
                    new StringReader("f*ck\n"), "mine.txt"))
                    .isInstanceOf(LexiconFormatException.class);
        }

        @Test
        @DisplayName("removes terms and categories from the defaults")
        void removeFromDefaults() {
            CompiledLexicon l = Lexicons.builder().defaults(Locale.FRENCH).remove("con").removeCategory("spam").build();
            assertThat(l.scan("quel con")).isEmpty();
            assertThat(l.scan("quel connard")).isNotEmpty();
            assertThat(l.categories()).doesNotContain("spam");
            assertThat(l.terms()).allMatch(t -> t.language().getLanguage().equals("fr"));
        }

        @Test
        @DisplayName("loads a host's own file")
        void load(@TempDir Path dir) throws IOException {
            Path f = dir.resolve("rivals.txt");
            Files.writeString(f, "concurrent-x\nrival*\n");
            CompiledLexicon l = Lexicons.load(Locale.FRENCH, "competitors", f);
            assertThat(l.scan("mieux chez Rivalis")).extracting(LexiconHit::category).containsExactly("competitors");
        }
    }

    @Nested
    @DisplayName("misspelt terms")
    class Fuzzy {

        private final CompiledLexicon lexicon = Lexicons.builder()
                .add(Locale.ENGLISH, "derogatory", "cancer").add(Locale.ENGLISH, "derogatory", "hate")
                .add(Locale.ENGLISH, "identity", "women").add(Locale.ENGLISH, "derogatory", "plague")
                .add(Locale.FRENCH, "insult", "connard*").add(Locale.ENGLISH, "insult", "bitch")
                .build();

        private List<String> found(CompiledLexicon l, String comment) {
            return l.scan(comment).stream().map(h -> h.term() + "=" + h.text()).toList();
        }

        @Test
        @DisplayName("a vowel left out (terms of 5+ letters) or two neighbouring letters swapped (4+) still match,"
                + " and point at the word as written")
        void misspellings() {
            assertThat(found(lexicon, "Those womn are a cancr")).containsExactly("women=womn", "cancer=cancr");
            assertThat(found(lexicon, "I haet them, a plageu")).containsExactly("hate=haet", "plague=plageu");
            assertThat(found(lexicon, "quels CONNRDS")).containsExactly("connard=CONNRDS");
            assertThat(found(lexicon, "btich")).containsExactly("bitch=btich");
        }

        @Test
        @DisplayName("other letters, added letters, the first letter and short words are not read as misspellings")
        void notMisspellings() {
            assertThat(found(lexicon, "a dancer, a cancers ward")).isEmpty();   // a substitution, an added letter
            assertThat(found(lexicon, "omen, ahte, owmen")).isEmpty();          // the first letter dropped or swapped
            assertThat(found(lexicon, "bich, hat, hte")).isEmpty();             // bitch less a consonant; too short
        }

        @Test
        @DisplayName("an exact match wins, and fuzzy matching can be switched off")
        void exactFirstAndOff() {
            assertThat(found(lexicon, "women")).containsExactly("women=women");
            CompiledLexicon exact = Lexicons.builder().add(Locale.ENGLISH, "derogatory", "cancer").fuzzy(false).build();
            assertThat(found(exact, "a cancr")).isEmpty();
        }
    }
}
