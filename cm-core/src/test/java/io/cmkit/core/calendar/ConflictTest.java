package io.cmkit.core.calendar;

import static io.cmkit.core.calendar.CalendarFixtures.BLUESKY;
import static io.cmkit.core.calendar.CalendarFixtures.MASTODON;
import static io.cmkit.core.calendar.CalendarFixtures.MASTODON_SUPPORT;
import static io.cmkit.core.calendar.CalendarFixtures.MONDAY_MARCH_2;
import static io.cmkit.core.calendar.CalendarFixtures.clockAt;
import static io.cmkit.core.calendar.CalendarFixtures.post;
import static io.cmkit.core.calendar.CalendarFixtures.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.Platform;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Conflicts")
class ConflictTest {

    private final EditorialCalendar calendar = EditorialCalendar.of(strategy(), clockAt(MONDAY_MARCH_2));

    @Nested
    @DisplayName("too close together")
    class TooClose {

        @Test
        @DisplayName("two posts on one account less than an hour apart, by default, name the entries, account, times and rule")
        void byDefault() {
            calendar.place(post("a"), MASTODON, Instant.parse("2026-03-02T09:00:00Z"));
            calendar.place(post("b"), MASTODON, Instant.parse("2026-03-02T09:40:00Z"));

            assertThat(calendar.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.rule()).isEqualTo(Conflict.Rule.TOO_CLOSE);
                assertThat(c.account()).isEqualTo(MASTODON);
                assertThat(c.first().post().id()).isEqualTo("a");
                assertThat(c.second().post().id()).isEqualTo("b");
                assertThat(c.apart()).isEqualTo(Duration.ofMinutes(40));
                assertThat(c.limit()).isEqualTo(EditorialCalendar.DEFAULT_MINIMUM_GAP);
                assertThat(c.message()).isEqualTo("too close on mastodon:cafelumiere@piaille.fr:"
                        + " 'a/mastodon:cafelumiere@piaille.fr' at 2026-03-02 10:00 +01:00 and"
                        + " 'b/mastodon:cafelumiere@piaille.fr' at 2026-03-02 10:40 +01:00 are 40 min apart;"
                        + " the minimum gap on Mastodon is 1 h");
            });
        }

        @Test
        @DisplayName("exactly the minimum gap apart is fine, and other accounts do not count")
        void boundaryAndAccounts() {
            calendar.place(post("a"), MASTODON, Instant.parse("2026-03-02T09:00:00Z"));
            calendar.place(post("b"), MASTODON, Instant.parse("2026-03-02T10:00:00Z"));
            calendar.place(post("c"), MASTODON_SUPPORT, Instant.parse("2026-03-02T09:10:00Z"));
            calendar.place(post("d"), BLUESKY, Instant.parse("2026-03-02T09:05:00Z"));

            assertThat(calendar.conflicts()).isEmpty();
        }

        @Test
        @DisplayName("the minimum gap is configurable, for all platforms and per platform")
        void configurable() {
            EditorialCalendar strict = EditorialCalendar.builder(strategy(), clockAt(MONDAY_MARCH_2))
                    .minimumGap(Duration.ofHours(3))
                    .minimumGap(Platform.BLUESKY, Duration.ofMinutes(15))
                    .build();
            strict.place(post("a"), MASTODON, Instant.parse("2026-03-02T09:00:00Z"));
            strict.place(post("b"), MASTODON, Instant.parse("2026-03-02T11:00:00Z"));
            strict.place(post("c"), BLUESKY, Instant.parse("2026-03-02T09:00:00Z"));
            strict.place(post("d"), BLUESKY, Instant.parse("2026-03-02T09:20:00Z"));

            assertThat(strict.minimumGap(Platform.X)).isEqualTo(Duration.ofHours(3));
            assertThat(strict.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.account()).isEqualTo(MASTODON);
                assertThat(c.message()).endsWith("are 2 h apart; the minimum gap on Mastodon is 3 h");
            });
        }

        @Test
        @DisplayName("a cluster of three gives one conflict per neighbouring pair")
        void cluster() {
            calendar.place(post("a"), MASTODON, Instant.parse("2026-03-02T09:00:00Z"));
            calendar.place(post("b"), MASTODON, Instant.parse("2026-03-02T09:20:00Z"));
            calendar.place(post("c"), MASTODON, Instant.parse("2026-03-02T09:40:00Z"));

            assertThat(calendar.conflicts()).extracting(c -> c.first().post().id() + "-" + c.second().post().id())
                    .containsExactly("a-b", "b-c");
        }
    }

    @Nested
    @DisplayName("the same content twice")
    class Duplicates {

        @Test
        @DisplayName("the same text after ignoring case, spacing and URLs, on one account within a week")
        void nearSame() {
            calendar.place(post("a", "Nouvelle récolte d'Éthiopie ! https://cafe-lumiere.fr/ethiopie?utm=masto", null),
                    MASTODON, Instant.parse("2026-03-02T09:00:00Z"));
            calendar.place(post("b", "  nouvelle RÉCOLTE d'Éthiopie !\n\nhttps://cafe-lumiere.fr/e?utm=2 ", null),
                    MASTODON, Instant.parse("2026-03-05T17:00:00Z"));

            assertThat(calendar.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.rule()).isEqualTo(Conflict.Rule.DUPLICATE_CONTENT);
                assertThat(c.account()).isEqualTo(MASTODON);
                assertThat(c.first().post().id()).isEqualTo("a");
                assertThat(c.second().post().id()).isEqualTo("b");
                assertThat(c.apart()).isEqualTo(Duration.ofDays(3).plusHours(8));
                assertThat(c.limit()).isEqualTo(Duration.ofDays(7));
                assertThat(c.message()).isEqualTo("duplicate content on mastodon:cafelumiere@piaille.fr:"
                        + " 'a/mastodon:cafelumiere@piaille.fr' at 2026-03-02 10:00 +01:00 and"
                        + " 'b/mastodon:cafelumiere@piaille.fr' at 2026-03-05 18:00 +01:00 have the same text"
                        + " once case, spaces and URLs are ignored, 3 d 8 h apart (window 7 d)");
            });
        }

        @Test
        @DisplayName("different texts, another account, or outside the window are not duplicates")
        void notDuplicates() {
            calendar.place(post("a", "Bonjour Lyon", null), MASTODON, Instant.parse("2026-03-02T09:00:00Z"));
            calendar.place(post("b", "Bonsoir Lyon", null), MASTODON, Instant.parse("2026-03-03T09:00:00Z"));
            calendar.place(post("c", "Bonjour Lyon", null), BLUESKY, Instant.parse("2026-03-03T09:00:00Z"));
            calendar.place(post("d", "Bonjour Lyon", null), MASTODON, Instant.parse("2026-03-09T09:00:01Z"));

            assertThat(calendar.conflicts()).isEmpty();
        }

        @Test
        @DisplayName("the window is configurable, and the check can be limited to a period's entries")
        void window() {
            EditorialCalendar wide = EditorialCalendar.builder(strategy(), clockAt(MONDAY_MARCH_2))
                    .duplicateWindow(Duration.ofDays(30)).build();
            wide.place(post("a", "Bonjour Lyon", null), MASTODON, Instant.parse("2026-03-02T09:00:00Z"));
            wide.place(post("b", "Bonjour Lyon", null), MASTODON, Instant.parse("2026-03-20T09:00:00Z"));

            assertThat(wide.conflicts()).extracting(Conflict::rule).containsExactly(Conflict.Rule.DUPLICATE_CONTENT);
            assertThat(wide.conflicts(DateRange.parse("2026-03-15..2026-03-31"))).hasSize(1);
            assertThat(wide.conflicts(DateRange.parse("2026-04"))).isEmpty();
        }
    }
}
