package io.cmkit.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResponseStatsTest {

    private static final Account BRAND = new Account(Platform.MASTODON, "cafe@mastodon.social");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static Interaction comment(String id, int minute, String authorHandle) {
        return new Interaction(id, BRAND, Interaction.Kind.COMMENT, Author.of("a-" + authorHandle, authorHandle), "hello",
                T0.plusSeconds(minute * 60L), ThreadPosition.replyToBrandPost("p1"), Optional.empty(), Optional.empty());
    }

    private static BrandReply reply(String id, int minute) {
        return new BrandReply(BRAND, id, T0.plusSeconds(minute * 60L));
    }

    @Test
    @DisplayName("rate, median and p90 from hand-computed response times")
    void handComputed() {
        List<Interaction> inbox = new ArrayList<>();
        List<BrandReply> replies = new ArrayList<>();
        // Ten comments at minute 0; answered after 5, 10, ..., 45 minutes; two more never answered.
        for (int i = 1; i <= 10; i++) {
            inbox.add(comment("c" + i, 0, "user" + i));
            replies.add(reply("c" + i, 5 * i));
        }
        inbox.add(comment("c11", 0, "user11"));
        inbox.add(comment("c12", 0, "user12"));
        replies.add(reply("c1", 60));                 // a second reply: the first one counts
        replies.add(reply("elsewhere", 3));           // answers something outside the list: ignored
        inbox.add(comment("own", 1, "cafe@mastodon.social")); // the brand's own words: not received
        ResponseStats stats = ResponseStats.of(inbox, replies);
        assertThat(stats.received()).isEqualTo(12);
        assertThat(stats.answered()).isEqualTo(10);
        assertThat(stats.responseRate()).isEqualTo(KpiValue.of(10.0 / 12));
        assertThat(stats.medianMinutes()).isEqualTo(KpiValue.of(27.5));   // (25 + 30) / 2
        assertThat(stats.p90Minutes()).isEqualTo(KpiValue.of(45.0));      // ceil(0.9 × 10) = 9th of 5..50
        assertThat(stats.value(Kpi.RESPONSE_TIME_P90)).isEqualTo(stats.p90Minutes());
    }

    @Test
    @DisplayName("an odd count takes the middle value; p90 of three is the largest")
    void oddCount() {
        ResponseStats stats = ResponseStats.of(List.of(comment("a", 0, "x"), comment("b", 0, "y"), comment("c", 0, "z")),
                List.of(reply("a", 4), reply("b", 2), reply("c", 90)));
        assertThat(stats.medianMinutes()).isEqualTo(KpiValue.of(4.0));
        assertThat(stats.p90Minutes()).isEqualTo(KpiValue.of(90.0));
    }

    @Test
    @DisplayName("nothing received or nothing answered is not available, not 0")
    void empty() {
        ResponseStats none = ResponseStats.of(List.of(), List.of());
        assertThat(none.responseRate()).isEqualTo(KpiValue.notAvailable(new Unavailability.NoInteractionReceived()));
        ResponseStats unanswered = ResponseStats.of(List.of(comment("a", 0, "x")), List.of());
        assertThat(unanswered.responseRate()).isEqualTo(KpiValue.of(0.0));
        assertThat(unanswered.medianMinutes()).isEqualTo(KpiValue.notAvailable(new Unavailability.NoInteractionAnswered()));
    }

    @Test
    @DisplayName("a reply before the interaction is refused, naming the reply")
    void replyBeforeInteraction() {
        assertThatThrownBy(() -> ResponseStats.of(List.of(comment("a", 10, "x")), List.of(reply("a", 5))))
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("replies[0].repliedAt is 2026-03-02T09:05:00Z, before interaction mastodon:a")
                .extracting(e -> ((AnalyticsException) e).field()).isEqualTo("replies[0].repliedAt");
    }
}
