package io.cmkit.core.calendar;

import static io.cmkit.core.calendar.CalendarFixtures.MONDAY_MARCH_2;
import static io.cmkit.core.calendar.CalendarFixtures.clockAt;
import static io.cmkit.core.calendar.CalendarFixtures.post;
import static io.cmkit.core.calendar.CalendarFixtures.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.Platform;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The pillar mix")
class PillarMixTest {

    private static final DateRange MARCH = DateRange.parse("2026-03");

    private final EditorialCalendar calendar = EditorialCalendar.of(strategy(), clockAt(MONDAY_MARCH_2));

    private void queue(String id, String pillar) {
        calendar.enqueue(post(id, "Texte " + id, pillar, Platform.MASTODON), Platform.MASTODON);
    }

    @Test
    @DisplayName("compares each pillar's planned share with its target, with the gap in percentage points")
    void gaps() {
        // Targets: "Du grain à la tasse" 40, "Recettes" 35, "Coulisses" 25.
        for (int i = 0; i < 5; i++) {
            queue("g" + i, "Du grain à la tasse");
        }
        for (int i = 0; i < 3; i++) {
            queue("r" + i, "recettes"); // case does not matter
        }
        for (int i = 0; i < 2; i++) {
            queue("c" + i, "Coulisses");
        }

        PillarMix mix = calendar.pillarMix(MARCH);

        assertThat(mix.total()).isEqualTo(10);
        assertThat(mix.pillars()).extracting(PillarShare::pillar)
                .containsExactly("Du grain à la tasse", "Recettes", "Coulisses");
        assertThat(mix.pillars()).extracting(PillarShare::planned).containsExactly(5, 3, 2);
        assertThat(mix.pillars()).extracting(PillarShare::plannedShare).containsExactly(50.0, 30.0, 20.0);
        assertThat(mix.pillars()).extracting(PillarShare::targetShare).containsExactly(40.0, 35.0, 25.0);
        assertThat(mix.pillars()).extracting(PillarShare::gapPoints).containsExactly(10.0, -5.0, -5.0);
        assertThat(mix.largestGap()).get().extracting(PillarShare::pillar).isEqualTo("Du grain à la tasse");
        assertThat(mix.withinTolerance(10)).isTrue();
        assertThat(mix.withinTolerance(5)).isFalse();
    }

    @Test
    @DisplayName("reports a pillar with no post at 0 %, its whole target missing")
    void emptyPillar() {
        queue("g", "Du grain à la tasse");
        queue("r", "Recettes");

        PillarShare coulisses = calendar.pillarMix(MARCH).pillar("coulisses").orElseThrow();

        assertThat(coulisses.planned()).isZero();
        assertThat(coulisses.plannedShare()).isZero();
        assertThat(coulisses.gapPoints()).isEqualTo(-25.0);
    }

    @Test
    @DisplayName("reports posts with no pillar and with a pillar the editorial line does not know, and counts them in the total")
    void unassigned() {
        queue("g", "Du grain à la tasse");
        queue("none", null);
        queue("promo1", "Promotions");
        queue("promo2", "Promotions");

        PillarMix mix = calendar.pillarMix(MARCH);

        assertThat(mix.total()).isEqualTo(4);
        assertThat(mix.withoutPillar()).extracting(e -> e.post().id()).containsExactly("none");
        assertThat(mix.withoutPillarShare()).isEqualTo(25.0);
        assertThat(mix.unknownPillars()).singleElement().satisfies(p -> {
            assertThat(p.pillar()).isEqualTo("Promotions");
            assertThat(p.planned()).isEqualTo(2);
            assertThat(p.plannedShare()).isEqualTo(50.0);
            assertThat(p.targetShare()).isZero();
            assertThat(p.gapPoints()).isEqualTo(50.0);
        });
        assertThat(mix.pillar("Du grain à la tasse").orElseThrow().plannedShare()).isEqualTo(25.0);
        assertThat(mix.withinTolerance(100)).isFalse();
    }

    @Test
    @DisplayName("counts only the period's days, and can look at one platform")
    void periodAndPlatform() {
        queue("g", "Du grain à la tasse");
        calendar.place(post("april", "Avril", "Recettes", Platform.MASTODON), Platform.MASTODON,
                java.time.Instant.parse("2026-04-02T08:00:00Z"));
        calendar.enqueue(post("b", "Bluesky", "Coulisses", Platform.BLUESKY), Platform.BLUESKY);

        assertThat(calendar.pillarMix(MARCH).total()).isEqualTo(2);
        PillarMix mastodon = calendar.pillarMix(MARCH, Platform.MASTODON);
        assertThat(mastodon.total()).isEqualTo(1);
        assertThat(mastodon.pillar("Du grain à la tasse").orElseThrow().plannedShare()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    @DisplayName("an empty period has no largest gap")
    void empty() {
        PillarMix mix = calendar.pillarMix(MARCH);

        assertThat(mix.total()).isZero();
        assertThat(mix.largestGap()).isEmpty();
        assertThat(mix.pillars()).extracting(PillarShare::gapPoints).containsExactly(-40.0, -35.0, -25.0);
    }
}
