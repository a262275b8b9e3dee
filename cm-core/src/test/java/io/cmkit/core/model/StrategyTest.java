package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static io.cmkit.core.model.Samples.audience;
import static io.cmkit.core.model.Samples.brand;
import static io.cmkit.core.model.Samples.cadence;
import static io.cmkit.core.model.Samples.editorialLine;
import static io.cmkit.core.model.Samples.followersOn;
import static io.cmkit.core.model.Samples.objective;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Strategy")
class StrategyTest {

    private static final EditorialLine LINE = editorialLine(List.of(cadence(Platform.MASTODON), cadence(Platform.BLUESKY)));

    @Test
    @DisplayName("ties the brand to its objectives, audiences and editorial line")
    void accessors() {
        Objective awareness = objective("awareness", followersOn(Platform.MASTODON));
        Strategy strategy = new Strategy(brand(), List.of(awareness), List.of(audience("Lyon students")), LINE);

        assertThat(strategy.brand()).isEqualTo(brand());
        assertThat(strategy.objectives()).containsExactly(awareness);
        assertThat(strategy.audiences()).extracting(Audience::name).containsExactly("Lyon students");
        assertThat(strategy.editorialLine()).isEqualTo(LINE);
        assertThat(strategy.objective("awareness")).contains(awareness);
        assertThat(strategy.objective("sales")).isEmpty();
    }

    @Test
    @DisplayName("a strategy may start without objectives or audiences")
    void sparse() {
        assertThat(new Strategy(brand(), List.of(), List.of(), LINE).objectives()).isEmpty();
    }

    @Test
    @DisplayName("keeps its own copies of the lists")
    void defensiveCopy() {
        List<Objective> objectives = new ArrayList<>(List.of(objective("awareness", followersOn(Platform.BLUESKY))));
        List<Audience> audiences = new ArrayList<>(List.of(audience("Lyon students")));
        Strategy strategy = new Strategy(brand(), objectives, audiences, LINE);

        objectives.clear();
        audiences.clear();

        assertThat(strategy.objectives()).hasSize(1);
        assertThat(strategy.audiences()).hasSize(1);
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a missing brand or editorial line")
        void missing() {
            assertRejected(() -> new Strategy(null, List.of(), List.of(), LINE), "Strategy", "brand",
                    "Strategy.brand is required");
            assertRejected(() -> new Strategy(brand(), List.of(), List.of(), null), "Strategy", "editorialLine",
                    "Strategy.editorialLine is required");
        }

        @Test
        @DisplayName("two objectives with the same id")
        void duplicateObjective() {
            assertRejected(() -> new Strategy(brand(), List.of(objective("awareness", followersOn(Platform.MASTODON)),
                            objective("awareness", followersOn(Platform.BLUESKY))), List.of(), LINE),
                    "Strategy", "objectives[1]", "Strategy.objectives[1] duplicates objective id 'awareness'");
        }

        @Test
        @DisplayName("two audiences with the same name, ignoring case")
        void duplicateAudience() {
            assertRejected(() -> new Strategy(brand(), List.of(),
                            List.of(audience("Lyon students"), audience("Lyon Students")), LINE),
                    "Strategy", "audiences[1]", "Strategy.audiences[1] duplicates audience 'lyon students'");
        }

        @Test
        @DisplayName("a cadence for a platform the brand has no account on")
        void cadenceWithoutAccount() {
            EditorialLine line = editorialLine(List.of(cadence(Platform.MASTODON), cadence(Platform.X)));

            assertRejected(() -> new Strategy(brand(), List.of(), List.of(), line), "Strategy",
                    "editorialLine.cadences[1]",
                    "Strategy.editorialLine.cadences[1] is for X but brand 'cafe-lumiere' has no account there");
        }

        @Test
        @DisplayName("a KPI target on a platform the brand has no account on, pointing at the target")
        void targetWithoutAccount() {
            Objective objective = objective("awareness", followersOn(Platform.MASTODON), followersOn(Platform.INSTAGRAM));

            assertRejected(() -> new Strategy(brand(), List.of(objective("engagement", followersOn(Platform.BLUESKY)),
                            objective), List.of(), LINE), "Strategy", "objectives[1].targets[1].platform",
                    "Strategy.objectives[1].targets[1].platform is Instagram but brand 'cafe-lumiere' has no account there");
        }
    }
}
