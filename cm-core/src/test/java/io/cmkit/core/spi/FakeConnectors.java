package io.cmkit.core.spi;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Connectors for tests: two providers, found through
 * {@code META-INF/services/io.cmkit.core.spi.ConnectorProvider}, each taking its own
 * configuration type, and a connector whose capabilities a test chooses.
 */
public final class FakeConnectors {

    private FakeConnectors() {
    }

    /** A Mastodon-like configuration: the account and its instance. */
    public record MastodonConfig(Account account, URI instance) implements ConnectorConfig {
    }

    /** A Bluesky-like configuration: the account alone. */
    public record BlueskyConfig(Account account) implements ConnectorConfig {
    }

    /** A configuration no provider takes. */
    public record PixelfedConfig(Account account) implements ConnectorConfig {
    }

    public static final class MastodonProvider implements ConnectorProvider<MastodonConfig> {
        @Override
        public Platform platform() {
            return Platform.MASTODON;
        }

        @Override
        public Class<MastodonConfig> configType() {
            return MastodonConfig.class;
        }

        @Override
        public Connector open(MastodonConfig config, ConnectorContext context) {
            return new FakeConnector(config.account(), context, "mastodon provider", Optional.of(new FakePublishing()),
                    Optional.empty());
        }
    }

    public static final class BlueskyProvider implements ConnectorProvider<BlueskyConfig> {
        @Override
        public Platform platform() {
            return Platform.BLUESKY;
        }

        @Override
        public Class<BlueskyConfig> configType() {
            return BlueskyConfig.class;
        }

        @Override
        public Connector open(BlueskyConfig config, ConnectorContext context) {
            return new FakeConnector(config.account(), context, "bluesky provider", Optional.of(new FakePublishing()),
                    Optional.of(from -> Page.last(java.util.List.<Interaction>of())));
        }
    }

    /** A connector with the publishing and mention feed capabilities it is given, and no other. */
    public static final class FakeConnector implements Connector {
        private final Account account;
        private final ConnectorContext context;
        private final String openedBy;
        private final Optional<Publishing> publishing;
        private final Optional<MentionFeed> mentionFeed;

        FakeConnector(Account account, ConnectorContext context, String openedBy, Optional<Publishing> publishing,
                      Optional<MentionFeed> mentionFeed) {
            this.account = Objects.requireNonNull(account);
            this.context = Objects.requireNonNull(context);
            this.openedBy = openedBy;
            this.publishing = publishing;
            this.mentionFeed = mentionFeed;
        }

        @Override
        public Account account() {
            return account;
        }

        @Override
        public PlatformLimits limits() {
            return PlatformLimits.defaultsFor(account.platform());
        }

        @Override
        public Optional<Publishing> publishing() {
            return publishing;
        }

        @Override
        public Optional<MentionFeed> mentionFeed() {
            return mentionFeed;
        }

        ConnectorContext context() {
            return context;
        }

        String openedBy() {
            return openedBy;
        }
    }

    /** Publishing that accepts nothing: tests only look at whether the capability is there. */
    public static final class FakePublishing implements Publishing {
        @Override
        public PublishedPost publish(PublishRequest request) throws ConnectorException {
            throw new RejectedException(Platform.X, "not in tests", Optional.empty());
        }

        @Override
        public void delete(PostRef post) {
        }

        @Override
        public Idempotency idempotency() {
            return Idempotency.NONE;
        }

        @Override
        public Optional<PublishedPost> findPublished(String idempotencyKey) {
            return Optional.empty();
        }

        @Override
        public boolean supportsNativeScheduling() {
            return false;
        }
    }
}
