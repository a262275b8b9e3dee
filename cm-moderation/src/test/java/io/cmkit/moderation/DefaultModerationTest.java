package io.cmkit.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.moderation.lexicon.Lexicons;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shipped rules with the shipped lexicons, as a host gets them with no configuration. */
@DisplayName("Default moderation (shipped rules and lexicons together)")
class DefaultModerationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Account BRAND = new Account(Platform.INSTAGRAM, "cafe.lumiere.lyon");
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ModerationEngine engine = ModerationEngine.builder()
            .rules(RuleSet.defaults())
            .lexicon(Lexicons.defaults())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .brandName("Café Lumière")
            .build();

    private static Interaction comment(String text, Locale language) {
        int id = IDS.incrementAndGet();
        return new Interaction("c" + id, BRAND, Interaction.Kind.COMMENT, Author.of("a" + id, "user" + id), text,
                NOW.minusSeconds(60), ThreadPosition.replyToBrandPost("p1"), Optional.of(language), Optional.empty());
    }

    @Test
    @DisplayName("an ordinary comment or a legitimate critique is left alone, in French and in English")
    void legitimateCommentsPass() {
        for (String text : new String[] {"Super café, merci pour l'accueil !",
                "Livraison en retard de trois jours, c'est décevant.", "Love the new roast, well done!",
                "Your constitution of the blend is a classic, assistant was helpful."}) {
            Decision decision = engine.decide(comment(text, text.contains("Love") || text.contains("Your")
                    ? Locale.ENGLISH : Locale.FRENCH));
            assertThat(decision.actions()).as(text).doesNotContain(Action.HIDE, Action.DELETE, Action.BLOCK_AUTHOR);
        }
    }

    @Test
    @DisplayName("a French word that is an English slur (\"en retard\", \"plus tard\", late) is innocent in French, not in English")
    void falseFriendsFollowTheCommentsLanguage() {
        assertThat(engine.decide(comment("Commande en retard, encore.", Locale.FRENCH)).actions())
                .doesNotContain(Action.HIDE, Action.DELETE);
        assertThat(engine.decide(comment("You are such a retard", Locale.ENGLISH)).actions())
                .contains(Action.HIDE);
        assertThat(engine.decide(comment("Je garde ça pour plus tard", Locale.FRENCH)).actions())
                .as("\"tard\" (late) in French").isEmpty();
        assertThat(engine.decide(comment("Ne tardez pas, il en reste peu", Locale.FRENCH)).actions())
                .as("\"tarder\" in French").isEmpty();
        assertThat(engine.decide(comment("You're such a tard", Locale.ENGLISH)).actions())
                .contains(Action.HIDE);
    }

    @Test
    @DisplayName("the same praise from three fans is flagged for a person, never hidden on repetition alone")
    void repeatedPraiseIsFlaggedNotHidden() {
        String praise = "Toujours au top, merci Café Lumière !";
        engine.decide(comment(praise, Locale.FRENCH));
        engine.decide(comment(praise, Locale.FRENCH));
        Decision third = engine.decide(comment(praise, Locale.FRENCH));
        assertThat(third.rule()).contains("copy-paste-campaign");
        assertThat(third.actions()).containsExactly(Action.FLAG);
    }

    @Test
    @DisplayName("a disguised insult is hidden and flagged, with the span mapped back to what was written")
    void disguisedInsultIsHidden() {
        String text = "Quel c0nn4rd ce barista";
        Decision decision = engine.decide(comment(text, Locale.FRENCH));
        assertThat(decision.actions()).contains(Action.HIDE, Action.FLAG);
        assertThat(decision.evidence()).anySatisfy(e -> assertThat(e.toString()).contains("c0nn4rd"));
        assertThat(decision.explain(Locale.FRENCH)).isNotBlank();
    }

    @Test
    @DisplayName("scam spam with a link is deleted")
    void scamWithLinkIsDeleted() {
        Decision decision = engine.decide(comment(
                "Gagne un iPhone 15 gratuit !!! clique ici https://free-iphone.top/win", Locale.FRENCH));
        assertThat(decision.actions()).contains(Action.DELETE);
    }

    @Test
    @DisplayName("a link alone is no spam evidence: a fan's comment sharing an http or https link is left alone")
    void linkAloneIsNotSpam() {
        for (String text : new String[] {"Mes photos de la dégustation d'hier : https://photos.example.fr/album/42",
                "The recipe I told you about: http://example.org/recipes/flat-white",
                "Ma photo avec votre latte : https://www.instagram.com/p/Cx42latte",
                "Found it at www.example.com, thanks for the tip!"}) {
            Decision decision = engine.decide(comment(text, text.startsWith("Mes") ? Locale.FRENCH : Locale.ENGLISH));
            assertThat(decision.actions()).as(text).doesNotContain(Action.DELETE, Action.HIDE, Action.BLOCK_AUTHOR);
            assertThat(decision.evidence()).as(text).noneMatch(e -> e.kind() == Evidence.Kind.TERM);
            assertThat(Lexicons.defaults().scan(text)).as(text).isEmpty();
        }
    }

    @Test
    @DisplayName("spam wording with a link is deleted, its evidence the wording and not the link's scheme or host")
    void spamWithLinkIsDeletedOnItsWording() {
        String text = "check out my channel https://example.net/c/beats";
        Decision decision = engine.decide(comment(text, Locale.ENGLISH));
        assertThat(decision.rule()).contains("scam-links");
        assertThat(decision.actions()).contains(Action.DELETE);
        assertThat(decision.evidence()).filteredOn(e -> e.kind() == Evidence.Kind.TERM)
                .extracting(Evidence::text).containsExactly("check out my channel", "my channel");
        assertThat(decision.evidence()).filteredOn(e -> e.kind() == Evidence.Kind.LINK)
                .extracting(Evidence::text).containsExactly("https://example.net/c/beats");
    }

    @Test
    @DisplayName("defamation aimed at the brand goes to a person, never removed automatically")
    void defamationGoesToReview() {
        Decision decision = engine.decide(comment("Café Lumière ce sont des escrocs, une vraie arnaque", Locale.FRENCH));
        assertThat(decision.actions()).contains(Action.FLAG).doesNotContain(Action.DELETE, Action.HIDE);
    }

    @Test
    @DisplayName("a slur quoted to denounce it is flagged for review rather than hidden")
    void counterSpeechIsFlaggedOnly() {
        Decision decision = engine.decide(comment("He called me a \"moron\" and that is not okay.", Locale.ENGLISH));
        assertThat(decision.actions()).doesNotContain(Action.DELETE, Action.HIDE);
    }
}
