package io.cmkit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.MediaAsset;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("PlatformLimits")
class PlatformLimitsTest {

    private static MediaAsset image(long bytes) {
        return new MediaAsset(MediaAsset.Kind.IMAGE, URI.create("file:///media/latte.jpg"), "image/jpeg", bytes,
                Optional.empty());
    }

    private static MediaAsset video(long bytes) {
        return new MediaAsset(MediaAsset.Kind.VIDEO, URI.create("file:///media/roast.mp4"), "video/mp4", bytes,
                Optional.empty());
    }

    private static MediaAsset gif(long bytes) {
        return new MediaAsset(MediaAsset.Kind.GIF, URI.create("file:///media/steam.gif"), "image/gif", bytes,
                Optional.empty());
    }

    private static List<String> violations(Platform platform, String text, MediaAsset... media) {
        return PlatformLimits.defaultsFor(platform).check(new PostVariant(platform, text, List.of(media))).stream()
                .map(LimitViolation::message).toList();
    }

    private static String hashtags(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "#cafe" + i).collect(Collectors.joining(" "));
    }

    @Nested
    @DisplayName("published defaults")
    class Defaults {

        @Test
        @DisplayName("Bluesky: 300 graphemes, 4 images of 2,000,000 bytes, a video of 300,000,000 bytes")
        void bluesky() {
            PlatformLimits limits = PlatformLimits.defaultsFor(Platform.BLUESKY);

            assertThat(limits.maxTextLength()).isEqualTo(300);
            assertThat(limits.counting()).isSameAs(TextCounting.graphemes());
            assertThat(limits.maxMedia()).isEqualTo(4);
            assertThat(limits.maxImageBytes()).isEqualTo(2_000_000L);
            assertThat(limits.maxVideoBytes()).isEqualTo(300_000_000L);
        }

        @Test
        @DisplayName("Mastodon: 500 characters, links as 23")
        void mastodon() {
            PlatformLimits limits = PlatformLimits.defaultsFor(Platform.MASTODON);

            assertThat(limits.maxTextLength()).isEqualTo(500);
            assertThat(limits.counting().description()).isEqualTo("characters (URLs count 23)");
            assertThat(limits.maxMedia()).isEqualTo(4);
        }

        @Test
        @DisplayName("X: 280 weighted characters")
        void x() {
            PlatformLimits limits = PlatformLimits.defaultsFor(Platform.X);

            assertThat(limits.maxTextLength()).isEqualTo(280);
            assertThat(limits.counting()).isSameAs(TextCounting.xWeighted());
        }

        @Test
        @DisplayName("Instagram: 2,200 characters and at most 30 hashtags")
        void instagram() {
            PlatformLimits limits = PlatformLimits.defaultsFor(Platform.INSTAGRAM);

            assertThat(limits.maxTextLength()).isEqualTo(2_200);
            assertThat(limits.maxHashtags()).isEqualTo(30);
        }

        @Test
        @DisplayName("YouTube takes videos only, TikTok takes no GIF")
        void mediaKinds() {
            assertThat(PlatformLimits.defaultsFor(Platform.YOUTUBE).mediaKinds()).containsExactly(MediaAsset.Kind.VIDEO);
            assertThat(PlatformLimits.defaultsFor(Platform.TIKTOK).mediaKinds())
                    .containsExactlyInAnyOrder(MediaAsset.Kind.IMAGE, MediaAsset.Kind.VIDEO);
        }

        @Test
        @DisplayName("every well-known platform has its own, and any other gets a conservative 500 code points and 4 media")
        void others() {
            for (Platform platform : Platform.wellKnown()) {
                assertThat(PlatformLimits.defaultsFor(platform).platform()).isEqualTo(platform);
            }
            PlatformLimits pixelfed = PlatformLimits.defaultsFor(Platform.of("pixelfed"));
            assertThat(pixelfed.maxTextLength()).isEqualTo(500);
            assertThat(pixelfed.counting()).isSameAs(TextCounting.codePoints());
            assertThat(pixelfed.maxMedia()).isEqualTo(4);
        }
    }

    @Nested
    @DisplayName("checking a variant")
    class Checking {

        @Test
        @DisplayName("a variant that fits breaks nothing")
        void fits() {
            assertThat(violations(Platform.BLUESKY, "Le latte à la lavande est là 💜", image(1_500_000))).isEmpty();
        }

        @Test
        @DisplayName("more media than the platform takes")
        void mediaCount() {
            assertThat(violations(Platform.BLUESKY, "", image(1), image(2), image(3), image(4), image(5)))
                    .containsExactly("Bluesky: media count is 5 media, limit 4 (1 over)");
            assertThat(violations(Platform.BLUESKY, "", image(1), image(2), image(3), image(4))).isEmpty();
        }

        @Test
        @DisplayName("an image over 2,000,000 bytes on Bluesky, naming the image")
        void imageSize() {
            assertThat(violations(Platform.BLUESKY, "", image(2_000_000))).isEmpty();
            assertThat(violations(Platform.BLUESKY, "", image(1_000), image(2_000_001)))
                    .containsExactly("Bluesky: media[1] image size is 2000001 bytes, limit 2000000 (1 over)");
        }

        @Test
        @DisplayName("a video over the platform's size")
        void videoSize() {
            assertThat(violations(Platform.BLUESKY, "", video(300_000_001L)))
                    .containsExactly("Bluesky: media[0] video size is 300000001 bytes, limit 300000000 (1 over)");
        }

        @Test
        @DisplayName("a GIF is held to the image size")
        void gifSize() {
            assertThat(violations(Platform.BLUESKY, "", gif(2_000_001)))
                    .containsExactly("Bluesky: media[0] image size is 2000001 bytes, limit 2000000 (1 over)");
        }

        @Test
        @DisplayName("more than 30 hashtags on Instagram")
        void hashtagCount() {
            assertThat(violations(Platform.INSTAGRAM, hashtags(30), image(1))).isEmpty();
            assertThat(violations(Platform.INSTAGRAM, hashtags(31), image(1)))
                    .containsExactly("Instagram: hashtag count is 31 hashtags, limit 30 (1 over)");
        }

        @Test
        @DisplayName("what is not a hashtag is not counted: all digits, C#, a link's fragment")
        void notHashtags() {
            String text = hashtags(30) + " #2026 C# https://cafe-lumiere.fr/carte#desserts ＃lyon";

            assertThat(violations(Platform.INSTAGRAM, text, image(1)))
                    .containsExactly("Instagram: hashtag count is 31 hashtags, limit 30 (1 over)");
        }

        @Test
        @DisplayName("a video on a platform that takes no video, naming the video")
        void videoNotTaken() {
            PlatformLimits photosOnly = new PlatformLimits(Platform.of("pixelfed"), 500, TextCounting.codePoints(), 4,
                    15_000_000, 0, Integer.MAX_VALUE, EnumSet.of(MediaAsset.Kind.IMAGE));

            List<LimitViolation> found = photosOnly.check(new PostVariant(Platform.of("pixelfed"), "",
                    List.of(image(1), video(1_000))));

            assertThat(found).singleElement().satisfies(v -> {
                assertThat(v.limit()).isEqualTo("video count");
                assertThat(v.subject()).isEqualTo("media[1]");
                assertThat(v.allowed()).isZero();
                assertThat(v.actual()).isEqualTo(1);
                assertThat(v.message()).isEqualTo("Pixelfed: media[1] video count is 1 media of that kind, limit 0 (1 over)");
            });
        }

        @Test
        @DisplayName("an image on YouTube, which takes videos only")
        void imageOnYoutube() {
            assertThat(violations(Platform.YOUTUBE, "Nouvelle vidéo", image(1)))
                    .containsExactly("YouTube: media[0] image count is 1 media of that kind, limit 0 (1 over)");
        }

        @Test
        @DisplayName("lists every limit broken, text first, then hashtags, media count and each medium")
        void everything() {
            MediaAsset[] media = {image(3_000_000), image(1), image(1), image(1), image(1)};

            assertThat(violations(Platform.BLUESKY, "a".repeat(320), media)).containsExactly(
                    "Bluesky: text length is 320 graphemes, limit 300 (20 over)",
                    "Bluesky: media count is 5 media, limit 4 (1 over)",
                    "Bluesky: media[0] image size is 3000000 bytes, limit 2000000 (1000000 over)");
        }

        @Test
        @DisplayName("refuses a variant written for another platform")
        void otherPlatform() {
            assertThatThrownBy(() -> PlatformLimits.defaultsFor(Platform.BLUESKY).check(PostVariant.text(Platform.X, "hi")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("variant is for x, limits are for bluesky");
        }
    }

    @Test
    @DisplayName("lengthOf counts the way the platform does")
    void lengthOf() {
        assertThat(PlatformLimits.defaultsFor(Platform.X).lengthOf("の")).isEqualTo(2);
        assertThat(PlatformLimits.defaultsFor(Platform.BLUESKY).lengthOf("の")).isEqualTo(1);
    }

    @Test
    @DisplayName("limits a connector reports are checked and kept as given")
    void custom() {
        Set<MediaAsset.Kind> kinds = EnumSet.of(MediaAsset.Kind.IMAGE);
        PlatformLimits limits = new PlatformLimits(Platform.MASTODON, 1_000, TextCounting.mastodon(23), 6, 10_000_000,
                40_000_000, Integer.MAX_VALUE, kinds);

        kinds.add(MediaAsset.Kind.VIDEO);

        assertThat(limits.mediaKinds()).containsExactly(MediaAsset.Kind.IMAGE);
        assertThatThrownBy(() -> new PlatformLimits(Platform.MASTODON, 0, TextCounting.codePoints(), 4, 1, 1, 1,
                Collections.emptySet())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PlatformLimits for mastodon: limits must not be negative and maxTextLength must be positive");
        assertThatThrownBy(() -> new PlatformLimits(Platform.MASTODON, 500, TextCounting.codePoints(), -1, 1, 1, 1,
                Collections.emptySet())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlatformLimits(Platform.MASTODON, 500, null, 4, 1, 1, 1, Collections.emptySet()))
                .isInstanceOf(NullPointerException.class);
    }
}
