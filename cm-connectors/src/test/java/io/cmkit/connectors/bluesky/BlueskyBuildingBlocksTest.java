package io.cmkit.connectors.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.connectors.bluesky.internal.Facets;
import io.cmkit.connectors.bluesky.internal.RecordKeys;
import io.cmkit.connectors.http.Secret;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.Capability;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.Connectors;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bluesky building blocks: configuration, facets, record keys")
class BlueskyBuildingBlocksTest {

    private static final Account BRAND = new Account(Platform.BLUESKY, "cafe-lumiere.bsky.social");

    @Test
    @DisplayName("the configuration never shows its app password, and opening a connector makes no network call")
    void configuration() {
        BlueskyConfig config = BlueskyConfig.of(BRAND, URI.create("http://127.0.0.1:9"), "cafe-lumiere.bsky.social",
                Secret.of("abcd-efgh-ijkl-mnop"));
        assertThat(config.toString()).doesNotContain("abcd-efgh-ijkl-mnop").contains("Secret[redacted]");
        assertThat(config.appViewOrPds()).isEqualTo(URI.create("http://127.0.0.1:9"));

        Connector connector = Connectors.discover().open(config);   // port 9: nothing listens, nothing is called

        assertThat(connector.capabilities()).containsExactlyInAnyOrder(Capability.PUBLISHING, Capability.COMMENT_MODERATION,
                Capability.MENTION_FEED, Capability.METRICS, Capability.PROFILES);
        assertThat(connector.publishing().orElseThrow().idempotency()).isEqualTo(io.cmkit.core.spi.Publishing.Idempotency.LOOKUP);
        assertThat(connector.publishing().orElseThrow().supportsNativeScheduling()).isFalse();
        assertThat(connector.limits().maxTextLength()).isEqualTo(300);
        assertThatThrownBy(() -> BlueskyConfig.of(new Account(Platform.MASTODON, "a@b.c"), URI.create("https://bsky.social"),
                "x", Secret.of("y"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withPageSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("facets cover UTF-8 bytes; trailing punctuation stays out; an unknown handle and a number tag stay plain text")
    void facets() {
        String text = "Ça va ? 🇫🇷 Voir https://ex.com/a, #Noël! @fan.test. @nobody.test #2025 (https://ex.com/b)";
        List<Map<String, Object>> facets = Facets.of(text,
                Facets.fixed(h -> h.equals("fan.test") ? Optional.of("did:plc:fan") : Optional.empty()));

        assertThat(facets).hasSize(4);
        assertCovers(facets.get(0), text, "https://ex.com/a");
        assertCovers(facets.get(1), text, "#Noël");
        assertCovers(facets.get(2), text, "@fan.test");
        assertCovers(facets.get(3), text, "https://ex.com/b");
    }

    @SuppressWarnings("unchecked")
    private static void assertCovers(Map<String, Object> facet, String text, String covered) {
        Map<String, Object> index = (Map<String, Object>) facet.get("index");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int start = (Integer) index.get("byteStart");
        int end = (Integer) index.get("byteEnd");
        assertThat(new String(bytes, start, end - start, StandardCharsets.UTF_8)).isEqualTo(covered);
    }

    @Test
    @DisplayName("a record key from an idempotency key is a TID, the same every time, and differs by key")
    void recordKeys() {
        String a = RecordKeys.forKey("post", "launch-2026-11-26");
        assertThat(a).matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");
        assertThat(RecordKeys.forKey("post", "launch-2026-11-26")).isEqualTo(a);
        assertThat(RecordKeys.forKey("post", "launch-2026-11-27")).isNotEqualTo(a);
    }
}
