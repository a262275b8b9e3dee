package io.cmkit.analytics.timing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.calendar.CalendarEntry;
import io.cmkit.core.calendar.EditorialCalendar;
import io.cmkit.core.calendar.SlotPlan;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Brand;
import io.cmkit.core.model.ContentPillar;
import io.cmkit.core.model.EditorialLine;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.model.Strategy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CalendarFeedTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    @DisplayName("the heatmap's slot plan drives the editorial calendar: a queued post takes the best hour")
    void heatmapFeedsTheCalendar() {
        Account instagram = new Account(Platform.INSTAGRAM, "cafe");
        Strategy strategy = new Strategy(new Brand("cafe", "Café", PARIS, Locale.FRENCH, List.of(instagram)), List.of(),
                List.of(), new EditorialLine("warm", List.of(Locale.FRENCH),
                List.of(new ContentPillar("coffee", 100, "")), List.of(), List.of(), List.of()));
        List<PostOutcome> history = new ArrayList<>();
        Instant monday = Instant.parse("2026-01-05T17:00:00Z");  // Monday 18:00 in Paris
        for (int w = 0; w < 6; w++) {
            history.add(new PostOutcome(Platform.INSTAGRAM, "a" + w, monday.plus(7L * w, ChronoUnit.DAYS), 70, 1_000));
            history.add(new PostOutcome(Platform.INSTAGRAM, "b" + w, monday.plus(7L * w + 2, ChronoUnit.DAYS)
                    .minus(8, ChronoUnit.HOURS), 20, 1_000));      // Wednesday 10:00, weaker
        }
        BestTime bestTime = new BestTime(PARIS);
        SlotPlan plan = bestTime.slotPlan(bestTime.heatmap(Platform.INSTAGRAM, history), 2);
        Clock clock = Clock.fixed(Instant.parse("2026-03-03T12:00:00Z"), ZoneOffset.UTC);   // a Tuesday
        EditorialCalendar calendar = EditorialCalendar.builder(strategy, clock).slotPlan(plan).build();
        assertThat(calendar.slotPlan(Platform.INSTAGRAM)).contains(plan);
        Post post = new Post("p1", "cafe", Optional.of("coffee"), Optional.empty(),
                List.of(PostVariant.text(Platform.INSTAGRAM, "Bonjour")));
        CalendarEntry first = calendar.enqueue(post, Platform.INSTAGRAM);
        assertThat(first.start()).isEqualTo(ZonedDateTime.of(2026, 3, 4, 10, 0, 0, 0, PARIS));  // Wednesday comes first
        CalendarEntry second = calendar.enqueue(new Post("p2", "cafe", Optional.of("coffee"), Optional.empty(),
                List.of(PostVariant.text(Platform.INSTAGRAM, "Bonsoir"))), Platform.INSTAGRAM);
        assertThat(second.start()).isEqualTo(ZonedDateTime.of(2026, 3, 9, 18, 0, 0, 0, PARIS));
    }
}
