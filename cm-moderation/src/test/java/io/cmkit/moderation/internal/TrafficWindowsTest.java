package io.cmkit.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrafficWindowsTest {

    private static final Instant START = Instant.parse("2026-11-26T08:00:00Z");

    /** What the windows must answer: every arrival ever recorded, filtered at query time. */
    private record Arrival(String author, String text, Instant at) {
    }

    private static int referenceByAuthor(List<Arrival> all, String author, Duration window, Instant now) {
        Instant from = now.minus(window);
        int n = 0;
        for (Arrival a : all) {
            if (a.author.equals(author) && !a.at.isBefore(from) && !a.at.isAfter(now)) {
                n++;
            }
        }
        return n;
    }

    private static int referenceAuthorsOf(List<Arrival> all, String text, Duration window, Instant now) {
        Instant from = now.minus(window);
        Set<String> authors = new HashSet<>();
        for (Arrival a : all) {
            if (!a.text.isBlank() && a.text.equals(text) && !a.at.isBefore(from) && !a.at.isAfter(now)) {
                authors.add(a.author);
            }
        }
        return authors.size();
    }

    @Test
    @DisplayName("flooding counts and duplicate authors agree with counting every arrival, on a seeded stream with bursts and lulls")
    void agreesWithAReferenceOnASeededStream() {
        for (long seed = 1; seed <= 4; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Duration keep = Duration.ofSeconds(30 + random.nextInt(120));
            TrafficWindows windows = new TrafficWindows(keep);
            List<Arrival> all = new ArrayList<>();
            Instant now = START;
            int checked = 0;
            for (int i = 0; i < 6_000; i++) {
                // mostly a few hundred milliseconds apart, sometimes at the same instant, sometimes a long lull
                int gap = random.nextInt(50);
                now = now.plusNanos(gap == 0 ? 0 : gap == 1 ? keep.toNanos() * 2 : random.nextLong(1_000_000_000L));
                String author = "mastodon:u" + random.nextInt(40);
                String text = random.nextInt(10) == 0 ? "  " : "text " + random.nextInt(random.nextBoolean() ? 15 : 3_000);
                windows.record(author, text, now);
                all.add(new Arrival(author, text, now));
                Duration window = random.nextBoolean() ? keep
                        : Duration.ofMillis(random.nextLong(keep.toMillis() + 1));
                String askedAuthor = random.nextBoolean() ? author : "mastodon:u" + random.nextInt(45);
                assertThat(windows.byAuthor(askedAuthor, window, now))
                        .as("seed %d, arrival %d, author %s, window %s", seed, i, askedAuthor, window)
                        .isEqualTo(referenceByAuthor(all, askedAuthor, window, now));
                String askedText = random.nextBoolean() ? text : "text " + random.nextInt(20);
                if (!askedText.isBlank()) {
                    assertThat(windows.authorsOf(askedText, window, now))
                            .as("seed %d, arrival %d, text %s, window %s", seed, i, askedText, window)
                            .isEqualTo(referenceAuthorsOf(all, askedText, window, now));
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(4_000);
        }
    }

    @Test
    @DisplayName("a copy-paste wave: many authors, the same text, counted once each")
    void countsDistinctAuthorsOfAWave() {
        TrafficWindows windows = new TrafficWindows(Duration.ofMinutes(10));
        Instant now = START;
        for (int i = 0; i < 100; i++) {
            now = now.plusSeconds(1);
            windows.record("x:bot" + (i % 30), "gagnez un iphone ici", now);
        }
        assertThat(windows.authorsOf("gagnez un iphone ici", Duration.ofMinutes(10), now)).isEqualTo(30);
        assertThat(windows.authorsOf("gagnez un iphone ici", Duration.ofSeconds(4), now)).isEqualTo(5);
        assertThat(windows.byAuthor("x:bot7", Duration.ofMinutes(10), now)).isEqualTo(4); // 7, 37, 67, 97
        assertThat(windows.authorsOf("gagnez un ipad ici", Duration.ofMinutes(10), now)).isZero();
    }

    @Test
    @DisplayName("arrivals older than the longest window are forgotten, with their keys, when later ones come")
    void forgetsWhatNoWindowCanSee() {
        ArrivalLog log = new ArrivalLog(Duration.ofMinutes(1).toNanos());
        long t = TimeNanos.of(START);
        for (int i = 0; i < 1_000; i++) {
            log.record("text " + i, "a" + (i % 7), t + i * 1_000_000L); // one per millisecond: all within the minute
        }
        assertThat(log.keys()).isEqualTo(1_000);
        assertThat(log.arrivals()).isEqualTo(1_000);
        long later = t + 999_000_000L + Duration.ofMinutes(1).toNanos() + 1;
        log.record("text 5", "b", later);
        assertThat(log.keys()).isEqualTo(1);
        assertThat(log.arrivals()).isEqualTo(1);
        assertThat(log.count("text 5", Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(1);
        assertThat(log.distinctCompanions("text 5", Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(1);
        assertThat(log.count("text 6", Long.MIN_VALUE, Long.MAX_VALUE)).isZero();
        // exactly the window's length before the newest arrival is still seen (inclusive, as the windows are)
        ArrivalLog edge = new ArrivalLog(10);
        edge.record("k", null, 100);
        edge.record("k", null, 110);
        assertThat(edge.count("k", 100, 110)).isEqualTo(2);
        edge.record("k", null, 111);
        assertThat(edge.count("k", Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(2);
    }

    @Test
    @DisplayName("texts with the same hash code stay apart")
    void collidingHashesAreDifferentKeys() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        ArrivalLog log = new ArrivalLog(Long.MAX_VALUE);
        log.record("Aa", "x", 1);
        log.record("BB", "y", 2);
        log.record("BB", "z", 3);
        assertThat(log.count("Aa", 0, 10)).isEqualTo(1);
        assertThat(log.distinctCompanions("BB", 0, 10)).isEqualTo(2);
        assertThat(log.distinctCompanions("Aa", 0, 10)).isEqualTo(1);
        assertThat(log.keys()).isEqualTo(2);
    }

    @Test
    @DisplayName("instants beyond what nanoseconds can hold saturate instead of overflowing")
    void saturatesFarInstants() {
        assertThat(TimeNanos.of(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(TimeNanos.of(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
        assertThat(TimeNanos.of(Instant.ofEpochSecond(2, 5))).isEqualTo(2_000_000_005L);
        assertThat(TimeNanos.minus(Long.MIN_VALUE + 5, 10)).isEqualTo(Long.MIN_VALUE);
        TrafficWindows windows = new TrafficWindows(Duration.ofDays(365_000));
        windows.record("a", "t", START);
        assertThat(windows.byAuthor("a", Duration.ofDays(365_000), START)).isEqualTo(1);
        assertThatThrownBy(() -> new ArrivalLog(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keep must not be negative, was -1 ns");
    }
}
