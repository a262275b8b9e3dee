package io.cmkit.connectors.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.model.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdsTest {

    /** The regular expressions {@link Ids#url} used before it replaced characters itself. */
    private static String byRegex(String text, String allowed) {
        return text.replaceAll("[^A-Za-z0-9" + allowed + "]", "-");
    }

    @Test
    void keepOrDashGivesWhatTheRegularExpressionGave() {
        List<String> samples = new ArrayList<>(List.of("", "plain", "bench@mastodon.social", "café lumière",
                "at://did:plc:abc/app.bsky.feed.post/3kq2", "☕ latte", "emoji 😀 twice 😀", "a/b?c=d&e#f",
                "tab\tnew\nline", "\uD83D", "x\uDE00y", "ÀÉÎõü", "under_score.dot:colon-dash@at"));
        SplittableRandom random = new SplittableRandom(42);
        int[] pool = {'a', 'Z', '5', '_', '.', ':', '-', '@', '/', ' ', 'é', '☕', 0x1F600, '\uD83D', '\u0301'};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                s.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            samples.add(s.toString());
        }
        for (String sample : samples) {
            assertThat(Ids.keepOrDash(sample, "_.:-")).as(sample).isEqualTo(byRegex(sample, "_.:-"));
            assertThat(Ids.keepOrDash(sample, "_.@-")).as(sample).isEqualTo(byRegex(sample, "_.@-"));
        }
    }

    @Test
    void urlNamesThePlatformTheHandleAndTheRecordKey() {
        assertThat(Ids.url(Platform.BLUESKY, "café.bsky.social", "at://did:plc:x/app.bsky.feed.post/3kq2abc"))
                .hasToString("https://bluesky.sandbox.invalid/@caf-.bsky.social/3kq2abc");
        assertThat(Ids.url(Platform.MASTODON, "bench@mastodon.social", "112233"))
                .hasToString("https://mastodon.sandbox.invalid/@bench@mastodon.social/112233");
    }
}
