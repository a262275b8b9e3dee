package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Platform")
class PlatformTest {

    @Nested
    @DisplayName("naming a platform")
    class Naming {

        @Test
        @DisplayName("Platform.of reads well-known names case-insensitively and returns the constant")
        void wellKnownNames() {
            assertThat(Platform.of("Mastodon")).isSameAs(Platform.MASTODON);
            assertThat(Platform.of("  BLUESKY ")).isSameAs(Platform.BLUESKY);
            assertThat(Platform.of("linkedin")).isSameAs(Platform.LINKEDIN);
        }

        @Test
        @DisplayName("Twitter is X, however it is written")
        void twitterIsX() {
            assertThat(Platform.of("Twitter")).isSameAs(Platform.X);
            assertThat(Platform.of("twitter")).isSameAs(Platform.X);
            assertThat(Platform.of("X")).isSameAs(Platform.X);
        }

        @Test
        @DisplayName("any other name is an open value a host can bring a connector for")
        void otherPlatforms() {
            Platform pixelfed = Platform.of("Pixelfed");

            assertThat(pixelfed.id()).isEqualTo("pixelfed");
            assertThat(pixelfed).isEqualTo(new Platform("pixelfed"));
            assertThat(pixelfed.isWellKnown()).isFalse();
            assertThat(Platform.MASTODON.isWellKnown()).isTrue();
        }

        @Test
        @DisplayName("the well-known platforms come in a stable order")
        void wellKnownOrder() {
            assertThat(Platform.wellKnown()).containsExactly(Platform.MASTODON, Platform.BLUESKY, Platform.X,
                    Platform.FACEBOOK, Platform.INSTAGRAM, Platform.LINKEDIN, Platform.YOUTUBE, Platform.THREADS,
                    Platform.TIKTOK);
        }
    }

    @Nested
    @DisplayName("showing a platform")
    class Showing {

        @Test
        @DisplayName("display names follow each brand's own spelling")
        void displayNames() {
            assertThat(Platform.X.displayName()).isEqualTo("X");
            assertThat(Platform.LINKEDIN.displayName()).isEqualTo("LinkedIn");
            assertThat(Platform.YOUTUBE.displayName()).isEqualTo("YouTube");
            assertThat(Platform.TIKTOK.displayName()).isEqualTo("TikTok");
            assertThat(Platform.MASTODON.displayName()).isEqualTo("Mastodon");
            assertThat(Platform.of("pixelfed").displayName()).isEqualTo("Pixelfed");
        }

        @Test
        @DisplayName("toString is the id, and platforms sort by id")
        void toStringAndOrder() {
            assertThat(Platform.BLUESKY).hasToString("bluesky");
            assertThat(Platform.BLUESKY).isLessThan(Platform.MASTODON);
        }
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("an id that is not lower-case letters, digits, '-' or '_'")
        void badId() {
            assertRejected(() -> new Platform("Mastodon"), "Platform", "id",
                    "Platform.id must be lower-case letters, digits, '-' or '_' (at most 40), got 'Mastodon'");
            assertRejected(() -> Platform.of("my platform"), "Platform", "id",
                    "Platform.id must be lower-case letters, digits, '-' or '_' (at most 40), got 'my platform'");
        }

        @Test
        @DisplayName("an id longer than 40 characters")
        void tooLong() {
            String id = "p".repeat(41);
            assertRejected(() -> new Platform(id), "Platform", "id",
                    "Platform.id must be lower-case letters, digits, '-' or '_' (at most 40), got '" + id + "'");
        }

        @Test
        @DisplayName("a missing or blank id")
        void missing() {
            assertRejected(() -> new Platform(null), "Platform", "id", "Platform.id is required");
            assertRejected(() -> Platform.of("  "), "Platform", "id", "Platform.id must not be blank");
        }
    }
}
