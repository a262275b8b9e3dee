package io.cmkit.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.inbox.event.DeliveryAbandoned;
import io.cmkit.core.inbox.event.FeedFailed;
import io.cmkit.core.inbox.event.HandlerFailed;
import io.cmkit.core.inbox.event.InboxEvent;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.AuthenticationException;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.RateLimitedException;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.TransientException;
import io.cmkit.core.testing.FakeFeeds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The inbox")
class InboxTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final Account MASTODON = new Account(Platform.MASTODON, "cafe@mastodon.social");
    static final Account BLUESKY = new Account(Platform.BLUESKY, "cafe.bsky.social");

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Records what it is given; fails while {@link #failing} is set. */
    static final class Recorder implements InteractionHandler {
        final String name;
        final List<String> got = new ArrayList<>();
        final List<Delivery> deliveries = new ArrayList<>();
        boolean failing;

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void handle(Interaction interaction, Delivery delivery) {
            if (failing) {
                throw new IllegalStateException(name + " is down");
            }
            got.add(interaction.id());
            deliveries.add(delivery);
        }
    }

    final TestClock clock = new TestClock();
    final FakeFeeds mastodon = new FakeFeeds(MASTODON);
    final FakeFeeds bluesky = new FakeFeeds(BLUESKY);
    final Recorder moderation = new Recorder("moderation");
    final Recorder listening = new Recorder("listening");
    final List<InboxEvent> events = new ArrayList<>();

    Inbox inbox(InboxStore store, WatchedPosts posts) {
        Inbox inbox = Inbox.builder().account(mastodon).account(bluesky).store(store).watchedPosts(posts)
                .handler(moderation).handler(listening).clock(clock)
                .options(InboxOptions.custom().maxDeliveryAttempts(3).build()).build();
        inbox.getEventPublisher().onEvent(events::add);
        return inbox;
    }

    Inbox inbox() {
        return inbox(InboxStore.inMemory(), WatchedPosts.none());
    }

    static FeedReport report(PollReport r, FeedKey feed) {
        return r.feeds().stream().filter(f -> f.feed().equals(feed)).findFirst().orElseThrow();
    }

    @Nested
    @DisplayName("collects")
    class Collects {

        @Test
        @DisplayName("every new mention reaches every handler once, across pages and polls")
        void mentionsOnce() {
            Inbox inbox = inbox();
            for (int i = 0; i < 5; i++) {
                mastodon.mention("fan" + i, "hello " + i, T0);
            }
            PollReport first = inbox.poll();
            mastodon.mention("late", "still there?", T0.plusSeconds(60));
            PollReport second = inbox.poll();
            inbox.poll();

            assertThat(moderation.got).containsExactly("cafe@mastodon.social-m1", "cafe@mastodon.social-m2",
                    "cafe@mastodon.social-m3", "cafe@mastodon.social-m4", "cafe@mastodon.social-m5", "cafe@mastodon.social-m6");
            assertThat(listening.got).isEqualTo(moderation.got);
            FeedReport r = report(first, FeedKey.mentions(MASTODON));
            assertThat(r.outcome()).isEqualTo(FeedReport.Outcome.POLLED);
            assertThat(r.fetched()).isEqualTo(5);
            assertThat(r.fresh()).isEqualTo(5);
            assertThat(r.pages()).isEqualTo(4); // 2 + 2 + 1, then an empty page says nothing is newer
            assertThat(report(second, FeedKey.mentions(MASTODON)).fresh()).isEqualTo(1);
            assertThat(moderation.deliveries.get(0).connector()).isSameAs(mastodon);
            assertThat(moderation.deliveries.get(0).attempt()).isEqualTo(1);
        }

        @Test
        @DisplayName("comments are read for the watched posts of each account while they are in their watch window")
        void commentsInWindow() {
            WatchedPosts posts = WatchedPosts.of(List.of(
                    new WatchedPost(MASTODON, PostRef.of(Platform.MASTODON, "p-new"), T0.minus(Duration.ofDays(1))),
                    new WatchedPost(MASTODON, PostRef.of(Platform.MASTODON, "p-old"), T0.minus(Duration.ofDays(8)))));
            Inbox inbox = inbox(InboxStore.inMemory(), posts);
            mastodon.comment("p-new", "a", "love it", T0);
            mastodon.comment("p-old", "b", "old news", T0);

            PollReport report = inbox.poll();

            assertThat(moderation.got).containsExactly("cafe@mastodon.social-c1");
            assertThat(report.feeds()).extracting(FeedReport::feed).containsExactly(FeedKey.mentions(MASTODON),
                    FeedKey.comments(MASTODON, "p-new"), FeedKey.mentions(BLUESKY));
            assertThat(mastodon.reads()).noneMatch(r -> r.startsWith("comments:p-old"));
        }

        @Test
        @DisplayName("a page read again (a cursor the platform forgot) never reaches a handler twice")
        void rereadPage() {
            Inbox inbox = inbox();
            mastodon.forgetCursors();
            mastodon.pageSize(10);
            mastodon.mention("a", "one", T0);
            mastodon.mention("b", "two", T0);
            inbox.poll();
            mastodon.mention("c", "three", T0);

            PollReport again = inbox.poll();

            assertThat(moderation.got).containsExactly("cafe@mastodon.social-m1", "cafe@mastodon.social-m2",
                    "cafe@mastodon.social-m3");
            FeedReport r = report(again, FeedKey.mentions(MASTODON));
            // The fake serves everything each time: 2 seen again, then 3 when the cursor stops moving.
            assertThat(r.duplicates()).isEqualTo(5);
            assertThat(r.fresh()).isEqualTo(1);
        }

        @Test
        @DisplayName("an interaction met twice in one read, or in two feeds of the account, is handed over once")
        void sameInTwoFeeds() {
            WatchedPosts posts = WatchedPosts.of(List.of(new WatchedPost(MASTODON, PostRef.of(Platform.MASTODON, "p1"), T0)));
            Inbox inbox = inbox(InboxStore.inMemory(), posts);
            Interaction reply = mastodon.comment("p1", "fan", "@cafe great", T0);
            mastodon.addMention(reply);
            mastodon.addMention(reply);

            PollReport report = inbox.poll();

            assertThat(moderation.got).containsExactly(reply.id());
            assertThat(report.duplicates()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("meets faults")
    class Faults {

        @Test
        @DisplayName("a rate limit makes that feed wait until the reset, then it resumes where it stopped")
        void rateLimited() {
            Inbox inbox = inbox();
            mastodon.mention("a", "one", T0);
            mastodon.mention("b", "two", T0);
            mastodon.mention("c", "three", T0);
            bluesky.mention("d", "four", T0);
            mastodon.pageSize(2);
            inbox.poll(); // everything so far
            mastodon.mention("e", "five", T0);
            Instant reset = T0.plus(Duration.ofMinutes(15));
            mastodon.failNext(new RateLimitedException(Platform.MASTODON, reset, Optional.of("Too many requests")));
            bluesky.mention("f", "six", T0);

            PollReport limited = inbox.poll();
            clock.advance(Duration.ofMinutes(5));
            PollReport waiting = inbox.poll();
            clock.advance(Duration.ofMinutes(10));
            PollReport resumed = inbox.poll();

            FeedReport l = report(limited, FeedKey.mentions(MASTODON));
            assertThat(l.outcome()).isEqualTo(FeedReport.Outcome.RATE_LIMITED);
            assertThat(l.waitUntil()).contains(reset);
            assertThat(report(limited, FeedKey.mentions(BLUESKY)).fresh()).isEqualTo(1);
            assertThat(report(waiting, FeedKey.mentions(MASTODON)).outcome()).isEqualTo(FeedReport.Outcome.WAITING);
            assertThat(waiting.failures()).isEmpty();
            assertThat(report(resumed, FeedKey.mentions(MASTODON)).fresh()).isEqualTo(1);
            assertThat(moderation.got).containsExactlyInAnyOrder("cafe@mastodon.social-m1", "cafe@mastodon.social-m2",
                    "cafe@mastodon.social-m3", "cafe.bsky.social-m1", "cafe@mastodon.social-m4", "cafe.bsky.social-m2");
            // 3 reads to the empty page, the limited one, none while waiting, then on from the kept cursor.
            assertThat(mastodon.reads()).containsExactly("mentions@start", "mentions@2", "mentions@3", "mentions@3",
                    "mentions@3", "mentions@4");
        }

        @Test
        @DisplayName("a transient failure leaves the cursor where it was; the next poll takes the page")
        void transientFailure() {
            Inbox inbox = inbox();
            mastodon.mention("a", "one", T0);
            mastodon.mention("b", "two", T0);
            mastodon.mention("c", "three", T0);
            mastodon.failNext(new TransientException(Platform.MASTODON, "read timed out", Optional.empty(), null));

            PollReport failed = inbox.poll();
            PollReport next = inbox.poll();

            FeedReport f = report(failed, FeedKey.mentions(MASTODON));
            assertThat(f.outcome()).isEqualTo(FeedReport.Outcome.TRANSIENT_FAILURE);
            assertThat(f.error()).hasValueSatisfying(e -> assertThat(e).contains("read timed out"));
            assertThat(report(next, FeedKey.mentions(MASTODON)).fresh()).isEqualTo(3);
            assertThat(moderation.got).hasSize(3);
            assertThat(mastodon.reads()).startsWith("mentions@start", "mentions@start");
        }

        @Test
        @DisplayName("refused credentials on one account are reported as an event, and the other accounts go on")
        void authentication() {
            Inbox inbox = inbox();
            mastodon.mention("a", "one", T0);
            bluesky.mention("b", "two", T0);
            mastodon.failNext(new AuthenticationException(Platform.MASTODON, "token revoked", Optional.of("invalid_token")));

            PollReport report = inbox.poll();

            assertThat(report.failures()).extracting(FeedReport::outcome).containsExactly(FeedReport.Outcome.AUTHENTICATION_FAILED);
            assertThat(events).filteredOn(FeedFailed.class::isInstance).singleElement()
                    .satisfies(e -> {
                        FeedFailed f = (FeedFailed) e;
                        assertThat(f.feed()).isEqualTo(FeedKey.mentions(MASTODON));
                        assertThat(f.error()).isInstanceOf(AuthenticationException.class).hasMessageContaining("invalid_token");
                    });
            assertThat(moderation.got).containsExactly("cafe.bsky.social-m1");
        }

        @Test
        @DisplayName("a rejected read is reported with the platform's reason")
        void rejected() {
            WatchedPosts posts = WatchedPosts.of(List.of(new WatchedPost(MASTODON, PostRef.of(Platform.MASTODON, "gone"), T0)));
            Inbox inbox = inbox(InboxStore.inMemory(), posts);
            mastodon.failNext(new TransientException(Platform.MASTODON, "502", Optional.empty(), null));
            mastodon.failNext(new RejectedException(Platform.MASTODON, "Record not found", Optional.of("404")));

            PollReport report = inbox.poll();

            assertThat(report(report, FeedKey.comments(MASTODON, "gone")).outcome()).isEqualTo(FeedReport.Outcome.REJECTED);
            assertThat(report(report, FeedKey.comments(MASTODON, "gone")).error())
                    .hasValueSatisfying(e -> assertThat(e).contains("Record not found"));
        }
    }

    @Nested
    @DisplayName("when a handler fails")
    class HandlerFailures {

        @Test
        @DisplayName("the other handlers still get the interaction, and the failed one gets it again next poll")
        void retried() {
            Inbox inbox = inbox();
            moderation.failing = true;
            mastodon.mention("a", "one", T0);

            PollReport first = inbox.poll();
            assertThat(listening.got).containsExactly("cafe@mastodon.social-m1");
            assertThat(moderation.got).isEmpty();
            assertThat(first.handlerFailures()).isEqualTo(1);
            assertThat(events).filteredOn(HandlerFailed.class::isInstance).hasSize(1);

            moderation.failing = false;
            PollReport second = inbox.poll();

            assertThat(moderation.got).containsExactly("cafe@mastodon.social-m1");
            assertThat(moderation.deliveries.get(0).attempt()).isEqualTo(2);
            assertThat(listening.got).containsExactly("cafe@mastodon.social-m1");
            assertThat(second.retried()).isEqualTo(1);
            assertThat(second.recovered()).isEqualTo(1);
            assertThat(inbox.store().pending(10)).isEmpty();
        }

        @Test
        @DisplayName("after the last attempt the delivery is abandoned: reported, kept in the store, never lost silently")
        void abandoned() {
            Inbox inbox = inbox();
            moderation.failing = true;
            mastodon.mention("a", "one", T0);

            inbox.poll();
            inbox.poll();
            PollReport third = inbox.poll();
            PollReport fourth = inbox.poll();

            assertThat(third.abandoned()).isEqualTo(1);
            assertThat(fourth.retried()).isZero();
            assertThat(events).filteredOn(DeliveryAbandoned.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((DeliveryAbandoned) e).delivery().lastError())
                            .isEqualTo("moderation: moderation is down"));
            assertThat(inbox.store().abandoned(10)).singleElement().satisfies(p -> {
                assertThat(p.handlers()).containsExactly("moderation");
                assertThat(p.attempts()).isEqualTo(3);
                assertThat(p.interaction().id()).isEqualTo("cafe@mastodon.social-m1");
            });
            assertThat(listening.got).containsExactly("cafe@mastodon.social-m1");
        }
    }

    @Test
    @DisplayName("with a single attempt allowed, a failed delivery is abandoned at the next poll without a second try")
    void singleAttempt() {
        Inbox inbox = Inbox.builder().account(mastodon).handler(moderation).clock(clock)
                .options(InboxOptions.custom().maxDeliveryAttempts(1).build()).build();
        moderation.failing = true;
        mastodon.mention("a", "one", T0);
        inbox.poll();
        moderation.failing = false;

        PollReport next = inbox.poll();

        assertThat(next.abandoned()).isEqualTo(1);
        assertThat(next.retried()).isZero();
        assertThat(moderation.got).isEmpty();
        assertThat(inbox.store().abandoned(10)).singleElement().satisfies(p -> assertThat(p.attempts()).isEqualTo(1));
    }

    @Test
    @DisplayName("restarted on the same store, a new inbox resumes from the cursors and hands nothing over twice")
    void restart() {
        InboxStore store = InboxStore.inMemory();
        mastodon.mention("a", "one", T0);
        inbox(store, WatchedPosts.none()).poll();
        mastodon.mention("b", "two", T0);
        mastodon.forgetCursors();

        inbox(store, WatchedPosts.none()).poll();

        assertThat(moderation.got).containsExactly("cafe@mastodon.social-m1", "cafe@mastodon.social-m2");
    }

    @Test
    @DisplayName("handler names must be unique and an inbox needs a handler; bad options say which field")
    void building() {
        assertThatThrownBy(() -> Inbox.builder().handler(moderation).handler(new Recorder("moderation")))
                .hasMessage("two handlers are named 'moderation'; names must be unique");
        assertThatThrownBy(() -> Inbox.builder().account(mastodon).build()).hasMessage("an inbox needs at least one handler");
        assertThatThrownBy(() -> Inbox.builder().account(mastodon).account(new FakeFeeds(MASTODON)))
                .hasMessage("account mastodon:cafe@mastodon.social was given twice");
        assertThatThrownBy(() -> InboxOptions.custom().maxPagesPerFeed(0)).hasMessage("maxPagesPerFeed must be at least 1, got 0");
        assertThatThrownBy(() -> InboxOptions.custom().watchCommentsFor(Duration.ofDays(40)).build())
                .hasMessageContaining("seenRetention (PT720H) must be at least watchCommentsFor (PT960H)");
        Set<String> ids = new HashSet<>();
        assertThat(ids.add(FeedKey.comments(MASTODON, "p1").id())).isTrue();
        assertThat(FeedKey.comments(MASTODON, "p1").id()).isEqualTo("mastodon:cafe@mastodon.social|comments|p1");
    }
}
