package io.cmkit.listening.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.cmkit.core.inbox.Inbox;
import io.cmkit.core.inbox.InboxStore;
import io.cmkit.core.inbox.PollReport;
import io.cmkit.core.inbox.WatchedPost;
import io.cmkit.core.inbox.WatchedPosts;
import io.cmkit.core.inbox.jdbc.JdbcInboxStore;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.testing.FakeFeeds;
import io.cmkit.listening.alert.Alert;
import io.cmkit.listening.alert.AlertKind;
import io.cmkit.listening.alert.Evidence;
import io.cmkit.listening.alert.Listening;
import io.cmkit.listening.alert.MatchedQuery;
import io.cmkit.listening.alert.SeriesKey;
import io.cmkit.listening.alert.SpikeConfig;
import io.cmkit.listening.monitor.Monitor;
import io.cmkit.listening.query.QuerySyntaxException;
import io.cmkit.listening.sentiment.SentimentLabel;
import io.cmkit.listening.sentiment.SentimentLanguage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Listening as an inbox handler")
class ListeningInteractionHandlerTest {

    /** A Monday at midnight UTC. */
    static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
    static final Account CAFE = new Account(Platform.MASTODON, "cafe_lumiere@mastodon.social");
    static final SeriesKey BRAND_VOLUME = new SeriesKey(SeriesKey.Scope.BRAND, "cafe-lumiere", SeriesKey.Measure.VOLUME);
    static final SeriesKey BRAND_NEGATIVE = new SeriesKey(SeriesKey.Scope.BRAND, "cafe-lumiere", SeriesKey.Measure.NEGATIVE);

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = MONDAY;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final TestClock clock = new TestClock();
    final FakeFeeds mastodon = new FakeFeeds(CAFE).idPrefix("").language(Locale.FRENCH);
    final List<Alert> alerts = new ArrayList<>();
    final List<TaggedInteraction> tagged = new ArrayList<>();
    final List<ListeningInteractionHandler> opened = new ArrayList<>();

    @AfterEach
    void closeHandlers() {
        opened.forEach(ListeningInteractionHandler::close);
    }

    /** The brand's and a competitor's queries, alerts and tags recorded. */
    ListeningInteractionHandler.Builder handlerBuilder() {
        return ListeningInteractionHandler.builder(clock)
                .brandQuery("q-cafe", "cafe-lumiere", "\"cafe lumiere\" OR @cafe_lumiere OR #cafelumiere")
                .competitorQuery("q-rival", "brulerie", "brulerie OR #brulerie")
                .sink(alerts::add)
                .onTagged(tagged::add);
    }

    ListeningInteractionHandler handler() {
        return open(handlerBuilder().build());
    }

    ListeningInteractionHandler open(ListeningInteractionHandler handler) {
        opened.add(handler);
        return handler;
    }

    Inbox inbox(InboxStore store, ListeningInteractionHandler handler) {
        return Inbox.builder().account(mastodon).store(store).handler(handler).clock(clock).build();
    }

    @Nested
    @DisplayName("tags")
    class Tags {

        @Test
        @DisplayName("as docs/listening-alerts.md shows it: wired into an inbox, it tags and scores each mention")
        void documented() {
            List<String> alertSummaries = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            mastodon.mention("ana", "Merci @cafe_lumiere, génial !", MONDAY, Locale.FRENCH);
            mastodon.mention("bob", "La brûlerie, c'est une arnaque", MONDAY, Locale.FRENCH);

            // --- docs/listening-alerts.md: Plugging listening into the inbox ---
            ListeningInteractionHandler listening = ListeningInteractionHandler.builder(clock)
                    .brandQuery("q-cafe", "cafe-lumiere", "\"cafe lumiere\" OR @cafe_lumiere OR #cafelumiere")
                    .competitorQuery("q-rival", "brulerie", "brulerie OR #brulerie")
                    .spikes(SpikeConfig.defaults().withZone(ZoneId.of("Europe/Paris")))
                    .sink(alert -> alertSummaries.add(alert.summary()))     // AlertSink: chat, email, webhook...
                    .onTagged(mention -> tags.add(mention.summary()))        // what it tagged, for the host's screens
                    .build();
            Inbox inbox = Inbox.builder()
                    .account(mastodon)                                       // connectors with a MentionFeed
                    .store(InboxStore.inMemory())                            // or JdbcInboxStore: cursors survive restarts
                    .handler(listening)
                    .clock(clock)
                    .build();
            inbox.getEventPublisher().onPolled(polled -> listening.listening().advance()); // quiet hours count as zero
            inbox.poll();                                                    // from the host's timer
            // --- end ---
            listening.close();

            assertThat(tags).hasSize(2);
            assertThat(tags.get(0)).matches("mastodon:m1 POSITIVE \\+0\\.\\d\\d q-cafe\\[@cafe_lumiere\\]");
            assertThat(tags.get(1)).matches("mastodon:m2 NEGATIVE -0\\.\\d\\d q-rival\\[brulerie\\]");
            assertThat(alertSummaries).isEmpty();
        }

        @Test
        @DisplayName("each mention the inbox collects with the queries it matched, their terms, and its sentiment")
        void mentions() {
            ListeningInteractionHandler handler = handler();
            Inbox inbox = inbox(InboxStore.inMemory(), handler);
            mastodon.mention("ana", "Merci @cafe_lumiere, le meilleur café de Lyon, génial !", MONDAY, Locale.FRENCH);
            mastodon.mention("bob", "La Brûlerie m'a vraiment déçu, service nul", MONDAY, null);
            mastodon.mention("cy", "Rainy day in Lyon", MONDAY, Locale.ENGLISH);

            PollReport report = inbox.poll();

            assertThat(report.fresh()).isEqualTo(3);
            assertThat(tagged).extracting(t -> t.interaction().id(), t -> t.matchedQueries(), t -> t.sentiment().label())
                    .containsExactly(
                            tuple("m1", List.of(MatchedQuery.own("q-cafe", "cafe-lumiere", List.of("@cafe_lumiere"))),
                                    SentimentLabel.POSITIVE),
                            tuple("m2", List.of(MatchedQuery.competitor("q-rival", "brulerie", List.of("brulerie"))),
                                    SentimentLabel.NEGATIVE),
                            tuple("m3", List.of(), SentimentLabel.NEUTRAL));
            // The interaction's language when it has one; guessed from the words otherwise.
            assertThat(tagged).extracting(t -> t.sentiment().language())
                    .containsExactly(SentimentLanguage.FRENCH, SentimentLanguage.FRENCH, SentimentLanguage.ENGLISH);
            // Where the terms are, for a host that highlights them.
            assertThat(tagged.get(1).matches().get(0).terms().get(0).text()).isEqualTo("Brûlerie");
            assertThat(tagged.get(1).owners()).containsExactly("brulerie");
            assertThat(tagged.get(0).summary()).startsWith("mastodon:m1 POSITIVE +0.").endsWith("q-cafe[@cafe_lumiere]");
            // Counted into the brand's and the competitor's series.
            assertThat(handler.listening().openCount(BRAND_VOLUME)).contains(1L);
            assertThat(handler.listening().openCount(BRAND_NEGATIVE)).contains(0L);
            assertThat(handler.listening().openCount(
                    new SeriesKey(SeriesKey.Scope.COMPETITOR, "brulerie", SeriesKey.Measure.VOLUME))).contains(1L);
            assertThat(alerts).isEmpty();
        }

        @Test
        @DisplayName("comments under the brand's posts only when asked")
        void comments() {
            WatchedPosts post = WatchedPosts.of(List.of(new WatchedPost(CAFE, PostRef.of(Platform.MASTODON, "p1"), MONDAY)));
            mastodon.comment("p1", "dan", "Café Lumière, c'est une arnaque", MONDAY);
            mastodon.mention("eve", "Vu au Café Lumière ce matin", MONDAY, Locale.FRENCH);

            ListeningInteractionHandler mentionsOnly = handler();
            Inbox.builder().account(mastodon).watchedPosts(post).handler(mentionsOnly).clock(clock).build().poll();
            assertThat(tagged).extracting(t -> t.interaction().kind()).containsExactly(Interaction.Kind.MENTION);
            assertThat(mentionsOnly.kinds()).isEqualTo(ListeningInteractionHandler.DEFAULT_KINDS);

            tagged.clear();
            ListeningInteractionHandler withComments = open(handlerBuilder()
                    .kinds(Set.of(Interaction.Kind.MENTION, Interaction.Kind.COMMENT, Interaction.Kind.REPLY)).build());
            Inbox.builder().account(mastodon).watchedPosts(post).handler(withComments).clock(clock).build().poll();
            assertThat(tagged).extracting(t -> t.interaction().kind(), t -> t.sentiment().label())
                    .containsExactlyInAnyOrder(tuple(Interaction.Kind.MENTION, SentimentLabel.NEUTRAL),
                            tuple(Interaction.Kind.COMMENT, SentimentLabel.NEGATIVE));
            assertThat(withComments.listening().openCount(BRAND_NEGATIVE)).contains(1L);
        }
    }

    @Nested
    @DisplayName("counts each interaction once")
    class Once {

        @Test
        @DisplayName("a page handed over again after its commit failed is skipped, not counted twice")
        void pageReadAgain() {
            FlakyStore store = new FlakyStore();
            ListeningInteractionHandler handler = handler();
            Inbox inbox = inbox(store, handler);
            for (int i = 0; i < 4; i++) {
                mastodon.mention("fan" + i, "Café Lumière " + i, MONDAY, Locale.FRENCH);
            }
            inbox.poll(); // pages [m1 m2] [m3 m4], then an empty page
            mastodon.mention("fan4", "Café Lumière 4", MONDAY, Locale.FRENCH);
            mastodon.mention("fan5", "Café Lumière 5", MONDAY, Locale.FRENCH);
            store.failNextCommit = true;

            assertThatThrownBy(inbox::poll).hasMessageContaining("connection to the inbox database lost");
            assertThat(handler.listening().openCount(BRAND_VOLUME)).contains(6L);
            PollReport again = inbox.poll(); // the page [m5 m6] is read and handed over again

            assertThat(again.fresh()).isEqualTo(2);
            assertThat(store.failedCommits).isEqualTo(1);
            assertThat(handler.duplicatesSkipped()).isEqualTo(2);
            assertThat(handler.listening().openCount(BRAND_VOLUME)).contains(6L);
            assertThat(tagged).extracting(t -> t.interaction().id()).containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
            assertThat(mastodon.reads()).containsExactly("mentions@start", "mentions@2", "mentions@4",
                    "mentions@4", "mentions@4", "mentions@6");
        }

        @Test
        @DisplayName("by platform key: one post naming two of the brand's accounts is one mention")
        void twoAccounts() {
            ListeningInteractionHandler handler = handler();
            Account support = new Account(Platform.MASTODON, "cafe_support@mastodon.social");
            Interaction toBrand = mention(CAFE, "42", "@cafe_lumiere @cafe_support mon café est froid");
            Interaction toSupport = new Interaction("42", support, Interaction.Kind.MENTION, toBrand.author(), toBrand.text(),
                    MONDAY, ThreadPosition.standalone(), Optional.of(Locale.FRENCH), Optional.empty());

            assertThat(handler.accept(toBrand)).isPresent();
            assertThat(handler.accept(toSupport)).isEmpty();
            assertThat(handler.accept(toBrand)).isEmpty();
            // The same id on another platform is another post.
            assertThat(handler.accept(mention(new Account(Platform.BLUESKY, "cafe.bsky.social"), "42", "@cafe_lumiere ok")))
                    .isPresent();

            assertThat(handler.duplicatesSkipped()).isEqualTo(2);
            assertThat(handler.listening().openCount(BRAND_VOLUME)).contains(2L);
        }

        @Test
        @DisplayName("a listener that throws is logged: the inbox does not hand the mention over again")
        void failingListener() {
            ListeningInteractionHandler handler = handler().onTagged(t -> {
                throw new IllegalStateException("the dashboard is down");
            });
            Inbox inbox = inbox(InboxStore.inMemory(), handler);
            mastodon.mention("ana", "Café Lumière", MONDAY, Locale.FRENCH);

            PollReport first = inbox.poll();
            PollReport second = inbox.poll();

            assertThat(first.handlerFailures()).isZero();
            assertThat(second.retried()).isZero();
            assertThat(tagged).hasSize(1); // the builder's listener still heard it
            assertThat(handler.listening().openCount(BRAND_VOLUME)).contains(1L);
        }

        @Test
        @DisplayName("remembers the last keys it counted, as many as asked")
        void bounded() {
            ListeningInteractionHandler handler = open(handlerBuilder().rememberLast(2).build());
            Interaction first = mention(CAFE, "1", "Café Lumière");
            handler.accept(first);
            handler.accept(mention(CAFE, "2", "Café Lumière"));
            assertThat(handler.accept(first)).isEmpty();
            handler.accept(mention(CAFE, "3", "Café Lumière"));

            assertThat(handler.accept(first)).isPresent(); // forgotten: the two last were 2 and 3
            assertThat(handler.listening().openCount(BRAND_VOLUME)).contains(4L);
        }

        Interaction mention(Account account, String id, String text) {
            return new Interaction(id, account, Interaction.Kind.MENTION, Author.of("id-zoe", "zoe"), text, MONDAY,
                    ThreadPosition.standalone(), Optional.of(Locale.FRENCH), Optional.empty());
        }
    }

    @Nested
    @DisplayName("across restarts")
    class Restarts {

        @Test
        @DisplayName("a second inbox on the same store resumes from the stored cursor and hands over nothing twice")
        void resumes() {
            InboxStore store = InboxStore.inMemory();
            for (int i = 0; i < 5; i++) {
                mastodon.mention("fan" + i, "#CafeLumiere matin " + i, MONDAY, Locale.FRENCH);
            }
            ListeningInteractionHandler before = handler();
            inbox(store, before).poll();
            assertThat(tagged).hasSize(5);

            for (int i = 5; i < 8; i++) {
                mastodon.mention("fan" + i, "#CafeLumiere soir " + i, MONDAY.plus(Duration.ofHours(1)), Locale.FRENCH);
            }
            clock.now = MONDAY.plus(Duration.ofHours(2));
            int readsBefore = mastodon.reads().size();
            tagged.clear();
            ListeningInteractionHandler after = handler(); // a new process: new series, nothing remembered
            Inbox restarted = inbox(store, after);

            PollReport first = restarted.poll();
            PollReport second = restarted.poll();

            assertThat(mastodon.reads().subList(readsBefore, mastodon.reads().size()))
                    .containsExactly("mentions@5", "mentions@7", "mentions@8", "mentions@8");
            assertThat(first.fresh()).isEqualTo(3);
            assertThat(second.fresh()).isZero();
            assertThat(tagged).extracting(t -> t.interaction().id()).containsExactly("m6", "m7", "m8");
            assertThat(tagged).allSatisfy(t -> assertThat(t.matchedQueries()).extracting(MatchedQuery::terms)
                    .containsExactly(List.of("#cafelumiere")));
            assertThat(after.duplicatesSkipped()).isZero();
            assertThat(after.listening().openCount(BRAND_VOLUME)).contains(3L);
        }
        @Test
        @DisplayName("on an H2 file, a restarted process resumes the mention feed where the last one committed")
        void resumesOnDisk(@TempDir Path dir) {
            Path file = dir.resolve("inbox");
            for (int i = 0; i < 3; i++) {
                mastodon.mention("fan" + i, "Café Lumière " + i, MONDAY, Locale.FRENCH);
            }
            try (JdbcInboxStore store = JdbcInboxStore.h2File(file)) {
                assertThat(inbox(store, handler()).poll().fresh()).isEqualTo(3);
            }
            mastodon.mention("fan3", "Café Lumière, c'est nul", MONDAY, Locale.FRENCH);
            tagged.clear();

            ListeningInteractionHandler restarted = handler();
            try (JdbcInboxStore store = JdbcInboxStore.h2File(file)) {
                Inbox inbox = inbox(store, restarted);
                assertThat(inbox.poll().fresh()).isEqualTo(1);
                assertThat(inbox.poll().fresh()).isZero();
            }
            assertThat(tagged).extracting(t -> t.interaction().id(), t -> t.sentiment().label())
                    .containsExactly(tuple("m4", SentimentLabel.NEGATIVE));
            assertThat(restarted.listening().openCount(BRAND_NEGATIVE)).contains(1L);
        }
    }

    @Nested
    @DisplayName("bad buzz, end to end")
    class BadBuzz {

        @Test
        @DisplayName("a burst of negative mentions through the inbox raises one bad-buzz alert per series, with evidence, even when handed over twice")
        void burst() {
            FlakyStore store = new FlakyStore();
            mastodon.pageSize(10);
            ListeningInteractionHandler handler = handler();
            Inbox inbox = inbox(store, handler);
            inbox.getEventPublisher().onPolled(polled -> handler.listening().advance());

            // Four quiet days: four neutral mentions an hour, polled at the end of each hour.
            for (int hour = 0; hour < 4 * 24; hour++) {
                Instant start = MONDAY.plus(Duration.ofHours(hour));
                for (int i = 0; i < 4; i++) {
                    mastodon.mention("regular" + i, "Café Lumière ouvre à 9 heures", start.plus(Duration.ofMinutes(10 * i)),
                            Locale.FRENCH);
                }
                clock.now = start.plus(Duration.ofHours(1));
                inbox.poll();
            }
            assertThat(alerts).isEmpty();
            assertThat(tagged).hasSize(4 * 4 * 24).allSatisfy(t -> assertThat(t.sentiment().label()).isNotEqualTo(SentimentLabel.NEGATIVE));

            // Friday 10:00-11:00: twenty angry mentions.
            Instant burst = MONDAY.plus(Duration.ofDays(4)).plus(Duration.ofHours(10));
            clock.now = burst.plus(Duration.ofMinutes(30));
            inbox.poll(); // the quiet hours 0-10 on Friday
            for (int i = 0; i < 20; i++) {
                mastodon.mention("angry" + i, "Café Lumière, c'est une arnaque ! Honte à vous", burst.plus(Duration.ofMinutes(31 + i)),
                        Locale.FRENCH);
            }
            clock.now = burst.plus(Duration.ofMinutes(55));
            store.failNextCommit = true; // the first page of the burst is handed over again
            assertThatThrownBy(inbox::poll).hasMessageContaining("connection to the inbox database lost");
            inbox.poll();
            assertThat(handler.duplicatesSkipped()).isEqualTo(10);
            assertThat(handler.listening().openCount(BRAND_NEGATIVE)).contains(20L);
            // More of it in the next hour, within the cooldown.
            for (int i = 0; i < 20; i++) {
                mastodon.mention("angry" + (20 + i), "Café Lumière, honte à vous", burst.plus(Duration.ofMinutes(61 + i)),
                        Locale.FRENCH);
            }
            clock.now = burst.plus(Duration.ofHours(2));
            inbox.poll();

            List<Alert> badBuzz = alerts.stream().filter(a -> a.kind() == AlertKind.BAD_BUZZ).toList();
            assertThat(badBuzz).extracting(a -> a.series().toString(), a -> a.spike().observed(), a -> a.spike().bucketStart())
                    .containsExactly(tuple("brand:cafe-lumiere:negative", 10L, burst)); // the query's is grouped under it
            assertThat(handler.duplicatesSkipped()).isEqualTo(10);
            Alert brand = badBuzz.stream().filter(a -> a.series().equals(BRAND_NEGATIVE)).findFirst().orElseThrow();
            assertThat(brand.spike().baseline()).isZero();
            assertThat(brand.evidence().topMentions()).hasSize(5)
                    .allSatisfy(m -> assertThat(m.sentimentScore()).isNegative())
                    .extracting(Evidence.MentionSummary::authorHandle).allSatisfy(h -> assertThat(h).startsWith("angry"));
            assertThat(brand.evidence().topTerms()).extracting(Evidence.TermCount::term).contains("\"cafe lumiere\"", "arnaque", "honte");
            assertThat(brand.evidence().topTerms()).allSatisfy(t -> assertThat(t.count()).isEqualTo(10));
            // What the sinks received is what the tagged mentions say they raised.
            assertThat(tagged.stream().flatMap(t -> t.alerts().stream()).toList()).isEqualTo(alerts);
            assertThat(tagged.stream().filter(t -> !t.alerts().isEmpty()).map(t -> t.interaction().author().handle()).distinct())
                    .allSatisfy(h -> assertThat(h).startsWith("angry"));
        }
    }

    @Nested
    @DisplayName("is built")
    class Built {

        @Test
        @DisplayName("a saved query that cannot be read names its id, its owner and the column")
        void badQuery() {
            assertThatThrownBy(() -> ListeningInteractionHandler.builder(clock).competitorQuery("q-rival", "brulerie", "brulerie AND (arnaque"))
                    .isInstanceOf(QuerySyntaxException.class)
                    .hasMessageStartingWith("saved query 'q-rival' (competitor brulerie): ")
                    .satisfies(e -> assertThat(((QuerySyntaxException) e).column()).isEqualTo(14))
                    .satisfies(e -> assertThat(((QuerySyntaxException) e).token()).isEqualTo("("));
        }

        @Test
        @DisplayName("an existing Listening keeps its own sinks: giving more here is refused")
        void existingListening() {
            Listening listening = Listening.builder(clock).sink(alerts::add).build();
            assertThatThrownBy(() -> ListeningInteractionHandler.builder(clock).listening(listening).sink(a -> { }).spikes(
                    SpikeConfig.defaults()).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("listening(...) was given an existing Listening, so [sink, spikes] cannot be set here:"
                            + " set them on that Listening's builder");

            try (Monitor monitor = Monitor.create()) {
                ListeningInteractionHandler handler = ListeningInteractionHandler.builder(clock).listening(listening)
                        .monitor(monitor).brandQuery("q-cafe", "cafe-lumiere", "\"cafe lumiere\"").name("listening-fr").build();
                handler.close(); // the host's monitor stays open
                assertThat(handler.name()).isEqualTo("listening-fr");
                assertThat(handler.listening()).isSameAs(listening);
                assertThat(monitor.size()).isEqualTo(1);
                assertThat(monitor.match(io.cmkit.listening.monitor.Mention.text("Café Lumière"))).hasSize(1);
            }
        }

        @Test
        @DisplayName("bad options say which and what was given")
        void badOptions() {
            ListeningInteractionHandler.Builder builder = ListeningInteractionHandler.builder(clock);
            assertThatThrownBy(() -> builder.rememberLast(0)).hasMessage("rememberLast must be at least 1, got 0");
            assertThatThrownBy(() -> builder.kinds(Set.of())).hasMessage("kinds must name at least one interaction kind to listen to");
            assertThatThrownBy(() -> builder.name(" ")).hasMessage("handler name must not be blank");
        }
    }
}
