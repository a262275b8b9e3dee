package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("MediaAsset")
class MediaAssetTest {

    private static final URI LATTE = URI.create("file:///media/latte.jpg");

    @Test
    @DisplayName("keeps kind, source, media type, size and alt text")
    void accessors() {
        MediaAsset asset = new MediaAsset(MediaAsset.Kind.IMAGE, LATTE, "image/jpeg", 250_000,
                Optional.of(" A latte with a heart in the foam "));

        assertThat(asset.kind()).isEqualTo(MediaAsset.Kind.IMAGE);
        assertThat(asset.source()).isEqualTo(LATTE);
        assertThat(asset.mimeType()).isEqualTo("image/jpeg");
        assertThat(asset.sizeBytes()).isEqualTo(250_000);
        assertThat(asset.altText()).contains("A latte with a heart in the foam");
    }

    @Test
    @DisplayName("lower-cases the media type and treats blank alt text as none")
    void normalises() {
        MediaAsset asset = new MediaAsset(MediaAsset.Kind.VIDEO, URI.create("https://cdn.example.com/roast.mp4"),
                " Video/MP4 ", 10_000_000, Optional.of("   "));

        assertThat(asset.mimeType()).isEqualTo("video/mp4");
        assertThat(asset.altText()).isEmpty();
    }

    @Test
    @DisplayName("an animated GIF is a GIF of type image/gif")
    void gif() {
        MediaAsset gif = new MediaAsset(MediaAsset.Kind.GIF, URI.create("classpath:media/steam.gif"), "image/gif", 900_000,
                Optional.empty());

        assertThat(gif.kind()).isEqualTo(MediaAsset.Kind.GIF);
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a media type that does not match the kind")
        void mimeKindMismatch() {
            assertRejected(() -> asset(MediaAsset.Kind.VIDEO, "image/jpeg"), "MediaAsset", "mimeType",
                    "MediaAsset.mimeType must start with 'video/' for a VIDEO (got 'image/jpeg')");
            assertRejected(() -> asset(MediaAsset.Kind.IMAGE, "video/mp4"), "MediaAsset", "mimeType",
                    "MediaAsset.mimeType must start with 'image/' for an IMAGE (got 'video/mp4')");
            assertRejected(() -> asset(MediaAsset.Kind.GIF, "image/png"), "MediaAsset", "mimeType",
                    "MediaAsset.mimeType must start with 'image/gif' for a GIF (got 'image/png')");
        }

        @Test
        @DisplayName("a blank or missing media type")
        void blankMime() {
            assertRejected(() -> asset(MediaAsset.Kind.IMAGE, " "), "MediaAsset", "mimeType",
                    "MediaAsset.mimeType must not be blank");
            assertRejected(() -> asset(MediaAsset.Kind.IMAGE, null), "MediaAsset", "mimeType",
                    "MediaAsset.mimeType is required");
        }

        @Test
        @DisplayName("a source that is not an absolute URI")
        void relativeSource() {
            assertRejected(() -> new MediaAsset(MediaAsset.Kind.IMAGE, URI.create("media/latte.jpg"), "image/jpeg", 1,
                    Optional.empty()), "MediaAsset", "source",
                    "MediaAsset.source must be an absolute URI with a scheme, got 'media/latte.jpg'");
            assertRejected(() -> new MediaAsset(MediaAsset.Kind.IMAGE, null, "image/jpeg", 1, Optional.empty()),
                    "MediaAsset", "source", "MediaAsset.source is required");
        }

        @Test
        @DisplayName("a size of zero or less")
        void badSize() {
            assertRejected(() -> new MediaAsset(MediaAsset.Kind.IMAGE, LATTE, "image/jpeg", 0, Optional.empty()),
                    "MediaAsset", "sizeBytes", "MediaAsset.sizeBytes must be positive (got 0)");
            assertRejected(() -> new MediaAsset(MediaAsset.Kind.IMAGE, LATTE, "image/jpeg", -1, Optional.empty()),
                    "MediaAsset", "sizeBytes", "MediaAsset.sizeBytes must be positive (got -1)");
        }

        @Test
        @DisplayName("a missing kind or alt text")
        void missing() {
            assertRejected(() -> new MediaAsset(null, LATTE, "image/jpeg", 1, Optional.empty()), "MediaAsset", "kind",
                    "MediaAsset.kind is required");
            assertRejected(() -> new MediaAsset(MediaAsset.Kind.IMAGE, LATTE, "image/jpeg", 1, null), "MediaAsset",
                    "altText", "MediaAsset.altText is required");
        }

        private MediaAsset asset(MediaAsset.Kind kind, String mimeType) {
            return new MediaAsset(kind, LATTE, mimeType, 1_000, Optional.empty());
        }
    }
}
