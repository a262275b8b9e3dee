package io.cmkit.core.calendar;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Brand;
import io.cmkit.core.model.ContentPillar;
import io.cmkit.core.model.EditorialLine;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.model.PostingCadence;
import io.cmkit.core.model.Strategy;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A café in Lyon, "Café Lumière", planning in Paris time. */
final class CalendarFixtures {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Account MASTODON = new Account(Platform.MASTODON, "cafelumiere@piaille.fr");
    static final Account MASTODON_SUPPORT = new Account(Platform.MASTODON, "aide_cafelumiere@piaille.fr");
    static final Account BLUESKY = new Account(Platform.BLUESKY, "cafelumiere.bsky.social");
    static final Account INSTAGRAM = new Account(Platform.INSTAGRAM, "cafe.lumiere.lyon");

    /** Monday 2 March 2026, 08:00 in Paris (07:00 UTC). */
    static final Instant MONDAY_MARCH_2 = Instant.parse("2026-03-02T07:00:00Z");

    private CalendarFixtures() {
    }

    static Clock clockAt(Instant now) {
        return Clock.fixed(now, PARIS);
    }

    static PostingCadence cadence(Platform platform, int postsPerWeek, List<DayOfWeek> days, String... times) {
        return new PostingCadence(platform, postsPerWeek, days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class)
                : EnumSet.copyOf(days), Arrays.stream(times).map(LocalTime::parse).toList());
    }

    /** Mastodon weekdays at 09:00, Bluesky Mon/Wed/Fri at 12:30, Instagram untimed. */
    static Strategy strategy() {
        return strategy(List.of(
                cadence(Platform.MASTODON, 5, List.of(DayOfWeek.values()).subList(0, 5), "09:00"),
                cadence(Platform.BLUESKY, 3, List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), "12:30")));
    }

    static Strategy strategy(List<PostingCadence> cadences) {
        Brand brand = new Brand("cafe-lumiere", "Café Lumière", PARIS, Locale.FRENCH,
                List.of(MASTODON, MASTODON_SUPPORT, BLUESKY, INSTAGRAM));
        EditorialLine line = new EditorialLine("chaleureux", List.of(Locale.FRENCH),
                List.of(new ContentPillar("Du grain à la tasse", 40, ""),
                        new ContentPillar("Recettes", 35, ""),
                        new ContentPillar("Coulisses", 25, "")),
                List.of("CafeLumiere"), List.of(), cadences);
        return new Strategy(brand, List.of(), List.of(), line);
    }

    static Post post(String id, String text, String pillar, Platform... platforms) {
        List<Platform> on = platforms.length == 0 ? List.of(Platform.MASTODON, Platform.BLUESKY) : List.of(platforms);
        return new Post(id, "cafe-lumiere", Optional.ofNullable(pillar), Optional.empty(),
                on.stream().map(p -> PostVariant.text(p, text)).toList());
    }

    static Post post(String id) {
        return post(id, "Post " + id, "Recettes");
    }
}
