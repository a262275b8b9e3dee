package io.cmkit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.FakeConnectors.FakeConnector;
import io.cmkit.core.spi.FakeConnectors.FakePublishing;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Connector")
class ConnectorTest {

    private static final Account BLUESKY = new Account(Platform.BLUESKY, "cafelumiere.bsky.social");
    private static final Publishing PUBLISHING = new FakePublishing();
    private static final MentionFeed MENTIONS = from -> Page.last(List.of());

    private final Connector connector = new FakeConnector(BLUESKY, ConnectorContext.ofDefaults(), "test",
            Optional.of(PUBLISHING), Optional.of(MENTIONS));
    private final Connector bare = new FakeConnector(BLUESKY, ConnectorContext.ofDefaults(), "test",
            Optional.empty(), Optional.empty());

    @Nested
    @DisplayName("capabilities")
    class Capabilities {

        @Test
        @DisplayName("are derived from the capability accessors")
        void derived() {
            assertThat(connector.capabilities()).containsExactlyInAnyOrder(Capability.PUBLISHING, Capability.MENTION_FEED);
            assertThat(connector.commentModeration()).isEmpty();
            assertThat(connector.metrics()).isEmpty();
            assertThat(connector.profiles()).isEmpty();
            assertThat(connector.promotion()).isEmpty();
        }

        @Test
        @DisplayName("a connector without any capability says so")
        void none() {
            assertThat(bare.capabilities()).isEmpty();
        }

        @Test
        @DisplayName("cannot be changed by the caller")
        void immutable() {
            assertThatThrownBy(() -> connector.capabilities().add(Capability.PROMOTION))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    @DisplayName("require")
    class Require {

        @Test
        @DisplayName("returns a capability the connector has")
        void present() {
            assertThat(connector.require(Publishing.class)).isSameAs(PUBLISHING);
            assertThat(connector.require(MentionFeed.class)).isSameAs(MENTIONS);
        }

        @Test
        @DisplayName("throws UnsupportedCapabilityException naming the platform for one it lacks")
        void absent() {
            assertThatThrownBy(() -> connector.require(CommentModeration.class))
                    .isInstanceOfSatisfying(UnsupportedCapabilityException.class, e -> {
                        assertThat(e.platform()).isEqualTo(Platform.BLUESKY);
                        assertThat(e.operation()).isEqualTo("offer CommentModeration");
                    })
                    .hasMessage("Bluesky cannot offer CommentModeration: this connector does not have that capability");
            assertThatThrownBy(() -> bare.require(Promotion.class))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessage("Bluesky cannot offer Promotion: this connector does not have that capability");
        }

        @Test
        @DisplayName("refuses a type that is not a capability")
        void notACapability() {
            assertThatThrownBy(() -> connector.require(String.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("java.lang.String is not a connector capability");
        }
    }

    @Test
    @DisplayName("its platform is its account's, and closing it by default does nothing")
    void platformAndClose() {
        assertThat(connector.platform()).isEqualTo(Platform.BLUESKY);
        connector.close();
        assertThat(connector.limits().platform()).isEqualTo(Platform.BLUESKY);
    }

    @Test
    @DisplayName("comment moderation tells which operations its platform allows")
    void moderationOperations() {
        CommentModeration moderation = new HideOnlyModeration();

        assertThat(moderation.supports(ModerationOperation.HIDE)).isTrue();
        assertThat(moderation.supports(ModerationOperation.DELETE)).isFalse();
    }

    /** Bluesky-like moderation: hide and report, nothing else. */
    private static final class HideOnlyModeration implements CommentModeration {
        @Override
        public Set<ModerationOperation> supportedOperations() {
            return EnumSet.of(ModerationOperation.HIDE, ModerationOperation.REPORT);
        }

        @Override
        public Page<Interaction> comments(PostRef post, Optional<Cursor> from) {
            return Page.last(List.of());
        }

        @Override
        public void hide(Interaction comment) {
        }

        @Override
        public void unhide(Interaction comment) {
        }

        @Override
        public void delete(Interaction comment) {
            throw new UnsupportedCapabilityException(Platform.BLUESKY, "delete a comment", "only its author can");
        }

        @Override
        public PublishedPost reply(Interaction comment, String text, String idempotencyKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void blockAuthor(Author author) {
        }

        @Override
        public void report(Interaction comment, String reason) {
        }
    }
}
