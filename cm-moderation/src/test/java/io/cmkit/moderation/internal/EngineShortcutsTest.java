package io.cmkit.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.core.text.MatchMode;
import io.cmkit.moderation.Action;
import io.cmkit.moderation.Comments;
import io.cmkit.moderation.Condition;
import io.cmkit.moderation.Decision;
import io.cmkit.moderation.ModerationEngine;
import io.cmkit.moderation.Rule;
import io.cmkit.moderation.RuleSet;
import io.cmkit.moderation.lexicon.Lexicon;
import io.cmkit.moderation.lexicon.Lexicons;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine's shortcuts (a rule whose required word list has no match is never visited; a category
 * test with no hit in its categories returns at once) against an engine that runs every rule's test
 * in order without them, decision by decision, on seeded rule sets and comment streams.
 */
class EngineShortcutsTest {

    private static final Instant START = Comments.NOW;
    private static final String[] VOCABULARY = {"livraison", "remboursement", "latte", "croissant", "barista", "order",
        "refund", "delivery", "espresso", "muffin", "promo", "café crème", "gift card", "service client", "arnaque",
        "scam", "idiot", "connard", "sale con", "escroc", "voleurs", "crypto", "gagnez", "je vais te tuer", "fraud", "raton", "ordure", "putain",
        "femmes", "chatte", "gagne un iphone", "abonne-toi a ma", "www.cafe-lumiere.example", "https://bit.ly/x1", "merci", "thanks", "URGENT", "🔥",
        "commande 123456", "0612345678", "jean@example.org", "nul", "génial", "vraiment", "the", "le", "un", "you"};
    /** Words no rule names. */
    private static final String[] FILLER = {"bonjour", "hier", "matin", "table", "terrasse", "hello", "today", "again",
        "really", "pourquoi", "quand", "pretty", "chaise", "soleil", "pluie"};
    private static final List<Condition> CATEGORIES = List.of(Condition.category("insult", "defamation"),
        Condition.category("threat"), new Condition.Category(Set.of("scam", "spam"), 2),
        new Condition.Category(Set.of("insult"), 3), new Condition.Category(Set.of("hate", "sexual", "insult"), 1),
        Condition.category("hate"), Condition.category("profanity", "identity", "derogatory"), Condition.category("sexual"), Condition.category("scam", "threat"));
    private static final Account ACCOUNT = new Account(Platform.MASTODON, "cafe_lumiere");

    @Test
    @DisplayName("the shortcuts decide as trying every rule in full, over 12 rule sets and 60,000 comments")
    void sameDecisionsAsTheGeneralPath() {
        Lexicon lexicon = Lexicons.defaults();
        int decided = 0;
        Map<String, Integer> byRule = new HashMap<>();
        for (long seed = 1; seed <= 12; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            RuleSet rules = rules(random, 20 + random.nextInt(120));
            Comments.TestClock clockA = new Comments.TestClock();
            Comments.TestClock clockB = new Comments.TestClock();
            DefaultModerationEngine skipping = engine(rules, lexicon, clockA);
            DefaultModerationEngine everyRule = engine(rules, lexicon, clockB);
            for (int i = 0; i < 5_000; i++) {
                Interaction comment = comment(random, i);
                clockA.advance(Duration.ofSeconds(1));
                clockB.advance(Duration.ofSeconds(1));
                Decision expected = everyRule.decideTryingEveryRule(comment);
                Decision actual = skipping.decide(comment);
                assertThat(actual).as("seed %d, comment %d: \"%s\"", seed, i, comment.text()).isEqualTo(expected);
                decided += actual.rule().isPresent() ? 1 : 0;
                byRule.merge(actual.rule().orElse("(none)").replaceAll("-\\d+$", ""), 1, Integer::sum);
            }
        }
        // the streams reach rules of every shape, and not always the same one
        assertThat(decided).as("decided by %s", byRule).isGreaterThan(20_000).isLessThan(54_000);
        assertThat(byRule).as("decided by").containsKeys("(none)", "words", "words-first", "words-later", "any-words", "not-words", "plain");
    }

    private static DefaultModerationEngine engine(RuleSet rules, Lexicon lexicon, Clock clock) {
        return (DefaultModerationEngine) ModerationEngine.builder().rules(rules).lexicon(lexicon).clock(clock)
                .brandName("Café Lumière").build();
    }

    /** Rules of every shape the skipping reads (a word list alone, first or later in an "all") and of shapes it must not. */
    private static RuleSet rules(SplittableRandom random, int count) {
        RuleSet defaults = RuleSet.defaults();
        RuleSet.Builder b = RuleSet.builder();
        defaults.templates().values().forEach(b::template);
        if (random.nextBoolean()) {
            defaults.rules().forEach(b::rule);
        }
        for (int i = 0; i < count; i++) {
            Condition words = words(random);
            Condition other = other(random);
            String shape;
            Condition when;
            switch (random.nextInt(7)) {
                case 0 -> {
                    shape = "words";
                    when = words;
                }
                case 1 -> {
                    shape = "words-first";
                    when = Condition.all(words, other);
                }
                case 2 -> {
                    shape = "words-later";
                    when = Condition.all(other, Condition.any(words(random), other(random)), words);
                }
                case 3 -> {
                    shape = "any-words";
                    when = Condition.any(words, Condition.all(other, other(random)));
                }
                case 4 -> {
                    shape = "not-words";
                    when = Condition.all(Condition.not(words), other, other(random));
                }
                case 5 -> {
                    shape = "nested";
                    when = Condition.all(Condition.any(words, words(random)), Condition.not(other));
                }
                default -> {
                    shape = "plain";
                    when = Condition.all(other, other(random));
                }
            }
            Action action = List.of(Action.FLAG, Action.HIDE, Action.DELETE, Action.ESCALATE).get(random.nextInt(4));
            b.rule(Rule.builder(shape + "-" + i).category("brand").priority(random.nextInt(40)).when(when).then(action).build());
        }
        return b.build();
    }

    private static Condition words(SplittableRandom random) {
        List<String> terms = new ArrayList<>();
        for (int k = 1 + random.nextInt(4); k > 0; k--) {
            String w = VOCABULARY[random.nextInt(VOCABULARY.length)];
            if (Character.isLetter(w.charAt(0)) && !w.contains("://") && !w.contains("@") && !w.contains(".")) {
                terms.add(w);
            }
        }
        if (terms.isEmpty()) {
            terms.add("croissant");
        }
        return new Condition.Words(terms, random.nextInt(4) == 0 ? MatchMode.PREFIX : MatchMode.WHOLE_WORD);
    }

    private static Condition other(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> new Condition.ReplyToBrand(true);
            case 1 -> new Condition.Verified(true);
            case 2 -> new Condition.Links(1, Set.of("cafe-lumiere.example"), Set.of());
            case 3 -> new Condition.Language(Set.of(random.nextBoolean() ? "fr" : "en"));
            case 4 -> new Condition.Length(0, 40 + random.nextInt(60));
            case 5 -> new Condition.CapsRatio(0.3, 3);
            case 6 -> new Condition.Flood(2 + random.nextInt(3), Duration.ofSeconds(30));
            case 7 -> CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            case 8 -> Condition.regex("\\d{6}");
            default -> new Condition.Followers(50);
        };
    }

    private static Interaction comment(SplittableRandom random, int i) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(10); k >= 0; k--) {
            text.append(random.nextInt(4) > 0 ? FILLER[random.nextInt(FILLER.length)] : VOCABULARY[random.nextInt(VOCABULARY.length)]).append(random.nextInt(5) == 0 ? ", " : " ");
        }
        int a = random.nextInt(40);
        Author author = new Author("u" + a, "user" + a, Optional.empty(), Optional.of(START.minus(Duration.ofDays(a))),
                OptionalLong.of(a * 7L), a % 5 == 0);
        ThreadPosition thread = new ThreadPosition(Optional.of("post1"), Optional.of("post1"), 1, random.nextBoolean());
        return new Interaction("c" + i, ACCOUNT, Interaction.Kind.COMMENT, author, text.toString().strip(),
                START.plusSeconds(i + 1), thread, Optional.empty(), Optional.empty());
    }
}
