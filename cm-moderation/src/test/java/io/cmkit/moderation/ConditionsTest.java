package io.cmkit.moderation;

import io.cmkit.core.model.Interaction;
import io.cmkit.core.text.MatchMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.cmkit.moderation.Comments.comment;
import static io.cmkit.moderation.Comments.engineFor;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Each condition a rule can state")
class ConditionsTest {

    private final Comments.TestClock clock = new Comments.TestClock();

    private boolean matches(Condition condition, Comments.Comment comment) {
        return engineFor(condition, clock).decide(comment.build()).matched();
    }

    @Nested
    @DisplayName("text")
    class Text {
        @Test
        @DisplayName("a lexicon category matches its terms, however they are disguised")
        void category() {
            assertThat(matches(Condition.category("insult"), comment("quel C0NNNARD"))).isTrue();
            assertThat(matches(Condition.category("insult"), comment("quel café"))).isFalse();
            assertThat(matches(Condition.category("threat"), comment("quel connard"))).isFalse();
        }

        @Test
        @DisplayName("a category condition can ask for several hits")
        void categoryAtLeast() {
            Condition twice = new Condition.Category(Set.of("insult"), 2);
            assertThat(matches(twice, comment("idiot"))).isFalse();
            assertThat(matches(twice, comment("idiot, connard"))).isTrue();
        }

        @Test
        @DisplayName("words and phrases match whole words after strict normalisation")
        void words() {
            Condition c = Condition.words("remboursez", "service client nul");
            assertThat(matches(c, comment("REMBOURSÉZ moi"))).isTrue();
            assertThat(matches(c, comment("le service   client NUL"))).isTrue();
            assertThat(matches(c, comment("remboursezmoi"))).isFalse();
        }

        @Test
        @DisplayName("a word list required by an \"all\" is found among the lists numbered before it (rules without its words are skipped)")
        void requiredWordsAfterOtherLists() {
            Condition c = Condition.all(Condition.any(Condition.words("alpha"), Condition.words("bravo")),
                    Condition.not(Condition.words("charlie")), Condition.words("delta"));
            assertThat(matches(c, comment("bravo delta"))).isTrue();
            assertThat(matches(c, comment("alpha delta"))).isTrue();
            assertThat(matches(c, comment("alpha bravo"))).isFalse();
            assertThat(matches(c, comment("bravo delta charlie"))).isFalse();
            assertThat(matches(Condition.all(Condition.words("delta"), Condition.words("echo")), comment("echo"))).isFalse();
            assertThat(matches(Condition.all(Condition.words("delta"), Condition.words("echo")), comment("delta echo"))).isTrue();
        }

        @Test
        @DisplayName("prefix words match the start of a word")
        void prefixes() {
            Condition c = new Condition.Words(List.of("rembours"), MatchMode.PREFIX);
            assertThat(matches(c, comment("remboursement svp"))).isTrue();
            assertThat(matches(c, comment("nonremboursement"))).isFalse();
        }

        @Test
        @DisplayName("a regex runs through RE2J on the normalised text")
        void regex() {
            Condition c = Condition.regex("commande n?o? ?\\d{6}");
            assertThat(matches(c, comment("Ma COMMANDE 123456 est perdue"))).isTrue();
            assertThat(matches(c, comment("ma commande est perdue"))).isFalse();
        }

        @Test
        @DisplayName("a regex can run on the original text")
        void regexOriginal() {
            Condition c = new Condition.Regex("[A-Z]{3}-\\d{3}", false);
            assertThat(matches(c, comment("ref ABC-123"))).isTrue();
            assertThat(matches(c, comment("ref abc-123"))).isFalse();
        }

        @Test
        @DisplayName("a catastrophic regex for backtracking engines runs in linear time")
        void linearRegex() {
            Condition c = Condition.regex("(a+)+b");
            String evil = "a".repeat(50_000) + "!";
            long start = System.nanoTime();
            assertThat(matches(c, comment(evil))).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Nested
    @DisplayName("links and domains")
    class Links {
        @Test
        @DisplayName("a link whose registrable domain is on the deny list matches")
        void deny() {
            Condition c = new Condition.Links(0, Set.of(), Set.of("arnaque.co.uk"));
            assertThat(matches(c, comment("voir https://promo.arnaque.co.uk/x"))).isTrue();
            assertThat(matches(c, comment("voir https://example.org"))).isFalse();
        }

        @Test
        @DisplayName("links off the allow list are counted")
        void count() {
            Condition c = new Condition.Links(1, Set.of("cafe-lumiere.fr"), Set.of());
            assertThat(matches(c, comment("menu: https://www.cafe-lumiere.fr/menu"))).isFalse();
            assertThat(matches(c, comment("promo: https://bit.ly/xyz"))).isTrue();
        }
    }

    @Nested
    @DisplayName("author facts")
    class AuthorFacts {
        @Test
        @DisplayName("account age: young accounts match, unknown ages never do")
        void accountAge() {
            Condition c = new Condition.AccountAge(Duration.ofDays(7));
            assertThat(matches(c, comment("hi").accountAge(Duration.ofDays(2)))).isTrue();
            assertThat(matches(c, comment("hi").accountAge(Duration.ofDays(30)))).isFalse();
            assertThat(matches(c, comment("hi"))).isFalse();
        }

        @Test
        @DisplayName("followers below a number")
        void followers() {
            assertThat(matches(new Condition.Followers(10), comment("hi").followers(3))).isTrue();
            assertThat(matches(new Condition.Followers(10), comment("hi").followers(300))).isFalse();
        }

        @Test
        @DisplayName("verified or not")
        void verified() {
            assertThat(matches(new Condition.Verified(true), comment("hi").verified())).isTrue();
            assertThat(matches(new Condition.Verified(true), comment("hi"))).isFalse();
        }

        @Test
        @DisplayName("earlier strikes are counted by the engine when it decides a removal")
        void strikes() {
            RuleSet rules = RuleSet.builder()
                    .rule(Rule.builder("repeat").priority(10).when(Condition.all(Condition.category("insult"),
                            new Condition.Strikes(1))).then(Action.DELETE, Action.BLOCK_AUTHOR).build())
                    .rule(Rule.builder("first").when(Condition.category("insult")).then(Action.HIDE).build())
                    .build();
            ModerationEngine engine = Comments.engine(rules, clock, ModerationConfig.ofDefaults());
            assertThat(engine.decide(comment("idiot").by("x").build()).rule()).contains("first");
            assertThat(engine.decide(comment("idiot").by("x").build()).rule()).contains("repeat");
            assertThat(engine.decide(comment("idiot").by("y").build()).rule()).contains("first");
        }
    }

    @Nested
    @DisplayName("traffic")
    class Traffic {
        @Test
        @DisplayName("flooding: the same author N times within T, by the engine's clock")
        void flood() {
            ModerationEngine engine = engineFor(new Condition.Flood(3, Duration.ofMinutes(1)), clock);
            assertThat(engine.decide(comment("a").by("f").build()).matched()).isFalse();
            assertThat(engine.decide(comment("b").by("f").build()).matched()).isFalse();
            assertThat(engine.decide(comment("c").by("other").build()).matched()).isFalse();
            assertThat(engine.decide(comment("d").by("f").build()).matched()).isTrue();
            clock.advance(Duration.ofMinutes(2));
            assertThat(engine.decide(comment("e").by("f").build()).matched()).isFalse();
        }

        @Test
        @DisplayName("duplicates: the same normalised text from K distinct authors within T")
        void duplicates() {
            ModerationEngine engine = engineFor(new Condition.Duplicates(3, Duration.ofMinutes(10)), clock);
            assertThat(engine.decide(comment("Gagnez un iPhone ici").by("1").build()).matched()).isFalse();
            assertThat(engine.decide(comment("GAGNEZ un iphone   ici").by("1").build()).matched()).isFalse();
            assertThat(engine.decide(comment("gagnez un iPhone ici").by("2").build()).matched()).isFalse();
            assertThat(engine.decide(comment("Gagnez un iPhöne ici").by("3").build()).matched()).isTrue();
        }
    }

    @Nested
    @DisplayName("shape")
    class Shape {
        @Test
        @DisplayName("caps ratio, with a minimum number of letters")
        void caps() {
            Condition c = new Condition.CapsRatio(0.8, 10);
            assertThat(matches(c, comment("VOUS ÊTES NULS, REMBOURSEZ"))).isTrue();
            assertThat(matches(c, comment("OK"))).isFalse();
            assertThat(matches(c, comment("Vous êtes nuls, remboursez"))).isFalse();
        }

        @Test
        @DisplayName("emoji ratio counts emoji as people see them")
        void emoji() {
            Condition c = new Condition.EmojiRatio(0.5);
            assertThat(matches(c, comment("🔥🔥🔥👍🏽 ok"))).isTrue();
            assertThat(matches(c, comment("très bon café 👍🏽"))).isFalse();
        }

        @Test
        @DisplayName("length in characters")
        void length() {
            Condition c = new Condition.Length(0, 3);
            assertThat(matches(c, comment("ok"))).isTrue();
            assertThat(matches(c, comment("okay"))).isFalse();
        }
    }

    @Nested
    @DisplayName("language, classifier and thread")
    class Context {
        @Test
        @DisplayName("language: the platform's, else guessed from French and English stopwords")
        void language() {
            Condition fr = new Condition.Language(Set.of("fr"));
            assertThat(matches(fr, comment("whatever").in(Locale.FRENCH))).isTrue();
            assertThat(matches(fr, comment("je ne suis pas content de la commande"))).isTrue();
            assertThat(matches(fr, comment("I am not happy with the order"))).isFalse();
        }

        @Test
        @DisplayName("a named classifier's score above a threshold")
        void classifier() {
            assertThat(matches(new Condition.ClassifierScore("toxic", 0.8), comment("x"))).isTrue();
            assertThat(matches(new Condition.ClassifierScore("toxic", 0.95), comment("x"))).isFalse();
        }

        @Test
        @DisplayName("a reply to the brand, or not")
        void replyToBrand() {
            assertThat(matches(new Condition.ReplyToBrand(true), comment("x"))).isTrue();
            assertThat(matches(new Condition.ReplyToBrand(true), comment("x").deepReply())).isFalse();
            assertThat(matches(new Condition.ReplyToBrand(false), comment("x").mention())).isTrue();
        }

        @Test
        @DisplayName("the kind of interaction")
        void kind() {
            Condition c = new Condition.Kind(Set.of(Interaction.Kind.MENTION));
            assertThat(matches(c, comment("x").mention())).isTrue();
            assertThat(matches(c, comment("x"))).isFalse();
        }

        @Test
        @DisplayName("quotation and reported speech cues")
        void quotation() {
            assertThat(matches(new Condition.Quotation(), comment("il m'a traité de connard"))).isTrue();
            assertThat(matches(new Condition.Quotation(), comment("« connard », vraiment ?"))).isTrue();
            assertThat(matches(new Condition.Quotation(), comment("connard"))).isFalse();
        }
    }
}
