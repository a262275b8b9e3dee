package io.cmkit.moderation;

import io.cmkit.core.model.Interaction;
import io.cmkit.core.text.MatchMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.cmkit.moderation.Comments.comment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Rule files in YAML")
class RuleFileTest {

    static final String YAML = """
            templates:
              thanks:
                en: "Thanks {author}!"
                fr: "Merci {author} !"
                fallback: en
            rules:
              - id: threats
                category: threat
                priority: 100
                when:
                  category: threat
                actions: [DELETE, BLOCK_AUTHOR, ESCALATE]
              - id: scam-links
                category: scam
                priority: 90
                when:
                  any:
                    - category: [spam, scam]
                    - regex: 'gagn\\w+ un iphone'
                  links: { at_least: 1, allow: [cafe-lumiere.fr] }
                actions: [DELETE]
              - id: new-accounts
                category: spam
                priority: 50
                when:
                  all:
                    - account_age_below: 7d
                    - followers_below: 10
                    - not: { verified: true }
                  words: [promo, "code promo"]
                actions: [HIDE, FLAG]
              - id: flood
                category: spam
                priority: 40
                when:
                  flood: { count: 3, within: 2m }
                actions: [HIDE]
              - id: praise
                category: praise
                when:
                  prefixes: [merci, thank]
                  reply_to_brand: true
                  kind: [COMMENT]
                  language: [fr, en]
                  caps_ratio: { at_least: 0, min_letters: 1 }
                  length: { max: 280 }
                actions: [REPLY]
                reply: thanks
            """;

    static RuleSet built() {
        return RuleSet.builder()
                .template(new ReplyTemplate("thanks", Map.of("en", "Thanks {author}!", "fr", "Merci {author} !"), "en"))
                .rule(Rule.builder("threats").category("threat").priority(100).when(Condition.category("threat"))
                        .then(Action.DELETE, Action.BLOCK_AUTHOR, Action.ESCALATE).build())
                .rule(Rule.builder("scam-links").category("scam").priority(90)
                        .when(Condition.any(Condition.category("spam", "scam"), Condition.regex("gagn\\w+ un iphone")))
                        .when(new Condition.Links(1, Set.of("cafe-lumiere.fr"), Set.of()))
                        .then(Action.DELETE).build())
                .rule(Rule.builder("new-accounts").category("spam").priority(50)
                        .when(Condition.all(new Condition.AccountAge(Duration.ofDays(7)), new Condition.Followers(10),
                                Condition.not(new Condition.Verified(true))))
                        .when(Condition.words("promo", "code promo"))
                        .then(Action.HIDE, Action.FLAG).build())
                .rule(Rule.builder("flood").category("spam").priority(40)
                        .when(new Condition.Flood(3, Duration.ofMinutes(2))).then(Action.HIDE).build())
                .rule(Rule.builder("praise").category("praise")
                        .when(new Condition.Words(List.of("merci", "thank"), MatchMode.PREFIX))
                        .when(new Condition.ReplyToBrand(true))
                        .when(new Condition.Kind(Set.of(Interaction.Kind.COMMENT)))
                        .when(new Condition.Language(Set.of("fr", "en")))
                        .when(new Condition.CapsRatio(0, 1))
                        .when(new Condition.Length(0, 280))
                        .then(Action.REPLY).reply("thanks").build())
                .build();
    }

    @Test
    @DisplayName("a YAML file and the Java builder give equal rule sets")
    void equalRules() {
        assertThat(RuleSet.parse("rules.yaml", YAML)).isEqualTo(built());
    }

    @Test
    @DisplayName("a YAML file and the Java builder give equal decisions on the same comments")
    void equalDecisions() {
        Comments.TestClock c1 = new Comments.TestClock();
        Comments.TestClock c2 = new Comments.TestClock();
        ModerationEngine fromYaml = Comments.engine(RuleSet.parse("rules.yaml", YAML), c1, ModerationConfig.ofDefaults());
        ModerationEngine fromJava = Comments.engine(built(), c2, ModerationConfig.ofDefaults());
        List<Comments.Comment> comments = List.of(
                comment("I will kill you"), comment("crypto x100 https://bit.ly/a"),
                comment("Gagnez un iPhone https://promo.example"), comment("menu https://cafe-lumiere.fr crypto"),
                comment("code promo ici").accountAge(Duration.ofDays(1)).followers(2), comment("merci beaucoup !"),
                comment("Thanks a lot").by("t"), comment("a").by("f"), comment("b").by("f"), comment("c").by("f"),
                comment("rien à signaler"));
        for (Comments.Comment c : comments) {
            var i = c.build();
            Decision a = fromYaml.decide(i);
            Decision b = fromJava.decide(i);
            assertThat(a).as(i.text()).isEqualTo(b);
        }
        assertThat(fromYaml.decide(comment("merci pour le café !").by("m").build()).reply()).contains("Merci @user_m !");
    }

    @Test
    @DisplayName("every other condition key reads as its Java record")
    void everyKey() {
        String yaml = """
                rules:
                  - id: all-the-rest
                    when:
                      suffixes: [phobe]
                      phrases: [service client]
                      regex_original: '[A-Z]{3}'
                      links: { deny: [www.arnaque.co.uk], allow: [cafe-lumiere.fr], at_least: 2 }
                      strikes_at_least: 2
                      duplicates: { authors: 3, within: PT10M }
                      emoji_ratio: 0.5
                      caps_ratio: 0.7
                      classifier: { name: toxic, at_least: 0.8 }
                      quotation: false
                      not: { quotation: true }
                      kind: [mention, QUOTE]
                    actions: [flag, escalate]
                """;
        Rule expected = Rule.builder("all-the-rest")
                .when(new Condition.Words(List.of("phobe"), MatchMode.SUFFIX))
                .when(Condition.words("service client"))
                .when(new Condition.Regex("[A-Z]{3}", false))
                .when(new Condition.Links(2, Set.of("cafe-lumiere.fr"), Set.of("arnaque.co.uk")))
                .when(new Condition.Strikes(2))
                .when(new Condition.Duplicates(3, Duration.ofMinutes(10)))
                .when(new Condition.EmojiRatio(0.5))
                .when(new Condition.CapsRatio(0.7, 10))
                .when(new Condition.ClassifierScore("toxic", 0.8))
                .when(Condition.not(new Condition.Quotation()))
                .when(Condition.not(new Condition.Quotation()))
                .when(new Condition.Kind(Set.of(Interaction.Kind.MENTION, Interaction.Kind.QUOTE)))
                .then(Action.FLAG, Action.ESCALATE).build();
        assertThat(RuleSet.parse("r.yaml", yaml).rules()).containsExactly(expected);
    }

    @Test
    @DisplayName("a bad rule file fails once, with every problem at its line and column")
    void everyProblem() {
        String bad = """
                rules:
                  - id: one
                    priorty: 5
                    when:
                      category: insults
                      regex: 'a(b'
                    actions: [HIDE, ZAP]
                  - id: two
                    when:
                      length: { min: 10, max: 2 }
                      flood: { count: many, within: 2m }
                      wordz: [x]
                    actions: [REPLY]
                    reply: nope
                  - when:
                      caps_ratio: 1.5
                      classifier: { name: toxik, at_least: 0.5 }
                    actions: HIDE
                  - id: one
                    when: { links: {} , any: [] }
                    actions: [FLAG]
                """;
        RuleFileException e = catchThrowableOfType(RuleFileException.class,
                () -> RuleSet.parse("bad.yaml", bad, RuleSet.STANDARD_CATEGORIES, Set.of("toxic")));
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column() + " " + p.message()).containsExactly(
                "3:5 unknown field 'priorty' in a rule (did you mean 'priority'?); fields are [actions, category, description, id, priority, reply, when]",
                "5:17 unknown category 'insults' (did you mean 'insult'?); categories are [defamation, hate, insult, scam, sexual, spam, threat]",
                "6:14 invalid regex: error parsing regexp: missing closing ): `a(b`",
                "7:21 unknown action 'ZAP'; actions are [APPROVE, HIDE, DELETE, REPLY, FLAG, ESCALATE, BLOCK_AUTHOR]",
                "10:7 this length condition can never match: min 10 is more than max 2",
                "11:23 wrong type: expected a whole number, found 'many'",
                "12:7 unknown condition 'wordz' (did you mean 'words'?); conditions are " + conditions(),
                "14:12 unknown reply template 'nope' (templates: [])",
                "15:5 missing field 'id'",
                "16:19 a ratio is between 0 and 1; 1.5 can never match",
                "17:27 unknown classifier 'toxik' (did you mean 'toxic'?); classifiers are [toxic]",
                "19:9 two rules are named 'one' (first at line 2)",
                "20:13 this links condition can never match: give 'at_least' (1 or more) or a 'deny' list",
                "20:25 'any: []' can never match; list conditions");
        assertThat(e.getMessage()).startsWith("bad.yaml has 14 problems:\n  bad.yaml:3:5 rules[0].priorty: unknown field 'priorty'");
    }

    private static String conditions() {
        return "[account_age_below, all, any, caps_ratio, category, classifier, duplicates, emoji_ratio, flood, followers_below, "
                + "kind, language, length, links, not, phrases, prefixes, quotation, regex, regex_original, reply_to_brand, "
                + "strikes_at_least, suffixes, verified, words]";
    }

    @Test
    @DisplayName("a YAML syntax error is reported at its line and column")
    void syntax() {
        RuleFileException e = catchThrowableOfType(RuleFileException.class,
                () -> RuleSet.parse("s.yaml", "rules:\n  - id: [a\n    when: x\n"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.message()).startsWith("YAML syntax error");
        });
    }

    @Test
    @DisplayName("an empty file and a file without rules are refused")
    void empty() {
        assertThatThrownBy(() -> RuleSet.parse("e.yaml", "")).isInstanceOf(RuleFileException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> RuleSet.parse("e.yaml", "templates: {}\n")).hasMessageContaining("missing field 'rules'");
    }

    @Test
    @DisplayName("the default rule file ships in the jar, names only lexicon categories, and does what it says")
    void defaults() {
        RuleSet rules = RuleSet.defaults();
        assertThat(rules.rules()).extracting(Rule::id).contains("threats", "scam-links", "insults", "defamation-of-brand", "flooding");
        ModerationEngine engine = Comments.engine(rules, new Comments.TestClock(), ModerationConfig.ofDefaults());
        assertThat(engine.decide(comment("je vais te tuer").build()).actions()).containsExactly(Action.HIDE, Action.FLAG, Action.ESCALATE);
        assertThat(engine.decide(comment("crypto gains https://bit.ly/x").by("s").build()).actions()).containsExactly(Action.DELETE);
        assertThat(engine.decide(comment("Bande d'escrocs").build()).actions()).containsExactly(Action.FLAG, Action.ESCALATE);
        assertThat(engine.decide(comment("Bande d'escrocs").deepReply().build()).actions()).containsExactly(Action.FLAG);
        Decision insult = engine.decide(comment("tu es vraiment un connard").build());
        assertThat(insult.actions()).containsExactly(Action.HIDE, Action.FLAG, Action.REPLY);
        assertThat(insult.reply()).contains("@user_a1, nous vous entendons. Merci de rester courtois : notre équipe va vous répondre.");
    }
}
