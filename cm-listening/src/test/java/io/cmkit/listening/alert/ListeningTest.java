package io.cmkit.listening.alert;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.listening.sentiment.SentimentLabel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListeningTest {

    private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
    private static final Account BRAND = new Account(Platform.MASTODON, "cafe_lumiere");
    private static final MatchedQuery CAFE = MatchedQuery.own("q-cafe", "cafe", List.of("cafe lumiere"));
    private static final MatchedQuery RIVAL = MatchedQuery.competitor("q-rival", "rival", List.of("rival coffee"));

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private int ids;

    private Interaction mention(String text, Instant at, long followers) {
        int id = ++ids;
        Author author = new Author("a" + id, "user" + id, Optional.empty(), Optional.empty(), OptionalLong.of(followers), false);
        return new Interaction("m" + id, BRAND, Interaction.Kind.MENTION, author, text, at, ThreadPosition.standalone(),
                Optional.of(Locale.FRENCH), Optional.empty());
    }

    /** Three weeks of 5 neutral mentions an hour for the brand's query (and 3 for the competitor's). */
    private void history(Listening listening, ManualClock clock) {
        for (int hour = 0; hour < 3 * 168; hour++) {
            for (int i = 0; i < 5; i++) {
                Instant at = MONDAY.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(10 * i));
                clock.now = at;
                listening.accept(mention("Le café ouvre à 9 heures", at, 10), List.of(CAFE));
                if (i < 3) {
                    listening.accept(mention("Rival coffee ouvre rue Oberkampf", at, 10), List.of(RIVAL));
                }
            }
        }
    }

    /** Feeds 20 negative mentions of the brand in one hour, after the history; returns each update. */
    private List<Listening.Update> negativeBurst(Listening listening, ManualClock clock, Instant spikeHour) {
        List<Listening.Update> updates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instant at = spikeHour.plus(Duration.ofMinutes(i));
            clock.now = at;
            Listening.Update update = listening.accept(
                    mention("Café Lumière, c'est une arnaque ! Honte à vous", at, 100 + i), List.of(CAFE));
            assertThat(update.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
            updates.add(update);
        }
        return updates;
    }

    private static List<Alert> delivered(List<Listening.Update> updates) {
        return updates.stream().flatMap(u -> u.alerts().stream()).toList();
    }

    private static List<Alert> grouped(List<Listening.Update> updates) {
        return updates.stream().flatMap(u -> u.grouped().stream()).toList();
    }

    @Test
    @DisplayName("with grouping off, a burst of negative mentions raises bad-buzz and volume alerts for the query and the brand")
    void everySeriesAlertsWhenGroupingIsOff() {
        ManualClock clock = new ManualClock(MONDAY);
        List<Alert> sunk = new ArrayList<>();
        Listening listening = Listening.builder(clock).groupAlerts(false).sink(sunk::add).build();
        history(listening, clock);
        List<Listening.Update> updates = negativeBurst(listening, clock, MONDAY.plus(Duration.ofHours(3 * 168 + 10)));
        assertThat(sunk).isEqualTo(delivered(updates));
        assertThat(grouped(updates)).isEmpty();
        assertThat(sunk).extracting(Alert::kind, a -> a.series().toString(), a -> a.spike().observed())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertKind.BAD_BUZZ, "brand:cafe:negative", 10L),
                        org.assertj.core.groups.Tuple.tuple(AlertKind.BAD_BUZZ, "query:q-cafe:negative", 10L),
                        org.assertj.core.groups.Tuple.tuple(AlertKind.VOLUME_SPIKE, "brand:cafe:volume", 14L),
                        org.assertj.core.groups.Tuple.tuple(AlertKind.VOLUME_SPIKE, "query:q-cafe:volume", 14L));
    }

    @Test
    @DisplayName("a burst of negative mentions: one bad-buzz alert for the brand, with the evidence; the query's and the volume alerts grouped under it")
    void badBuzz() {
        ManualClock clock = new ManualClock(MONDAY);
        List<Alert> delivered = new ArrayList<>();
        Listening listening = Listening.builder(clock).sink(delivered::add).build();
        history(listening, clock);
        assertThat(delivered).isEmpty();

        Instant spikeHour = MONDAY.plus(Duration.ofHours(3 * 168 + 10));
        List<Listening.Update> updates = negativeBurst(listening, clock, spikeHour);
        List<Alert> raised = delivered(updates);
        assertThat(delivered).isEqualTo(raised);
        assertThat(raised).extracting(Alert::kind, a -> a.series().toString(), a -> a.spike().observed())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.BAD_BUZZ, "brand:cafe:negative", 10L));
        assertThat(grouped(updates)).extracting(Alert::kind, a -> a.series().toString(), a -> a.spike().observed())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertKind.BAD_BUZZ, "query:q-cafe:negative", 10L),
                        org.assertj.core.groups.Tuple.tuple(AlertKind.VOLUME_SPIKE, "brand:cafe:volume", 14L),
                        org.assertj.core.groups.Tuple.tuple(AlertKind.VOLUME_SPIKE, "query:q-cafe:volume", 14L));
        Alert badBuzz = raised.get(0);
        assertThat(badBuzz.spike().baseline()).isZero();
        assertThat(badBuzz.spike().bucketStart()).isEqualTo(spikeHour);
        assertThat(badBuzz.raisedAt()).isEqualTo(spikeHour.plus(Duration.ofMinutes(9)));
        assertThat(badBuzz.evidence().topMentions()).hasSize(5)
                .extracting(Evidence.MentionSummary::authorFollowers).containsExactly(
                        Optional.of(109L), Optional.of(108L), Optional.of(107L), Optional.of(106L), Optional.of(105L));
        assertThat(badBuzz.evidence().topMentions().get(0).sentimentScore()).isNegative();
        assertThat(badBuzz.evidence().topTerms()).extracting(Evidence.TermCount::term)
                .contains("cafe lumiere", "arnaque", "honte");
        assertThat(badBuzz.evidence().topTerms()).allSatisfy(t -> assertThat(t.count()).isEqualTo(10));
        assertThat(badBuzz.summary()).startsWith("BAD_BUZZ brand:cafe:negative: 10 in the bucket from " + spikeHour);
        assertThat(badBuzz.summary(java.util.Locale.ENGLISH)).isEqualTo(badBuzz.summary());
        assertThat(badBuzz.summary(java.util.Locale.FRANCE)).isEqualTo("bad buzz brand:cafe:negative : 10 dans la tranche du "
                + spikeHour + ", pour une référence de 0,0 (×" + String.format(java.util.Locale.FRENCH, "%.1f",
                badBuzz.spike().ratio()) + ", seuil " + String.format(java.util.Locale.FRENCH, "%.1f", badBuzz.spike().threshold())
                + ")");
        assertThat(AlertKind.VOLUME_SPIKE.label(java.util.Locale.FRENCH)).isEqualTo("pic de mentions");
        assertThat(AlertKind.COMPETITOR_ENGAGEMENT.label(java.util.Locale.FRANCE)).isEqualTo("pic d'engagement d'un concurrent");
        assertThat(AlertKind.BAD_BUZZ.label(java.util.Locale.ENGLISH)).isEqualTo("BAD_BUZZ");
    }

    @Test
    @DisplayName("competitor watch: a jump in a competitor's mentions, and in its post's engagement from metric snapshots")
    void competitor() {
        ManualClock clock = new ManualClock(MONDAY);
        Listening listening = Listening.builder(clock).build();
        history(listening, clock);
        Account rivalAccount = new Account(Platform.MASTODON, "rival_coffee");
        long likes = 0;
        List<Alert> engagement = new ArrayList<>();
        for (int hour = 0; hour <= 3 * 168 + 2; hour++) {
            Instant at = MONDAY.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(30));
            clock.now = at;
            likes += hour == 3 * 168 + 2 ? 900 : 20;
            engagement.addAll(listening.acceptMetrics(new MetricSnapshot(rivalAccount, Optional.of("post-1"), at,
                    Map.of(Metric.LIKES, likes, Metric.SHARES, 3L)), "rival"));
        }
        assertThat(engagement).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.COMPETITOR_ENGAGEMENT);
            assertThat(a.series().toString()).isEqualTo("competitor:rival:engagement");
            assertThat(a.spike().observed()).isEqualTo(900);
            assertThat(a.spike().baseline()).isEqualTo(20);
            assertThat(a.evidence().topPosts()).containsExactly(new Evidence.PostEngagement("mastodon:post-1", 900));
        });

        Instant burst = MONDAY.plus(Duration.ofHours(3 * 168 + 5));
        List<Listening.Update> updates = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clock.now = burst.plus(Duration.ofMinutes(i));
            updates.add(listening.accept(mention("Rival coffee lance un nouveau latte", clock.now, 5), List.of(RIVAL)));
        }
        // The competitor's whole series and its query's spike together: one alert, the query's grouped under it.
        assertThat(delivered(updates)).extracting(Alert::kind, a -> a.series().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.COMPETITOR_VOLUME, "competitor:rival:volume"));
        assertThat(grouped(updates)).extracting(Alert::kind, a -> a.series().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.COMPETITOR_VOLUME, "query:q-rival:volume"));
    }

    @Test
    @DisplayName("grouping: a bad buzz after a volume spike in the same hour is delivered; another owner's spike is its own; a later bucket opens a new incident")
    void groupingDeliversWhatSaysMore() {
        ManualClock clock = new ManualClock(MONDAY);
        List<Alert> sunk = new ArrayList<>();
        Listening listening = Listening.builder(clock).sink(sunk::add).build();
        history(listening, clock);
        Instant hour = MONDAY.plus(Duration.ofHours(3 * 168 + 10));
        List<Listening.Update> updates = new ArrayList<>();
        // 20 neutral mentions of the brand and 30 of the competitor, then 12 negative ones, all in one hour.
        for (int i = 0; i < 30; i++) {
            clock.now = hour.plus(Duration.ofSeconds(60L * i));
            if (i < 20) {
                updates.add(listening.accept(mention("Le café ouvre à 9 heures", clock.now, 10), List.of(CAFE)));
            }
            updates.add(listening.accept(mention("Rival coffee lance un nouveau latte", clock.now, 5), List.of(RIVAL)));
        }
        for (int i = 0; i < 12; i++) {
            clock.now = hour.plus(Duration.ofMinutes(31 + i));
            updates.add(listening.accept(mention("Café Lumière, c'est une arnaque ! Honte à vous", clock.now, 10), List.of(CAFE)));
        }
        assertThat(sunk).isEqualTo(delivered(updates));
        assertThat(sunk).extracting(Alert::kind, a -> a.series().toString()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(AlertKind.VOLUME_SPIKE, "brand:cafe:volume"),
                org.assertj.core.groups.Tuple.tuple(AlertKind.COMPETITOR_VOLUME, "competitor:rival:volume"),
                org.assertj.core.groups.Tuple.tuple(AlertKind.BAD_BUZZ, "brand:cafe:negative"));
        assertThat(sunk.stream().filter(a -> a.kind() == AlertKind.BAD_BUZZ).findFirst().orElseThrow().raisedAt())
                .isAfter(sunk.stream().filter(a -> a.kind() == AlertKind.VOLUME_SPIKE).findFirst().orElseThrow().raisedAt());
        assertThat(grouped(updates)).extracting(a -> a.series().toString())
                .containsExactlyInAnyOrder("query:q-cafe:volume", "query:q-rival:volume", "query:q-cafe:negative");

        // Seven hours later, after the 6-hour cooldown: a new bucket, a new incident, heard again.
        Instant later = hour.plus(Duration.ofHours(7));
        int before = sunk.size();
        for (int i = 0; i < 12; i++) {
            clock.now = later.plus(Duration.ofMinutes(i));
            listening.accept(mention("Café Lumière, c'est une arnaque ! Honte à vous", clock.now, 10), List.of(CAFE));
        }
        assertThat(sunk.subList(before, sunk.size())).extracting(Alert::kind, a -> a.series().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.BAD_BUZZ, "brand:cafe:negative"));
    }

    @Test
    @DisplayName("snapshots without a post or without engagement counters change nothing; the first one of a post is the reference")
    void snapshotsThatCountNothing() {
        ManualClock clock = new ManualClock(MONDAY);
        Listening listening = Listening.builder(clock).build();
        Account rival = new Account(Platform.X, "rival");
        SeriesKey key = new SeriesKey(SeriesKey.Scope.COMPETITOR, "rival", SeriesKey.Measure.ENGAGEMENT);
        listening.acceptMetrics(new MetricSnapshot(rival, Optional.empty(), MONDAY, Map.of(Metric.LIKES, 5L)), "rival");
        listening.acceptMetrics(new MetricSnapshot(rival, Optional.of("p"), MONDAY, Map.of(Metric.FOLLOWERS, 5L)), "rival");
        assertThat(listening.openCount(key)).isEmpty();
        listening.acceptMetrics(new MetricSnapshot(rival, Optional.of("p"), MONDAY, Map.of(Metric.LIKES, 500L)), "rival");
        assertThat(listening.openCount(key)).contains(0L);
        listening.acceptMetrics(new MetricSnapshot(rival, Optional.of("p"), MONDAY, Map.of(Metric.LIKES, 520L)), "rival");
        listening.acceptMetrics(new MetricSnapshot(rival, Optional.of("p"), MONDAY, Map.of(Metric.LIKES, 510L)), "rival");
        assertThat(listening.openCount(key)).contains(20L);
        assertThatThrownBy(() -> listening.acceptMetrics(new MetricSnapshot(rival, Optional.of("p"), MONDAY, Map.of()), " "))
                .hasMessage("competitorBrandId must not be blank");
    }

    @Test
    @DisplayName("a sink that throws does not stop the others, and a mention from the future counts at the clock's time")
    void failingSinkAndFutureMention() {
        ManualClock clock = new ManualClock(MONDAY);
        List<Alert> delivered = new ArrayList<>();
        Listening listening = Listening.builder(clock)
                .spikes(SpikeConfig.defaults().withMinimumDays(1))
                .sink(alert -> {
                    throw new IllegalStateException("chat is down");
                })
                .sink(delivered::add)
                .build();
        for (int hour = 0; hour < 24; hour++) {
            clock.now = MONDAY.plus(Duration.ofHours(hour));
            listening.accept(mention("bonjour", clock.now, 1), List.of(CAFE));
        }
        clock.now = MONDAY.plus(Duration.ofHours(24));
        for (int i = 0; i < 12; i++) {
            listening.accept(mention("bonjour", clock.now.plus(Duration.ofDays(3)), 1), List.of(CAFE));
        }
        assertThat(delivered).extracting(a -> a.series().toString()).containsExactly("brand:cafe:volume");
        assertThat(delivered).allSatisfy(a -> assertThat(a.spike().bucketStart()).isEqualTo(clock.now));
        assertThat(listening.openCount(new SeriesKey(SeriesKey.Scope.BRAND, "cafe", SeriesKey.Measure.VOLUME))).contains(12L);
        clock.now = clock.now.plus(Duration.ofHours(5));
        listening.advance();
        assertThat(listening.openCount(new SeriesKey(SeriesKey.Scope.BRAND, "cafe", SeriesKey.Measure.VOLUME))).contains(0L);
    }

    @Test
    @DisplayName("matched queries need an id and a brand")
    void matchedQueryErrors() {
        assertThatThrownBy(() -> MatchedQuery.own(" ", "cafe", List.of())).hasMessage("MatchedQuery.queryId must not be blank");
        assertThatThrownBy(() -> MatchedQuery.own("q1", "", List.of())).hasMessage("MatchedQuery.brandId must not be blank (query q1)");
    }
}
