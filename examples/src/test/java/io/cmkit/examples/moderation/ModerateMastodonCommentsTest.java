package io.cmkit.examples.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.connectors.sandbox.InteractionFacts;
import io.cmkit.connectors.sandbox.SandboxWorld;
import io.cmkit.connectors.sandbox.SimulatedClock;
import io.cmkit.core.inbox.WatchedPost;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import io.cmkit.moderation.Action;
import io.cmkit.moderation.Decision;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Moderate my Mastodon comments")
class ModerateMastodonCommentsTest {

    private static final Account ACCOUNT = new Account(Platform.MASTODON, "cafelumiere@piaille.fr");

    @Test
    @DisplayName("deletes the scam, replies to the insult and flags it, leaves the kind comment, with the rules file shipped in examples")
    void moderatesWithTheRulesFile() throws Exception {
        SimulatedClock clock = SimulatedClock.at("2026-03-02T08:00:00Z");
        // Quiet audience: only the planted comments are under the post.
        SandboxWorld world = SandboxWorld.builder().seed(3).clock(clock).zone(ZoneId.of("Europe/Paris"))
                .engagement(0.0001).mentionsPerDay(0.0001).build();
        Connector mastodon = world.connector(ACCOUNT);
        PublishedPost post = mastodon.require(Publishing.class)
                .publish(PublishRequest.now(PostVariant.text(Platform.MASTODON, "Nouvelle origine : Éthiopie !"), "p-1"));
        Interaction scam = world.plantComment(post.ref(), "promo", "Gagne un iPhone en 2 clics https://followers-pas-cher.online/x",
                clock.instant().plusSeconds(60));
        Interaction insult = world.plantComment(post.ref(), "grincheux", "Quelle bande de clowns",
                clock.instant().plusSeconds(120));
        Interaction kind = world.plantComment(post.ref(), "camille", "Hâte de goûter, merci !", clock.instant().plusSeconds(180));
        clock.advance(Duration.ofMinutes(10));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ModerateMastodonComments program = new ModerateMastodonComments(
                ModerateMastodonComments.rules(Path.of("programs", "mastodon-rules.yaml")), "Café Lumière", clock,
                new PrintStream(printed, true, StandardCharsets.UTF_8), Locale.FRENCH);
        List<Decision> decisions = program.moderate(mastodon, List.of(new WatchedPost(ACCOUNT, post.ref(), post.publishedAt())), clock);

        assertThat(decisions).extracting(Decision::interactionKey)
                .containsExactlyInAnyOrder(scam.key(), insult.key(), kind.key());
        Decision onScam = decisions.stream().filter(d -> d.interactionKey().equals(scam.key())).findFirst().orElseThrow();
        assertThat(onScam.rule()).contains("scam-links");
        assertThat(onScam.actions()).containsExactly(Action.DELETE);
        assertThat(world.facts(scam)).map(InteractionFacts::deleted).contains(true);
        Decision onInsult = decisions.stream().filter(d -> d.interactionKey().equals(insult.key())).findFirst().orElseThrow();
        assertThat(onInsult.rule()).contains("insults");
        assertThat(onInsult.actions()).contains(Action.REPLY, Action.FLAG);
        assertThat(decisions.stream().filter(d -> d.interactionKey().equals(kind.key())).findFirst().orElseThrow().matched())
                .isFalse();
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Règle « scam-links »", "Règle « insults »", "« clowns »",
                "3 comments read, 3 decisions, 1 in the review queue");
    }
}
