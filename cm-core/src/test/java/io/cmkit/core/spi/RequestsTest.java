package io.cmkit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.MediaAsset;
import io.cmkit.core.model.Money;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Requests and results of the capabilities")
class RequestsTest {

    private static final PostVariant VARIANT = PostVariant.text(Platform.MASTODON, "Le latte à la lavande est là !");
    private static final PostRef PARENT = PostRef.of(Platform.MASTODON, "113948");
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    @Nested
    @DisplayName("PublishRequest")
    class Publish {

        @Test
        @DisplayName("publishes now, or now as a reply, with an idempotency key")
        void factories() {
            PublishRequest now = PublishRequest.now(VARIANT, "post-42:mastodon");
            PublishRequest reply = PublishRequest.reply(VARIANT, "post-43:mastodon", PARENT);

            assertThat(now.replyTo()).isEmpty();
            assertThat(now.scheduleAt()).isEmpty();
            assertThat(reply.replyTo()).contains(PARENT);
            assertThat(reply.idempotencyKey()).isEqualTo("post-43:mastodon");
        }

        @Test
        @DisplayName("the idempotency key is 1 to 128 characters")
        void keyLength() {
            assertThat(PublishRequest.now(VARIANT, "k".repeat(128)).idempotencyKey()).hasSize(128);
            assertThatThrownBy(() -> PublishRequest.now(VARIANT, "k".repeat(129)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("PublishRequest.idempotencyKey must be 1 to 128 characters");
            assertThatThrownBy(() -> PublishRequest.now(VARIANT, " ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PublishRequest.now(null, "k")).isInstanceOf(NullPointerException.class);
        }

        @Test
        @DisplayName("a publication keeps its reference, time and key")
        void published() {
            PublishedPost post = new PublishedPost(PARENT, START, "post-42:mastodon");

            assertThat(post.ref()).isEqualTo(PARENT);
            assertThat(post.publishedAt()).isEqualTo(START);
            assertThatThrownBy(() -> new PublishedPost(PARENT, null, "k")).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    @DisplayName("PostRef")
    class Ref {

        @Test
        @DisplayName("refers to a post by id, with a version and a URL where the platform has them")
        void parts() {
            PostRef ref = new PostRef(Platform.BLUESKY, "at://did:plc:abc/app.bsky.feed.post/3k",
                    Optional.of("bafyreib2rxk3rh6kzwq"), Optional.of(URI.create("https://bsky.app/profile/abc/post/3k")));

            assertThat(ref.version()).contains("bafyreib2rxk3rh6kzwq");
            assertThat(PostRef.of(Platform.MASTODON, "113948").version()).isEmpty();
        }

        @Test
        @DisplayName("refuses a blank id")
        void blankId() {
            assertThatThrownBy(() -> PostRef.of(Platform.MASTODON, " ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("PostRef.id must not be blank");
        }
    }

    @Nested
    @DisplayName("boosts")
    class Boosts {

        private final BoostRequest request = new BoostRequest(PARENT, Money.of("100", "EUR"), START,
                START.plusSeconds(7 * 86_400), "boost-post-42");

        @Test
        @DisplayName("a boost runs between two instants with a budget and a key")
        void request() {
            assertThat(request.budget()).isEqualTo(Money.of("100", "EUR"));
            assertThat(new Boost("camp-1", request, Money.of("12.40", "EUR"), Boost.Status.ACTIVE).spent())
                    .isEqualTo(Money.of("12.40", "EUR"));
        }

        @Test
        @DisplayName("refuses a zero budget, an end not after the start and a blank key")
        void badRequest() {
            assertThatThrownBy(() -> new BoostRequest(PARENT, Money.of("0", "EUR"), START, START.plusSeconds(1), "k"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("BoostRequest.budget must be above zero");
            assertThatThrownBy(() -> new BoostRequest(PARENT, Money.of("1", "EUR"), START, START, "k"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("BoostRequest.end must be after start 2026-03-02T08:00:00Z (got 2026-03-02T08:00:00Z)");
            assertThatThrownBy(() -> new BoostRequest(PARENT, Money.of("1", "EUR"), START, START.plusSeconds(1), ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("BoostRequest.idempotencyKey must not be blank");
        }

        @Test
        @DisplayName("never reports more spent than the budget")
        void overspent() {
            assertThatThrownBy(() -> new Boost("camp-1", request, Money.of("100.01", "EUR"), Boost.Status.COMPLETED))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Boost.spent 100.01 EUR exceeds the budget 100.00 EUR");
        }
    }

    @Nested
    @DisplayName("profiles")
    class Profiles {

        @Test
        @DisplayName("an update changes only the fields it names")
        void update() {
            ProfileUpdate update = ProfileUpdate.none().withBio("Torréfacteur à Lyon depuis 1987")
                    .withWebsite(URI.create("https://cafe-lumiere.fr"));

            assertThat(update.displayName()).isEmpty();
            assertThat(update.bio()).contains("Torréfacteur à Lyon depuis 1987");
            assertThat(update.website()).contains(URI.create("https://cafe-lumiere.fr"));
            assertThat(update.avatar()).isEmpty();
        }

        @Test
        @DisplayName("an avatar must be an image")
        void avatar() {
            MediaAsset logo = new MediaAsset(MediaAsset.Kind.IMAGE, URI.create("file:///logo.png"), "image/png", 20_000,
                    Optional.empty());
            MediaAsset clip = new MediaAsset(MediaAsset.Kind.VIDEO, URI.create("file:///clip.mp4"), "video/mp4", 20_000,
                    Optional.empty());

            assertThat(ProfileUpdate.none().withAvatar(logo).avatar()).contains(logo);
            assertThatThrownBy(() -> ProfileUpdate.none().withAvatar(clip)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("ProfileUpdate.avatar must be an IMAGE (got VIDEO)");
        }

        @Test
        @DisplayName("a profile holds what the consistency audit compares")
        void profile() {
            Account account = new Account(Platform.BLUESKY, "cafelumiere.bsky.social");
            Profile profile = new Profile(account, "Café Lumière", "Torréfacteur à Lyon", Optional.empty(), Optional.empty());

            assertThat(profile.account()).isEqualTo(account);
            assertThat(profile.displayName()).isEqualTo("Café Lumière");
            assertThatThrownBy(() -> new Profile(account, null, "", Optional.empty(), Optional.empty()))
                    .isInstanceOf(NullPointerException.class);
        }
    }
}
