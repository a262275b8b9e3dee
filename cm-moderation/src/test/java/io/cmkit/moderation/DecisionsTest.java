package io.cmkit.moderation;

import io.cmkit.core.text.Span;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static io.cmkit.moderation.Comments.comment;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Rules combine, rank and explain themselves")
class DecisionsTest {

    private final Comments.TestClock clock = new Comments.TestClock();

    @Nested
    @DisplayName("all, any and not")
    class Combinators {
        private final ModerationEngine engine = Comments.engineFor(Condition.all(
                Condition.any(Condition.category("insult"), Condition.words("nul")),
                Condition.not(new Condition.Verified(true))), clock);

        @Test
        @DisplayName("all needs every branch, any needs one")
        void allAny() {
            assertThat(engine.decide(comment("idiot").build()).matched()).isTrue();
            assertThat(engine.decide(comment("service nul").build()).matched()).isTrue();
            assertThat(engine.decide(comment("service parfait").build()).matched()).isFalse();
        }

        @Test
        @DisplayName("not turns a branch around")
        void not() {
            assertThat(engine.decide(comment("idiot").verified().build()).matched()).isFalse();
        }

        @Test
        @DisplayName("evidence comes from the branches that matched, never from a not")
        void evidence() {
            Decision d = engine.decide(comment("service nul").build());
            assertThat(d.evidence()).extracting(Evidence::pattern).containsExactly("nul");
        }
    }

    @Nested
    @DisplayName("priorities")
    class Priorities {
        @Test
        @DisplayName("the matching rule with the highest priority decides; ties go to the one written first")
        void firstByPriority() {
            RuleSet rules = RuleSet.builder()
                    .rule(Rule.builder("low").priority(1).when(Condition.category("insult")).then(Action.FLAG).build())
                    .rule(Rule.builder("high").priority(50).when(Condition.category("insult")).then(Action.HIDE).build())
                    .rule(Rule.builder("tie-a").priority(5).when(Condition.words("bof")).then(Action.FLAG).build())
                    .rule(Rule.builder("tie-b").priority(5).when(Condition.words("bof")).then(Action.HIDE).build())
                    .build();
            ModerationEngine engine = Comments.engine(rules, clock, ModerationConfig.ofDefaults());
            assertThat(engine.decide(comment("idiot").build()).rule()).contains("high");
            assertThat(engine.decide(comment("bof").build()).rule()).contains("tie-a");
        }

        @Test
        @DisplayName("a high APPROVE rule protects trusted authors from the rules below it")
        void approve() {
            RuleSet rules = RuleSet.builder()
                    .rule(Rule.builder("trusted").priority(100).when(new Condition.Verified(true)).then(Action.APPROVE).build())
                    .rule(Rule.builder("insults").when(Condition.category("insult")).then(Action.HIDE).build())
                    .build();
            Decision d = Comments.engine(rules, clock, ModerationConfig.ofDefaults()).decide(comment("idiot").verified().build());
            assertThat(d.actions()).containsExactly(Action.APPROVE);
        }
    }

    @Nested
    @DisplayName("actions")
    class Actions {
        @Test
        @DisplayName("a rule carries several actions, in order, without repeats")
        void several() {
            Rule r = Rule.builder("r").when(Condition.category("threat"))
                    .then(Action.DELETE, Action.BLOCK_AUTHOR, Action.ESCALATE, Action.DELETE).build();
            assertThat(r.actions()).containsExactly(Action.DELETE, Action.BLOCK_AUTHOR, Action.ESCALATE);
        }

        @Test
        @DisplayName("REPLY renders the template in the comment's language, with a fallback, and fills the placeholders")
        void reply() {
            RuleSet rules = RuleSet.builder()
                    .template(new ReplyTemplate("thanks", Map.of("fr", "Merci {author} ! — {brand}", "en", "Thanks {author}! — {brand}"), "en"))
                    .rule(Rule.builder("r").when(Condition.words("merci", "thanks", "danke")).then(Action.REPLY).reply("thanks").build())
                    .build();
            ModerationEngine engine = Comments.engine(rules, clock, ModerationConfig.ofDefaults());
            assertThat(engine.decide(comment("merci pour le café").by("z").build()).reply())
                    .contains("Merci @user_z ! — Café Lumière");
            assertThat(engine.decide(comment("thanks").by("z").in(Locale.ENGLISH).build()).reply())
                    .contains("Thanks @user_z! — Café Lumière");
            assertThat(engine.decide(comment("danke").by("z").in(Locale.GERMAN).build()).reply())
                    .contains("Thanks @user_z! — Café Lumière");
        }

        @Test
        @DisplayName("a rule that replies must name a template, and the template must exist")
        void replyNeedsTemplate() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rule.builder("r").when(Condition.words("x")).then(Action.REPLY).build())
                    .hasMessageContaining("names no reply template");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleSet.builder()
                            .rule(Rule.builder("r").when(Condition.words("x")).then(Action.REPLY).reply("nope").build()).build())
                    .hasMessageContaining("unknown reply template 'nope'");
        }
    }

    @Nested
    @DisplayName("explanations")
    class Explanations {
        private final ModerationEngine engine = Comments.engine(RuleSet.builder()
                .rule(Rule.builder("insults").category("insult").when(Condition.category("insult")).then(Action.HIDE, Action.FLAG).build())
                .build(), clock, ModerationConfig.ofDefaults());

        @Test
        @DisplayName("a decision names its rule, its category, its actions and the spans with original offsets")
        void namesEverything() {
            Decision d = engine.decide(comment("Franchement, quel idiot.").build());
            assertThat(d.rule()).contains("insults");
            assertThat(d.category()).contains("insult");
            assertThat(d.actions()).containsExactly(Action.HIDE, Action.FLAG);
            assertThat(d.evidence()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(Evidence.Kind.TERM);
                assertThat(e.category()).contains("insult");
                assertThat(e.span()).contains(new Span(18, 23));
                assertThat(e.text()).isEqualTo("idiot");
            });
        }

        @Test
        @DisplayName("a styled, leetspeak evasion is mapped back to the characters the author typed")
        void evasion() {
            String text = "t'es un 𝐜𝟎𝐧𝐧𝐧𝐚𝐫𝐝 !";
            Decision d = engine.decide(comment(text).build());
            Evidence e = d.evidence().get(0);
            assertThat(e.pattern()).isEqualTo("connard");
            assertThat(e.text()).isEqualTo("𝐜𝟎𝐧𝐧𝐧𝐚𝐫𝐝");
            assertThat(e.span().orElseThrow().of(text)).isEqualTo("𝐜𝟎𝐧𝐧𝐧𝐚𝐫𝐝");
        }

        @Test
        @DisplayName("the explanation reads in English and in French")
        void languages() {
            Decision d = engine.decide(comment("quel idiot").build());
            assertThat(d.explain(Locale.ENGLISH))
                    .isEqualTo("Rule 'insults' (insult): HIDE + FLAG. \"idiot\" at 5–10 (lexicon term idiot, category insult).");
            assertThat(d.explain(Locale.FRENCH))
                    .isEqualTo("Règle « insults » (insulte) : masquer + signaler pour revue. « idiot » aux positions 5–10 (terme du lexique idiot, catégorie insulte).");
        }

        @Test
        @DisplayName("facts explain the conditions that are not about words")
        void facts() {
            Decision d = Comments.engineFor(new Condition.Followers(10), clock).decide(comment("hi").followers(2).build());
            assertThat(d.explain(Locale.ENGLISH)).contains("followers < 10: 2.");
            assertThat(d.explain(Locale.FRENCH)).contains("abonnés < 10 : 2.").doesNotContain("followers");
        }

        @Test
        @DisplayName("facts and links read in French with no English fragment, and in English with no doubled word")
        void factsAndLinksInBothLanguages() {
            Decision reply = Comments.engineFor(new Condition.ReplyToBrand(true), clock).decide(comment("merci").build());
            assertThat(reply.explain(Locale.FRENCH)).endsWith("réponse à la marque : oui.").doesNotContain("true", "reply");
            assertThat(reply.explain(Locale.ENGLISH)).endsWith("reply to the brand: yes.");

            String text = "tout est ici https://followers-pas-cher.online/x";
            Decision link = Comments.engineFor(new Condition.Links(1, java.util.Set.of(), java.util.Set.of()), clock)
                    .decide(comment(text).build());
            assertThat(link.explain(Locale.FRENCH)).contains("(lien vers followers-pas-cher.online).")
                    .doesNotContain("link");
            assertThat(link.explain(Locale.ENGLISH)).contains("(link to followers-pas-cher.online).")
                    .doesNotContain("link link");

            Decision denied = Comments.engineFor(new Condition.Links(0, java.util.Set.of(), java.util.Set.of("arnaque.shop")),
                    clock).decide(comment("ici https://arnaque.shop/a").build());
            assertThat(denied.explain(Locale.FRENCH)).contains("(lien vers un domaine interdit, arnaque.shop).");
            assertThat(denied.explain(Locale.ENGLISH)).contains("(link to a denied domain, arnaque.shop).");

            Decision length = Comments.engineFor(new Condition.Length(0, 3), clock).decide(comment("ok").build());
            assertThat(length.explain(Locale.FRENCH)).contains("longueur : 2.");
        }

        @Test
        @DisplayName("no match says so")
        void noMatch() {
            Decision d = engine.decide(comment("très bon café").build());
            assertThat(d.matched()).isFalse();
            assertThat(d.explain(Locale.FRENCH)).isEqualTo("Aucune règle ne s'applique.");
        }
    }

    @Nested
    @DisplayName("dry run")
    class DryRun {
        @Test
        @DisplayName("decisions are computed and marked, and no strike is counted")
        void dryRun() {
            RuleSet rules = RuleSet.builder()
                    .rule(Rule.builder("insults").when(Condition.category("insult")).then(Action.DELETE).build()).build();
            ModerationEngine engine = Comments.engine(rules, clock, ModerationConfig.custom().dryRun(true).build());
            Decision d = engine.decide(comment("idiot").by("q").build());
            assertThat(d.dryRun()).isTrue();
            assertThat(d.actions()).containsExactly(Action.DELETE);
            assertThat(d.explain(Locale.ENGLISH)).startsWith("[Dry run, nothing is carried out] Rule 'insults'");
            assertThat(engine.strikes().strikes("mastodon:q")).isZero();
        }
    }

    @Nested
    @DisplayName("counter-speech and quotations")
    class CounterSpeechPolicy {
        private final ModerationEngine engine = Comments.engine(RuleSet.builder()
                .rule(Rule.builder("insults").category("insult").when(Condition.category("insult"))
                        .then(Action.DELETE, Action.BLOCK_AUTHOR).build())
                .rule(Rule.builder("spam").category("spam").when(Condition.category("spam")).then(Action.DELETE).build())
                .build(), clock, ModerationConfig.ofDefaults());

        @Test
        @DisplayName("reported speech sends the comment to review instead of deleting it")
        void reported() {
            Decision fr = engine.decide(comment("Ce vendeur m'a traité de connard devant tout le monde").build());
            assertThat(fr.requested()).containsExactly(Action.DELETE, Action.BLOCK_AUTHOR);
            assertThat(fr.actions()).containsExactly(Action.FLAG);
            assertThat(fr.adjustments()).extracting(Adjustment::kind).containsOnly(Adjustment.Kind.SAFETY);
            assertThat(engine.decide(comment("He called me an idiot on the phone").build()).actions()).containsExactly(Action.FLAG);
        }

        @Test
        @DisplayName("quoted words and rejection go to review too")
        void quotedAndRejected() {
            assertThat(engine.decide(comment("Arrêtez de dire « connard » aux clients").build()).actions()).containsExactly(Action.FLAG);
            assertThat(engine.decide(comment("Stop saying idiot to people").build()).actions()).containsExactly(Action.FLAG);
            assertThat(engine.decide(comment("I'm not an idiot").build()).actions()).containsExactly(Action.FLAG);
        }

        @Test
        @DisplayName("plain insults are still removed, and quoted spam is still spam")
        void plain() {
            assertThat(engine.decide(comment("t'es qu'un connard").build()).actions()).containsExactly(Action.DELETE, Action.BLOCK_AUTHOR);
            assertThat(engine.decide(comment("\"crypto\" gains here").build()).actions()).containsExactly(Action.DELETE);
        }

        @Test
        @DisplayName("emoji around the words never break the look-back")
        void emoji() {
            for (int n = 0; n < 45; n++) {
                String text = "🔥".repeat(n) + "idiot";
                assertThat(engine.decide(comment(text).build()).actions()).as(text).containsExactly(Action.DELETE, Action.BLOCK_AUTHOR);
            }
            assertThat(engine.decide(comment("🔥🔥 he called me an idiot 🔥").build()).actions()).containsExactly(Action.FLAG);
        }

        @Test
        @DisplayName("the policy can be switched off")
        void off() {
            ModerationEngine raw = Comments.engine(engine.rules(), clock, ModerationConfig.custom().counterSpeechSafety(false).build());
            assertThat(raw.decide(comment("il m'a traité de connard").build()).actions()).containsExactly(Action.DELETE, Action.BLOCK_AUTHOR);
        }
    }
}
