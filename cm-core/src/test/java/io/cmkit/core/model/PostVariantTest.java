package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static io.cmkit.core.model.Samples.image;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("PostVariant")
class PostVariantTest {

    @Test
    @DisplayName("a text-only variant keeps its text exactly as it will be published")
    void textOnly() {
        PostVariant variant = PostVariant.text(Platform.BLUESKY, "  Nouveau : le latte à la lavande 💜\n");

        assertThat(variant.platform()).isEqualTo(Platform.BLUESKY);
        assertThat(variant.text()).isEqualTo("  Nouveau : le latte à la lavande 💜\n");
        assertThat(variant.media()).isEmpty();
    }

    @Test
    @DisplayName("a variant with media may have no text")
    void mediaOnly() {
        PostVariant variant = new PostVariant(Platform.INSTAGRAM, "", List.of(image(500_000)));

        assertThat(variant.media()).containsExactly(image(500_000));
    }

    @Test
    @DisplayName("keeps its own copy of the media")
    void defensiveCopy() {
        List<MediaAsset> media = new ArrayList<>(List.of(image(1)));
        PostVariant variant = new PostVariant(Platform.INSTAGRAM, "", media);

        media.add(image(2));

        assertThat(variant.media()).containsExactly(image(1));
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("blank text when there is no media")
        void blankWithoutMedia() {
            assertRejected(() -> PostVariant.text(Platform.X, " \n "), "PostVariant", "text",
                    "PostVariant.text must not be blank when there is no media");
        }

        @Test
        @DisplayName("missing platform, text or media, and null media entries")
        void missing() {
            assertRejected(() -> PostVariant.text(null, "hi"), "PostVariant", "platform", "PostVariant.platform is required");
            assertRejected(() -> PostVariant.text(Platform.X, null), "PostVariant", "text", "PostVariant.text is required");
            assertRejected(() -> new PostVariant(Platform.X, "hi", null), "PostVariant", "media",
                    "PostVariant.media is required");
            assertRejected(() -> new PostVariant(Platform.X, "hi", Arrays.asList(image(1), null)), "PostVariant",
                    "media[1]", "PostVariant.media[1] must not be null");
        }
    }
}
