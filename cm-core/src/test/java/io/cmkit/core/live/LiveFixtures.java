package io.cmkit.core.live;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** A coffee brand's launch live, on Mastodon and Bluesky, used across the live tests. */
final class LiveFixtures {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Account MASTODON = new Account(Platform.MASTODON, "cafe_lumiere@mastodon.social");
    static final Account BLUESKY = new Account(Platform.BLUESKY, "cafelumiere.bsky.social");
    /** Thursday 4 March 2027, 18:00 in Paris (17:00 UTC). */
    static final Instant START = LocalDateTime.of(2027, 3, 4, 18, 0).atZone(PARIS).toInstant();

    private LiveFixtures() {
    }

    static LiveEvent launch() {
        return launchAt(START);
    }

    static LiveEvent launchAt(Instant start) {
        return new LiveEvent("spring-launch", "Lancement du latte lavande", "cafe-lumiere", start, PARIS,
                List.of("#CaféLumièreLive"), List.of(MASTODON, BLUESKY), Duration.ofHours(1));
    }

    /** Both platforms, the same text. */
    static Cue cue(String offset, String text) {
        return Cue.text(offset, Map.of(Platform.MASTODON, text, Platform.BLUESKY, text));
    }

    /** The show of the docs: teaser, opening, two moments and the closing. */
    static List<Cue> show() {
        return List.of(
                cue("T-1h", "Dans une heure, on lance le latte lavande en direct !").labelled("teaser"),
                cue("T+0", "C'est parti ! Posez vos questions avec #CaféLumièreLive").labelled("opening"),
                cue("T+10m", "Première dégustation").labelled("tasting"),
                cue("T+45m", "Questions-réponses maintenant").labelled("Q&A"),
                cue("T+1h30m", "Merci à toutes et à tous !").labelled("closing"));
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
