package io.cmkit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.FakeConnectors.BlueskyConfig;
import io.cmkit.core.spi.FakeConnectors.BlueskyProvider;
import io.cmkit.core.spi.FakeConnectors.FakeConnector;
import io.cmkit.core.spi.FakeConnectors.MastodonConfig;
import io.cmkit.core.spi.FakeConnectors.MastodonProvider;
import io.cmkit.core.spi.FakeConnectors.PixelfedConfig;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Connectors")
class ConnectorsTest {

    private static final Account MASTODON = new Account(Platform.MASTODON, "cafe_lumiere@mastodon.social");
    private static final Account BLUESKY = new Account(Platform.BLUESKY, "cafelumiere.bsky.social");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @Nested
    @DisplayName("discovery")
    class Discovery {

        @Test
        @DisplayName("finds the providers listed in META-INF/services, in the order listed")
        void serviceLoader() {
            List<ConnectorProvider<?>> providers = Connectors.discover().providers();

            assertThat(providers).hasSize(2);
            assertThat(providers.get(0)).isInstanceOf(MastodonProvider.class);
            assertThat(providers.get(1)).isInstanceOf(BlueskyProvider.class);
        }

        @Test
        @DisplayName("looks only where the given class loader looks")
        void classLoader() throws Exception {
            try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
                assertThat(Connectors.discover(empty, ConnectorContext.ofDefaults()).providers()).isEmpty();
            }
        }

        @Test
        @DisplayName("a host may also wire providers by hand")
        void byHand() {
            MastodonProvider provider = new MastodonProvider();

            assertThat(Connectors.of(ConnectorContext.ofDefaults(), List.of(provider)).providers())
                    .containsExactly(provider);
        }
    }

    @Nested
    @DisplayName("opening a connector")
    class Opening {

        @Test
        @DisplayName("picks the provider by the configuration's type")
        void byConfigType() {
            Connectors connectors = Connectors.discover();

            Connector mastodon = connectors.open(new MastodonConfig(MASTODON, URI.create("https://mastodon.social")));
            Connector bluesky = connectors.open(new BlueskyConfig(BLUESKY));

            assertThat(((FakeConnector) mastodon).openedBy()).isEqualTo("mastodon provider");
            assertThat(mastodon.account()).isEqualTo(MASTODON);
            assertThat(mastodon.platform()).isEqualTo(Platform.MASTODON);
            assertThat(((FakeConnector) bluesky).openedBy()).isEqualTo("bluesky provider");
            assertThat(bluesky.account()).isEqualTo(BLUESKY);
        }

        @Test
        @DisplayName("lends the host's context, and its clock, to the connector")
        void context() {
            ConnectorContext context = new ConnectorContext(CLOCK);

            Connector connector = Connectors.discover(ConnectorsTest.class.getClassLoader(), context)
                    .open(new BlueskyConfig(BLUESKY));

            assertThat(((FakeConnector) connector).context().clock()).isSameAs(CLOCK);
        }

        @Test
        @DisplayName("when two providers take the configuration, the first one wins")
        void firstWins() {
            ConnectorProvider<BlueskyConfig> other = new ConnectorProvider<>() {
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
                    return new FakeConnector(config.account(), context, "other", java.util.Optional.empty(),
                            java.util.Optional.empty());
                }
            };

            Connector connector = Connectors.of(new ConnectorContext(CLOCK), List.of(other, new BlueskyProvider()))
                    .open(new BlueskyConfig(BLUESKY));

            assertThat(((FakeConnector) connector).openedBy()).isEqualTo("other");
        }

        @Test
        @DisplayName("a configuration no provider takes is a clear error listing the providers found")
        void noProvider() {
            assertThatThrownBy(() -> Connectors.discover().open(new PixelfedConfig(new Account(Platform.of("pixelfed"), "cafe"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no connector provider accepts io.cmkit.core.spi.FakeConnectors$PixelfedConfig; "
                            + "providers found: MastodonConfig (mastodon), BlueskyConfig (bluesky)");
        }

        @Test
        @DisplayName("with no provider at all, the error hints at the missing module")
        void noProviderAtAll() {
            assertThatThrownBy(() -> Connectors.of(new ConnectorContext(CLOCK), List.of()).open(new BlueskyConfig(BLUESKY)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no connector provider accepts io.cmkit.core.spi.FakeConnectors$BlueskyConfig; "
                            + "providers found: none (is cm-connectors on the class path?)");
        }

        @Test
        @DisplayName("a missing configuration is refused")
        void nullConfig() {
            assertThatThrownBy(() -> Connectors.discover().open(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("config");
        }
    }

    @Test
    @DisplayName("a configuration's platform is its account's")
    void configPlatform() {
        assertThat(new BlueskyConfig(BLUESKY).platform()).isEqualTo(Platform.BLUESKY);
    }

    @Test
    @DisplayName("the default context runs on the system clock in UTC, and a context needs a clock")
    void defaultContext() {
        assertThat(ConnectorContext.ofDefaults().clock().getZone()).isEqualTo(ZoneOffset.UTC);
        assertThatThrownBy(() -> new ConnectorContext(null)).isInstanceOf(NullPointerException.class);
    }
}
