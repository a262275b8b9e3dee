package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static io.cmkit.core.model.Samples.Q1;
import static io.cmkit.core.model.Samples.followersOn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Objective")
class ObjectiveTest {

    @Test
    @DisplayName("keeps its id, title and targets")
    void accessors() {
        KpiTarget reach = KpiTarget.atLeast(Metric.REACH, 100_000, Q1);
        Objective objective = new Objective(" awareness ", " Grow awareness in Lyon ", List.of(reach));

        assertThat(objective.id()).isEqualTo("awareness");
        assertThat(objective.title()).isEqualTo("Grow awareness in Lyon");
        assertThat(objective.targets()).containsExactly(reach);
    }

    @Test
    @DisplayName("the same metric may have targets on different platforms or periods")
    void sameMetricElsewhere() {
        Objective objective = new Objective("awareness", "Awareness", List.of(followersOn(Platform.MASTODON),
                followersOn(Platform.BLUESKY), KpiTarget.atLeast(Metric.FOLLOWERS, 9_000, DateRange.parse("2026-Q2"))));

        assertThat(objective.targets()).hasSize(3);
    }

    @Test
    @DisplayName("keeps its own copy of the targets")
    void defensiveCopy() {
        List<KpiTarget> targets = new ArrayList<>(List.of(followersOn(Platform.MASTODON)));
        Objective objective = new Objective("awareness", "Awareness", targets);

        targets.clear();

        assertThat(objective.targets()).hasSize(1);
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a blank id or title")
        void blank() {
            assertRejected(() -> new Objective(" ", "Awareness", List.of(followersOn(Platform.X))), "Objective", "id",
                    "Objective.id must not be blank");
            assertRejected(() -> new Objective("awareness", "", List.of(followersOn(Platform.X))), "Objective", "title",
                    "Objective.title must not be blank");
        }

        @Test
        @DisplayName("an objective without any target, since it could not be reported on")
        void noTarget() {
            assertRejected(() -> new Objective("awareness", "Awareness", List.of()), "Objective", "targets",
                    "Objective.targets must not be empty");
            assertRejected(() -> new Objective("awareness", "Awareness", null), "Objective", "targets",
                    "Objective.targets is required");
        }

        @Test
        @DisplayName("two targets for the same metric, platform and period")
        void duplicateTarget() {
            assertRejected(() -> new Objective("awareness", "Awareness",
                            List.of(followersOn(Platform.MASTODON), followersOn(Platform.MASTODON))),
                    "Objective", "targets[1]",
                    "Objective.targets[1] duplicates target 'followers@mastodon over 2026-01-01..2026-03-31'");
        }
    }
}
