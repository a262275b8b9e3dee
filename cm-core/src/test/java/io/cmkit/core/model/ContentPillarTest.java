package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ContentPillar")
class ContentPillarTest {

    @Test
    @DisplayName("keeps its name, share and description, stripped")
    void accessors() {
        ContentPillar pillar = new ContentPillar(" behind the scenes ", 40, " Roasting, baking, the team. ");

        assertThat(pillar.name()).isEqualTo("behind the scenes");
        assertThat(pillar.targetShare()).isEqualTo(40);
        assertThat(pillar.description()).isEqualTo("Roasting, baking, the team.");
    }

    @Test
    @DisplayName("a pillar may take the whole mix")
    void wholeMix() {
        assertThat(new ContentPillar("everything", 100, "").targetShare()).isEqualTo(100);
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a blank name")
        void blankName() {
            assertRejected(() -> new ContentPillar(" ", 10, ""), "ContentPillar", "name",
                    "ContentPillar.name must not be blank");
        }

        @Test
        @DisplayName("a share of 0 or less, over 100, or not a number")
        void badShare() {
            assertRejected(() -> new ContentPillar("a", 0, ""), "ContentPillar", "targetShare",
                    "ContentPillar.targetShare must be a percentage above 0 and at most 100 (got 0.0)");
            assertRejected(() -> new ContentPillar("a", -5, ""), "ContentPillar", "targetShare",
                    "ContentPillar.targetShare must be a percentage above 0 and at most 100 (got -5.0)");
            assertRejected(() -> new ContentPillar("a", 100.5, ""), "ContentPillar", "targetShare",
                    "ContentPillar.targetShare must be a percentage above 0 and at most 100 (got 100.5)");
            assertRejected(() -> new ContentPillar("a", Double.NaN, ""), "ContentPillar", "targetShare",
                    "ContentPillar.targetShare must be a percentage above 0 and at most 100 (got NaN)");
        }

        @Test
        @DisplayName("a missing description")
        void missingDescription() {
            assertRejected(() -> new ContentPillar("a", 10, null), "ContentPillar", "description",
                    "ContentPillar.description is required");
        }
    }
}
