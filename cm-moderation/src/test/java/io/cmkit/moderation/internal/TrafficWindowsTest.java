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
    private static final String WAVE = "gagnez un iphone ici";

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
                windows.record(author, text, TrafficWindows.hash(text), now);
                all.add(new Arrival(author, text, now));
                Duration window = random.nextBoolean() ? keep
                        : Duration.ofMillis(random.nextLong(keep.toMillis() + 1));
                String askedAuthor = random.nextBoolean() ? author : "mastodon:u" + random.nextInt(45);
                assertThat(windows.byAuthor(askedAuthor, window, now))
                        .as("seed %d, arrival %d, author %s, window %s", seed, i, askedAuthor, window)
                        .isEqualTo(referenceByAuthor(all, askedAuthor, window, now));
                String askedText = random.nextBoolean() ? text : "text " + random.nextInt(20);
                if (!askedText.isBlank()) {
                    assertThat(windows.authorsOf(askedText, TrafficWindows.hash(askedText), window, now))
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
            windows.record("x:bot" + (i % 30), WAVE, TrafficWindows.hash(WAVE), now);
        }
        assertThat(windows.authorsOf(WAVE, TrafficWindows.hash(WAVE), Duration.ofMinutes(10), now)).isEqualTo(30);
        assertThat(windows.authorsOf(WAVE, TrafficWindows.hash(WAVE), Duration.ofSeconds(4), now)).isEqualTo(5);
        assertThat(windows.byAuthor("x:bot7", Duration.ofMinutes(10), now)).isEqualTo(4); // 7, 37, 67, 97
        assertThat(windows.authorsOf("gagnez un ipad ici", TrafficWindows.hash("gagnez un ipad ici"), Duration.ofMinutes(10), now)).isZero();
    }

    @Test
    @DisplayName("arrivals older than the longest window are forgotten, with their keys, when later ones come")
    void forgetsWhatNoWindowCanSee() {
        ArrivalLog log = new ArrivalLog(Duration.ofMinutes(1).toNanos());
        long t = TimeNanos.of(START);
        for (int i = 0; i < 1_000; i++) {
            log.record("text " + i, TrafficWindows.hash("text " + i), "a" + (i % 7), t + i * 1_000_000L); // one per millisecond: all within the minute
        }
        assertThat(log.keys()).isEqualTo(1_000);
        assertThat(log.arrivals()).isEqualTo(1_000);
        long later = t + 999_000_000L + Duration.ofMinutes(1).toNanos() + 1;
        log.record("text 5", TrafficWindows.hash("text 5"), "b", later);
        assertThat(log.keys()).isEqualTo(1);
        assertThat(log.arrivals()).isEqualTo(1);
        assertThat(log.count("text 5", TrafficWindows.hash("text 5"), Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(1);
        assertThat(log.distinctCompanions("text 5", TrafficWindows.hash("text 5"), Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(1);
        assertThat(log.count("text 6", TrafficWindows.hash("text 6"), Long.MIN_VALUE, Long.MAX_VALUE)).isZero();
        // a stream of new texts, ten live at a time, does not grow the table: stale keys are dropped when it would
        ArrivalLog stream = new ArrivalLog(9);
        for (int i = 0; i < 100_000; i++) {
            stream.record("new text " + i, TrafficWindows.hash("new text " + i), "a", i);
        }
        assertThat(stream.keys()).isEqualTo(10);
        assertThat(stream.arrivals()).isEqualTo(10);
        assertThat(stream.capacity()).isLessThanOrEqualTo(64);
        assertThat(stream.count("new text 99990", TrafficWindows.hash("new text 99990"), 0, 100_000)).isEqualTo(1);
        assertThat(stream.count("new text 99989", TrafficWindows.hash("new text 99989"), 0, 100_000)).isZero();
        // exactly the window's length before the newest arrival is still seen (inclusive, as the windows are)
        ArrivalLog edge = new ArrivalLog(10);
        edge.record("k", 7, null, 100);
        edge.record("k", 7, null, 110);
        assertThat(edge.count("k", 7, 100, 110)).isEqualTo(2);
        edge.record("k", 7, null, 111);
        assertThat(edge.count("k", 7, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(2);
    }

    @Test
    @DisplayName("texts with the same hash stay apart: keys are confirmed with equals")
    void collidingHashesAreDifferentKeys() {
        ArrivalLog log = new ArrivalLog(10);
        long same = 42;
        log.record("Aa", same, "x", 1);
        log.record("BB", same, "y", 2);
        log.record("BB", same, "z", 3);
        assertThat(log.count("Aa", same, 0, 10)).isEqualTo(1);
        assertThat(log.distinctCompanions("BB", same, 0, 10)).isEqualTo(2);
        assertThat(log.distinctCompanions("Aa", same, 0, 10)).isEqualTo(1);
        assertThat(log.keys()).isEqualTo(2);
        for (int i = 0; i < 100; i++) {
            log.record("k" + i, same, "x", 4); // one long probe chain, removals included below
        }
        log.record("Aa", same, "w", Long.MAX_VALUE);
        assertThat(log.keys()).isEqualTo(1);
        assertThat(log.distinctCompanions("Aa", same, 0, Long.MAX_VALUE)).isEqualTo(1);
        assertThat(TrafficWindows.hash("Aa")).isNotEqualTo(TrafficWindows.hash("BB")); // unlike String.hashCode
    }

    @Test
    @DisplayName("with a hash of four values for every key, counts still agree with the reference while keys come and go")
    void agreesWithAReferenceUnderHeavyCollisions() {
        SplittableRandom random = new SplittableRandom(9);
        ArrivalLog log = new ArrivalLog(50);
        List<long[]> all = new ArrayList<>(); // {key number, time}
        long now = 0;
        for (int i = 0; i < 20_000; i++) {
            now += random.nextInt(3);
            int key = random.nextInt(200);
            log.record("k" + key, (key & 3) * 0x1_0000_0000L, null, now);
            all.add(new long[] {key, now});
            int asked = random.nextInt(200);
            long from = now - random.nextInt(51);
            int expected = 0;
            for (long[] a : all) {
                expected += a[0] == asked && a[1] >= from && a[1] <= now ? 1 : 0;
            }
            assertThat(log.count("k" + asked, (asked & 3) * 0x1_0000_0000L, from, now)).as("arrival %d", i).isEqualTo(expected);
            if (all.size() > 400) {
                all.subList(0, 100).clear(); // older than any window asked
            }
        }
        assertThat(log.keys()).isLessThanOrEqualTo(200);
    }

    @Test
    @DisplayName("instants beyond what nanoseconds can hold saturate instead of overflowing")
    void saturatesFarInstants() {
        assertThat(TimeNanos.of(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(TimeNanos.of(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
        assertThat(TimeNanos.of(Instant.ofEpochSecond(2, 5))).isEqualTo(2_000_000_005L);
        assertThat(TimeNanos.minus(Long.MIN_VALUE + 5, 10)).isEqualTo(Long.MIN_VALUE);
        TrafficWindows windows = new TrafficWindows(Duration.ofDays(365_000));
        windows.record("a", "t", TrafficWindows.hash("t"), START);
        assertThat(windows.byAuthor("a", Duration.ofDays(365_000), START)).isEqualTo(1);
        assertThatThrownBy(() -> new ArrivalLog(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keep must not be negative, was -1 ns");
    }
}
