package io.cmkit.core.live;

import static io.cmkit.core.live.LiveFixtures.BLUESKY;
import static io.cmkit.core.live.LiveFixtures.MASTODON;
import static io.cmkit.core.live.LiveFixtures.START;
import static io.cmkit.core.live.LiveFixtures.clockAt;
import static io.cmkit.core.live.LiveFixtures.launch;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.live.QuestionCollector.Outcome;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.core.spi.PostRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The Q&A collector")
class QuestionCollectorTest {

    private static final Clock DURING = clockAt(START.plus(Duration.ofMinutes(20)));

    private final QuestionCollector collector = new QuestionCollector(launch(), DURING);

    /** A mention of the brand, posted {@code minutes} after the start. */
    private static Interaction mention(String id, String text, long minutes) {
        return interaction(id, MASTODON, Interaction.Kind.MENTION, text, minutes, ThreadPosition.standalone());
    }

    /** A comment on one of the brand's posts. */
    private static Interaction comment(String id, Account account, String postId, String text, long minutes) {
        return interaction(id, account, Interaction.Kind.COMMENT, text, minutes, ThreadPosition.replyToBrandPost(postId));
    }

    private static Interaction interaction(String id, Account account, Interaction.Kind kind, String text, long minutes,
                                           ThreadPosition thread) {
        return new Interaction(id, account, kind, Author.of("u-" + id, "fan_" + id), text,
                START.plus(Duration.ofMinutes(minutes)), thread, Optional.empty(), Optional.empty());
    }

    private static List<String> keys(List<Question> questions) {
        return questions.stream().map(Question::key).toList();
    }

    @Nested
    @DisplayName("picks questions about the event")
    class About {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {
                "#CaféLumièreLive c'est quand la dégustation ?",
                "#cafelumierelive on peut venir sur place ?",
                "#CAFELUMIERELIVE Is there a replay?",
                "Il reste des places ? cafélumièrelive",
                "C'est où ? #CaféLumièreLive."})
        @DisplayName("carrying its hashtag, ignoring case and accents, with or without '#'")
        void byHashtag(String text) {
            assertThat(collector.offer(mention("1", text, 5))).isEqualTo(Outcome.COLLECTED);
            assertThat(collector.question("mastodon:1")).get()
                    .satisfies(q -> assertThat(q.matchedBy()).containsExactly(Question.Match.HASHTAG));
        }

        @Test
        @DisplayName("not a longer tag that merely starts like it")
        void longerTag() {
            assertThat(collector.offer(mention("1", "#CafeLumiereLiveReplay c'est quand ?", 5)))
                    .isEqualTo(Outcome.NOT_ABOUT_THE_EVENT);
        }

        @Test
        @DisplayName("replying to one of its published posts, directly or deeper in the thread, on the same platform")
        void byReply() {
            collector.trackPublished(PostRef.of(Platform.MASTODON, "110"));
            Interaction direct = comment("2", MASTODON, "110", "Quand sort le latte en boutique", 3);
            Interaction deeper = interaction("3", MASTODON, Interaction.Kind.REPLY, "what about oat milk?", 4,
                    new ThreadPosition(Optional.of("110"), Optional.of("2"), 2, false));
            Interaction deeperUnknownRoot = interaction("4", MASTODON, Interaction.Kind.REPLY, "why?", 4,
                    new ThreadPosition(Optional.empty(), Optional.of("110"), 2, true));
            Interaction otherPlatform = comment("5", BLUESKY, "110", "Et sur Bluesky ?", 4);
            Interaction otherPost = comment("6", MASTODON, "999", "Et ça, c'est quoi ?", 4);

            assertThat(List.of(direct, deeper, deeperUnknownRoot, otherPlatform, otherPost))
                    .extracting(collector::offer)
                    .containsExactly(Outcome.COLLECTED, Outcome.COLLECTED, Outcome.COLLECTED,
                            Outcome.NOT_ABOUT_THE_EVENT, Outcome.NOT_ABOUT_THE_EVENT);
            assertThat(collector.question("mastodon:2").orElseThrow().matchedBy()).containsExactly(Question.Match.REPLY);
        }

        @Test
        @DisplayName("records both reasons when a reply also carries the hashtag")
        void both() {
            collector.trackPublished(PostRef.of(Platform.MASTODON, "110"));

            collector.offer(comment("2", MASTODON, "110", "#CafeLumiereLive combien ça coûte", 3));

            assertThat(collector.question("mastodon:2").orElseThrow().matchedBy())
                    .containsExactlyInAnyOrder(Question.Match.HASHTAG, Question.Match.REPLY);
        }
    }

    @Nested
    @DisplayName("keeps only what looks like a question")
    class LooksLikeAQuestion {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {
                "#CafeLumiereLive c'est dispo en boutique ?",
                "#CafeLumiereLive ¿hay versión sin lactosa",
                "#CafeLumiereLive Qui présente le live",
                "#CafeLumiereLive quand est-ce que ça sort",
                "#CafeLumiereLive Comment on fait le sirop de lavande",
                "#CafeLumiereLive pourquoi la lavande",
                "#CafeLumiereLive Est-ce que c'est vegan",
                "#CafeLumiereLive Combien de calories",
                "#CafeLumiereLive où l'acheter",
                "#CafeLumiereLive Qu'est-ce qu'il y a dedans",
                "#CafeLumiereLive Quel prix",
                "#CafeLumiereLive Y a-t-il une version glacée",
                "#CafeLumiereLive Peut-on le commander en ligne",
                "@cafe_lumiere #CafeLumiereLive who makes the syrup",
                "#CafeLumiereLive What's in it",
                "#CafeLumiereLive When does it ship",
                "#CafeLumiereLive Where can I buy it",
                "#CafeLumiereLive why lavender",
                "#CafeLumiereLive How much is it",
                "#CafeLumiereLive can I get it decaf",
                "#CafeLumiereLive Could you show the foam again",
                "#CafeLumiereLive Is it sweet",
                "#CafeLumiereLive are the cups recyclable",
                "#CafeLumiereLive Do you ship to Belgium",
                "#CafeLumiereLive does it contain nuts",
                "#CafeLumiereLive « Comment ça marche »"})
        @DisplayName("a question mark, or an interrogative opening in French or English")
        void questions(String text) {
            assertThat(collector.offer(mention("1", text, 5))).isEqualTo(Outcome.COLLECTED);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {
                "#CafeLumiereLive Trop bien !",
                "#CafeLumiereLive Ou alors demain, je verrai",
                "#CafeLumiereLive J'adore la lavande",
                "#CafeLumiereLive Love it",
                "#CafeLumiereLive Whatever, it looks great",
                "#CafeLumiereLive Isabelle est trop forte",
                "#CafeLumiereLive Had a great time"})
        @DisplayName("and ignores the rest")
        void notQuestions(String text) {
            assertThat(collector.offer(mention("1", text, 5))).isEqualTo(Outcome.NOT_A_QUESTION);
            assertThat(collector.size()).isZero();
        }
    }

    @Nested
    @DisplayName("keeps to the event's window")
    class Window {

        @Test
        @DisplayName("by default from 30 minutes before the start to one hour after the expected end, bounds included")
        void defaults() {
            // The event lasts one hour: the window runs from T-30m to T+2h.
            assertThat(collector.offer(mention("1", "#CafeLumiereLive déjà là ?", -31))).isEqualTo(Outcome.OUTSIDE_WINDOW);
            assertThat(collector.offer(mention("2", "#CafeLumiereLive déjà là ?", -30))).isEqualTo(Outcome.COLLECTED);
            assertThat(collector.offer(mention("3", "#CafeLumiereLive replay ?", 120))).isEqualTo(Outcome.COLLECTED);
            assertThat(collector.offer(mention("4", "#CafeLumiereLive replay ?", 121))).isEqualTo(Outcome.OUTSIDE_WINDOW);
        }

        @Test
        @DisplayName("with margins of the host's choosing")
        void custom() {
            QuestionCollector strict = new QuestionCollector(launch(), new QuestionWindow(Duration.ZERO, Duration.ZERO),
                    DURING);

            assertThat(strict.offer(mention("1", "#CafeLumiereLive déjà là ?", -1))).isEqualTo(Outcome.OUTSIDE_WINDOW);
            assertThat(strict.offer(mention("2", "#CafeLumiereLive ça commence ?", 0))).isEqualTo(Outcome.COLLECTED);
            assertThat(strict.offer(mention("3", "#CafeLumiereLive fini ?", 61))).isEqualTo(Outcome.OUTSIDE_WINDOW);
        }

        @Test
        @DisplayName("and says on its clock whether the window is open")
        void isOpen() {
            assertThat(collector.isOpen()).isTrue();
            assertThat(new QuestionCollector(launch(), clockAt(START.minus(Duration.ofHours(1)))).isOpen()).isFalse();
        }
    }

    @Test
    @DisplayName("ignores what the event's own accounts wrote, such as the cue that invites questions")
    void ignoresOwnPosts() {
        Interaction ownCue = new Interaction("900", MASTODON, Interaction.Kind.MENTION, Author.of("1", "cafe_lumiere"),
                "Des questions ? #CaféLumièreLive", START, ThreadPosition.standalone(), Optional.empty(), Optional.empty());
        Interaction ownOnBluesky = new Interaction("901", BLUESKY, Interaction.Kind.MENTION,
                Author.of("did:plc:1", "CafeLumiere.bsky.social"), "Des questions ? #CaféLumièreLive", START,
                ThreadPosition.standalone(), Optional.empty(), Optional.empty());
        Interaction namesake = new Interaction("902", MASTODON, Interaction.Kind.MENTION,
                Author.of("2", "cafe_lumiere@other.example"), "Des questions ? #CaféLumièreLive", START,
                ThreadPosition.standalone(), Optional.empty(), Optional.empty());

        assertThat(collector.offer(ownCue)).isEqualTo(Outcome.FROM_THE_EVENT_ACCOUNTS);
        assertThat(collector.offer(ownOnBluesky)).isEqualTo(Outcome.FROM_THE_EVENT_ACCOUNTS);
        assertThat(collector.offer(namesake)).isEqualTo(Outcome.COLLECTED);
    }

    @Test
    @DisplayName("de-duplicates by interaction key: the first one offered is kept")
    void deduplicates() {
        Interaction first = mention("1", "#CafeLumiereLive c'est quand ?", 5);
        Interaction again = mention("1", "#CafeLumiereLive c'est quand ? (édité)", 6);
        Interaction sameIdElsewhere = interaction("1", BLUESKY, Interaction.Kind.MENTION,
                "#CafeLumiereLive c'est quand ?", 5, ThreadPosition.standalone());

        assertThat(collector.offerAll(List.of(first, again, first, sameIdElsewhere))).isEqualTo(2);
        assertThat(collector.offer(first)).isEqualTo(Outcome.DUPLICATE);
        assertThat(collector.size()).isEqualTo(2);
        assertThat(collector.question("mastodon:1").orElseThrow().interaction()).isEqualTo(first);
    }

    @Nested
    @DisplayName("lists questions")
    class Ordering {

        private final Interaction early = mention("30", "#CafeLumiereLive quand ?", 1);
        private final Interaction tieA = mention("10", "#CafeLumiereLive combien ?", 5);
        private final Interaction tieB = mention("20", "#CafeLumiereLive où ?", 5);
        private final Interaction late = mention("40", "#CafeLumiereLive pourquoi ?", 9);

        @Test
        @DisplayName("by time, oldest first, same instant by interaction key")
        void byTime() {
            collector.offerAll(List.of(late, tieB, early, tieA));

            assertThat(keys(collector.questions(QuestionOrder.byTime())))
                    .containsExactly("mastodon:30", "mastodon:10", "mastodon:20", "mastodon:40");
        }

        @Test
        @DisplayName("by engagement from a map of likes, most first, ties by time then key, unknown keys as 0")
        void byEngagementMap() {
            collector.offerAll(List.of(late, tieB, early, tieA));
            Map<String, Integer> likes = Map.of("mastodon:40", 12, "mastodon:20", 3, "mastodon:10", 3);

            assertThat(keys(collector.questions(QuestionOrder.byEngagement(likes))))
                    .containsExactly("mastodon:40", "mastodon:10", "mastodon:20", "mastodon:30");
        }

        @Test
        @DisplayName("by engagement from a score function the host computes")
        void byEngagementFunction() {
            collector.offerAll(List.of(late, tieB, early, tieA));

            assertThat(keys(collector.questions(QuestionOrder.byEngagement(i -> i.text().length()))))
                    .containsExactly("mastodon:40", "mastodon:10", "mastodon:30", "mastodon:20");
        }
    }

    @Nested
    @DisplayName("tracks answered questions")
    class Answered {

        @Test
        @DisplayName("marking one answered records the clock's instant and takes it out of the unanswered list")
        void markAnswered() {
            collector.offerAll(List.of(mention("1", "#CafeLumiereLive quand ?", 1), mention("2", "#CafeLumiereLive où ?", 2)));

            assertThat(collector.markAnswered("mastodon:1")).isTrue();

            assertThat(collector.question("mastodon:1").orElseThrow().answeredAt()).contains(DURING.instant());
            assertThat(keys(collector.unanswered(QuestionOrder.byTime()))).containsExactly("mastodon:2");
            assertThat(keys(collector.questions(QuestionOrder.byTime()))).containsExactly("mastodon:1", "mastodon:2");
        }

        @Test
        @DisplayName("marking an unknown or already answered question changes nothing and says so")
        void markUnknown() {
            collector.offer(mention("1", "#CafeLumiereLive quand ?", 1));
            collector.markAnswered("mastodon:1");

            assertThat(collector.markAnswered("mastodon:1")).isFalse();
            assertThat(collector.markAnswered("mastodon:404")).isFalse();
            assertThat(collector.question("mastodon:1").orElseThrow().answeredAt()).contains(DURING.instant());
        }
    }

    @Test
    @DisplayName("takes interactions from a poller thread while a reader lists, sorts and answers them")
    void threadSafe() throws Exception {
        int count = 2_000;
        Map<String, Integer> likes = new ConcurrentHashMap<>();
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> poller = pool.submit(() -> {
                started.countDown();
                for (int i = 0; i < count; i++) {
                    collector.offer(mention(Integer.toString(i), "#CafeLumiereLive question " + i + " ?", i % 60));
                    likes.merge("mastodon:" + (i / 2), 1, Integer::sum);
                }
            });
            Future<Integer> reader = pool.submit(() -> {
                started.await();
                int answered = 0;
                while (!poller.isDone()) {
                    List<Question> unanswered = collector.unanswered(QuestionOrder.byEngagement(likes));
                    if (!unanswered.isEmpty() && collector.markAnswered(unanswered.get(0).key())) {
                        answered++;
                    }
                }
                return answered;
            });
            poller.get(30, TimeUnit.SECONDS);
            int answered = reader.get(30, TimeUnit.SECONDS);

            List<Question> all = collector.questions(QuestionOrder.byTime());
            assertThat(all).hasSize(count);
            assertThat(keys(all)).doesNotHaveDuplicates();
            assertThat(all.stream().filter(Question::isAnswered).count()).isEqualTo(answered);
            assertThat(new ArrayList<>(collector.unanswered(QuestionOrder.byTime()))).hasSize(count - answered);
        } finally {
            pool.shutdownNow();
        }
    }
}
