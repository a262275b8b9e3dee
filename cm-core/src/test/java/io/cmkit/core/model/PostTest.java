package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Post")
class PostTest {

    private static final PostVariant ON_MASTODON = PostVariant.text(Platform.MASTODON, "Le latte à la lavande est là !");
    private static final PostVariant ON_BLUESKY = PostVariant.text(Platform.BLUESKY, "Lavender latte is here!");

    @Test
    @DisplayName("keeps its ids, pillar, campaign and one variant per platform")
    void accessors() {
        Post post = new Post(" post-42 ", " cafe-lumiere ", Optional.of(" coffee education "), Optional.of("spring"),
                List.of(ON_MASTODON, ON_BLUESKY));

        assertThat(post.id()).isEqualTo("post-42");
        assertThat(post.brandId()).isEqualTo("cafe-lumiere");
        assertThat(post.pillar()).contains("coffee education");
        assertThat(post.campaign()).contains("spring");
        assertThat(post.platforms()).containsExactly(Platform.MASTODON, Platform.BLUESKY);
        assertThat(post.variantFor(Platform.BLUESKY)).contains(ON_BLUESKY);
        assertThat(post.variantFor(Platform.X)).isEmpty();
    }

    @Test
    @DisplayName("a blank pillar or campaign is none")
    void blankOptionals() {
        Post post = new Post("post-42", "cafe-lumiere", Optional.of(" "), Optional.of(""), List.of(ON_MASTODON));

        assertThat(post.pillar()).isEmpty();
        assertThat(post.campaign()).isEmpty();
    }

    @Test
    @DisplayName("withVariant replaces the variant for its platform, or adds one")
    void withVariant() {
        Post post = new Post("post-42", "cafe-lumiere", Optional.empty(), Optional.empty(), List.of(ON_MASTODON));
        PostVariant rewritten = PostVariant.text(Platform.MASTODON, "Lavande ☕");

        Post replaced = post.withVariant(rewritten);
        Post added = post.withVariant(ON_BLUESKY);

        assertThat(replaced.variants()).containsExactly(rewritten);
        assertThat(added.variants()).containsExactly(ON_MASTODON, ON_BLUESKY);
        assertThat(post.variants()).containsExactly(ON_MASTODON);
    }

    @Test
    @DisplayName("keeps its own copy of the variants")
    void defensiveCopy() {
        List<PostVariant> variants = new ArrayList<>(List.of(ON_MASTODON));
        Post post = new Post("post-42", "cafe-lumiere", Optional.empty(), Optional.empty(), variants);

        variants.add(ON_BLUESKY);

        assertThat(post.variants()).containsExactly(ON_MASTODON);
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("blank ids")
        void blankIds() {
            assertRejected(() -> new Post(" ", "cafe", Optional.empty(), Optional.empty(), List.of(ON_MASTODON)),
                    "Post", "id", "Post.id must not be blank");
            assertRejected(() -> new Post("post-42", "", Optional.empty(), Optional.empty(), List.of(ON_MASTODON)),
                    "Post", "brandId", "Post.brandId must not be blank");
        }

        @Test
        @DisplayName("missing optionals")
        void missingOptionals() {
            assertRejected(() -> new Post("post-42", "cafe", null, Optional.empty(), List.of(ON_MASTODON)),
                    "Post", "pillar", "Post.pillar is required");
            assertRejected(() -> new Post("post-42", "cafe", Optional.empty(), null, List.of(ON_MASTODON)),
                    "Post", "campaign", "Post.campaign is required");
        }

        @Test
        @DisplayName("a post without any variant")
        void noVariant() {
            assertRejected(() -> new Post("post-42", "cafe", Optional.empty(), Optional.empty(), List.of()),
                    "Post", "variants", "Post.variants must not be empty");
        }

        @Test
        @DisplayName("two variants for the same platform")
        void duplicateVariant() {
            assertRejected(() -> new Post("post-42", "cafe", Optional.empty(), Optional.empty(),
                            List.of(ON_MASTODON, ON_BLUESKY, PostVariant.text(Platform.MASTODON, "bis"))),
                    "Post", "variants[2]", "Post.variants[2] duplicates variant for platform 'mastodon'");
        }
    }
}
