package io.cmkit.core.live;

import static io.cmkit.core.live.LiveFixtures.BLUESKY;
import static io.cmkit.core.live.LiveFixtures.MASTODON;
import static io.cmkit.core.live.LiveFixtures.PARIS;
import static io.cmkit.core.live.LiveFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.Platform;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A live event")
class LiveEventTest {

    private static LiveEvent withHashtags(List<String> hashtags) {
        return new LiveEvent("spring-launch", "Launch", "cafe-lumiere", START, PARIS, hashtags,
                List.of(MASTODON), Duration.ofHours(1));
    }

    @Test
    @DisplayName("keeps its name, brand, start, zone, accounts and duration; hashtags are stored without '#'")
    void accessors() {
        LiveEvent event = withHashtags(List.of("#CaféLumièreLive", "LatteLavande", " ＃Paris2027 "));

        assertThat(event.hashtags()).containsExactly("CaféLumièreLive", "LatteLavande", "Paris2027");
        assertThat(event.localStart()).isEqualTo(LocalDateTime.of(2027, 3, 4, 18, 0).atZone(PARIS));
        assertThat(event.expectedEnd()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(event.platforms()).containsExactly(Platform.MASTODON);
    }

    @Test
    @DisplayName("withStart moves the start and keeps everything else; the original is unchanged")
    void withStart() {
        LiveEvent event = LiveFixtures.launch();
        Instant later = START.plus(Duration.ofDays(2));

        LiveEvent moved = event.withStart(later);

        assertThat(moved.start()).isEqualTo(later);
        assertThat(moved).usingRecursiveComparison().ignoringFields("start").isEqualTo(event);
        assertThat(event.start()).isEqualTo(START);
    }

    @Test
    @DisplayName("may have no hashtag: questions then come from replies to its posts")
    void noHashtag() {
        assertThat(withHashtags(List.of()).hashtags()).isEmpty();
    }

    @Nested
    @DisplayName("refuses, naming the field")
    class Refuses {

        @ParameterizedTest(name = "the hashtag \"{0}\"")
        @ValueSource(strings = {"#café lumière", "#2027", "#", "", "#latte-lavande", "##double", "#live!"})
        void invalidHashtag(String tag) {
            assertThatThrownBy(() -> withHashtags(List.of("CafeLive", tag)))
                    .isInstanceOf(InvalidModelException.class)
                    .hasMessage("LiveEvent.hashtags[1] must be a hashtag: letters, digits or '_' with at least one"
                            + " letter, no spaces or punctuation, got '" + tag + "'");
        }

        @Test
        @DisplayName("the same hashtag twice, ignoring case and accents")
        void duplicateHashtag() {
            assertThatThrownBy(() -> withHashtags(List.of("#CaféLive", "cafelive")))
                    .isInstanceOf(InvalidModelException.class)
                    .hasMessage("LiveEvent.hashtags[1] duplicates hashtag '#cafelive' (hashtags match ignoring case"
                            + " and accents)");
        }

        @Test
        @DisplayName("no account, the same account twice, a duration that is not positive, a bad id")
        void others() {
            assertThatThrownBy(() -> new LiveEvent("e", "Launch", "cafe", START, PARIS, List.of(), List.of(),
                    Duration.ofHours(1))).hasMessage("LiveEvent.accounts must not be empty");
            assertThatThrownBy(() -> new LiveEvent("e", "Launch", "cafe", START, PARIS, List.of(),
                    List.of(BLUESKY, BLUESKY), Duration.ofHours(1)))
                    .hasMessage("LiveEvent.accounts[1] duplicates account 'bluesky:cafelumiere.bsky.social'");
            assertThatThrownBy(() -> new LiveEvent("e", "Launch", "cafe", START, PARIS, List.of(),
                    List.of(BLUESKY), Duration.ZERO)).hasMessage("LiveEvent.expectedDuration must be positive (got PT0S)");
            assertThatThrownBy(() -> new LiveEvent("Spring Launch", "Launch", "cafe", START, PARIS, List.of(),
                    List.of(BLUESKY), Duration.ofHours(1)))
                    .hasMessage("LiveEvent.id must be lower-case letters, digits or '-' (at most 64), got 'Spring Launch'");
            assertThatThrownBy(() -> new LiveEvent("e", " ", "cafe", START, PARIS, List.of(),
                    List.of(BLUESKY), Duration.ofHours(1))).hasMessage("LiveEvent.name must not be blank");
        }
    }
}
