package io.cmkit.core.model;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Valid values to build on: a café brand in Lyon, "Café Lumière". */
final class Samples {

    private Samples() {
    }

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Account MASTODON_ACCOUNT = new Account(Platform.MASTODON, "cafe_lumiere@mastodon.social");
    static final Account BLUESKY_ACCOUNT = new Account(Platform.BLUESKY, "cafelumiere.bsky.social");
    static final DateRange Q1 = DateRange.parse("2026-Q1");

    static Brand brand() {
        return new Brand("cafe-lumiere", "Café Lumière", PARIS, Locale.FRENCH,
                List.of(MASTODON_ACCOUNT, BLUESKY_ACCOUNT));
    }

    static ContentPillar pillar(String name, double share) {
        return new ContentPillar(name, share, "");
    }

    static PostingCadence cadence(Platform platform) {
        return new PostingCadence(platform, 3, Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                List.of(LocalTime.of(8, 30), LocalTime.of(12, 0)));
    }

    static EditorialLine editorialLine(List<PostingCadence> cadences) {
        return new EditorialLine("warm, witty, tutoiement", List.of(Locale.FRENCH, Locale.ENGLISH),
                List.of(pillar("behind the scenes", 40), pillar("coffee education", 35), pillar("community", 25)),
                List.of("CafeLumiere"), List.of("cheap"), cadences);
    }

    static Objective objective(String id, KpiTarget... targets) {
        return new Objective(id, "Grow awareness in Lyon", List.of(targets));
    }

    static KpiTarget followersOn(Platform platform) {
        return new KpiTarget(Metric.FOLLOWERS, 5_000, KpiTarget.Direction.AT_LEAST, Q1, Optional.of(platform));
    }

    static Audience audience(String name) {
        return new Audience(name, 1.0, List.of(AgeRange.parse("25-34")), Set.of("FR"), Set.of("coffee"),
                Set.of("video"), List.of());
    }

    static MediaAsset image(long sizeBytes) {
        return new MediaAsset(MediaAsset.Kind.IMAGE, URI.create("file:///media/latte.jpg"), "image/jpeg", sizeBytes,
                Optional.of("A latte with a heart drawn in the foam"));
    }

    static MediaAsset video(long sizeBytes) {
        return new MediaAsset(MediaAsset.Kind.VIDEO, URI.create("file:///media/roasting.mp4"), "video/mp4", sizeBytes,
                Optional.empty());
    }

    static Author author() {
        return Author.of("109876", "marie");
    }
}
