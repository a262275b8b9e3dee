package io.cmkit.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.inbox.InboxStore.Taken;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.core.spi.Cursor;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InboxStore} must do. A store's test extends this class and gives a fresh,
 * empty store from {@link #newStore()}.
 */
public abstract class InboxStoreContract {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final Account ACCOUNT = new Account(Platform.MASTODON, "Cafe_Lumiere@mastodon.social");
    static final FeedKey MENTIONS = FeedKey.mentions(ACCOUNT);
    static final FeedKey COMMENTS = FeedKey.comments(ACCOUNT, "post-1");

    protected abstract InboxStore newStore();

    InboxStore store;

    @BeforeEach
    void open() {
        store = newStore();
    }

    static Interaction interaction(String id) {
        return new Interaction(id, ACCOUNT, Interaction.Kind.REPLY,
                new Author("a-" + id, "someone", Optional.of("Some One"), Optional.of(T0.minusSeconds(86_400 * 400L)),
                        OptionalLong.of(42), true),
                "Où est ma commande ? 🙄", T0.plusNanos(123_456_789),
                new ThreadPosition(Optional.of("post-1"), Optional.of("c-0"), 2, false), Optional.of(Locale.CANADA_FRENCH),
                Optional.of(URI.create("https://mastodon.social/@someone/" + id)));
    }

    static Taken ok(String id) {
        return new Taken(interaction(id), Set.of(), "");
    }

    static Taken failed(String id, String... handlers) {
        return new Taken(interaction(id), Set.of(handlers), handlers[0] + ": boom");
    }

    @Nested
    @DisplayName("cursors")
    class Cursors {

        @Test
        @DisplayName("a feed never polled has no state")
        void unknownFeed() {
            assertThat(store.feed(MENTIONS)).isEmpty();
        }

        @Test
        @DisplayName("a committed page moves the feed's cursor, and a page without a next cursor keeps it")
        void cursorMoves() {
            store.commitPage(MENTIONS, Optional.of(Cursor.of("10")), List.of(ok("m1")), T0);
            assertThat(store.feed(MENTIONS)).contains(new FeedState(MENTIONS, Optional.of(Cursor.of("10")), Optional.empty()));

            store.commitPage(MENTIONS, Optional.empty(), List.of(), T0.plusSeconds(60));
            assertThat(store.feed(MENTIONS).orElseThrow().cursor()).contains(Cursor.of("10"));
            assertThat(store.feed(COMMENTS)).isEmpty();
        }

        @Test
        @DisplayName("a rate-limited feed keeps its cursor and waits; the next committed page clears the wait")
        void waits() {
            store.waitUntil(COMMENTS, T0.plusSeconds(900));
            assertThat(store.feed(COMMENTS)).contains(new FeedState(COMMENTS, Optional.empty(), Optional.of(T0.plusSeconds(900))));

            store.commitPage(COMMENTS, Optional.of(Cursor.of("c-7")), List.of(), T0.plusSeconds(901));
            store.waitUntil(COMMENTS, T0.plusSeconds(1800));
            assertThat(store.feed(COMMENTS)).contains(
                    new FeedState(COMMENTS, Optional.of(Cursor.of("c-7")), Optional.of(T0.plusSeconds(1800))));

            store.commitPage(COMMENTS, Optional.empty(), List.of(), T0.plusSeconds(1801));
            assertThat(store.feed(COMMENTS)).contains(new FeedState(COMMENTS, Optional.of(Cursor.of("c-7")), Optional.empty()));
        }
    }

    @Nested
    @DisplayName("de-duplication")
    class Seen {

        @Test
        @DisplayName("the interactions of a committed page are seen, others are not")
        void seen() {
            store.commitPage(MENTIONS, Optional.of(Cursor.of("2")), List.of(ok("m1"), failed("m2", "listening")), T0);

            String m1 = InboxStore.deliveryKey(interaction("m1"));
            String m2 = InboxStore.deliveryKey(interaction("m2"));
            String m3 = InboxStore.deliveryKey(interaction("m3"));
            assertThat(store.seen(List.of(m1, m2, m3))).containsExactlyInAnyOrder(m1, m2);
            assertThat(store.seen(List.of())).isEmpty();
        }

        @Test
        @DisplayName("an interaction committed twice (met in two feeds) stays seen once")
        void twice() {
            store.commitPage(MENTIONS, Optional.of(Cursor.of("1")), List.of(ok("m1")), T0);
            store.commitPage(COMMENTS, Optional.of(Cursor.of("1")), List.of(ok("m1")), T0.plusSeconds(1));

            assertThat(store.seen(List.of(InboxStore.deliveryKey(interaction("m1"))))).hasSize(1);
        }

        @Test
        @DisplayName("forgetting drops old seen keys but never one still owed to a handler, and old comment cursors")
        void forget() {
            store.commitPage(MENTIONS, Optional.of(Cursor.of("2")), List.of(ok("old"), failed("owed", "moderation")), T0);
            store.commitPage(COMMENTS, Optional.of(Cursor.of("5")), List.of(), T0);
            store.commitPage(FeedKey.comments(ACCOUNT, "post-2"), Optional.of(Cursor.of("9")), List.of(ok("new")),
                    T0.plusSeconds(7200));

            int forgotten = store.forgetBefore(T0.plusSeconds(3600));

            assertThat(forgotten).isEqualTo(1);
            List<String> keys = List.of("old", "owed", "new").stream().map(id -> InboxStore.deliveryKey(interaction(id))).toList();
            assertThat(store.seen(keys)).containsExactlyInAnyOrder(keys.get(1), keys.get(2));
            assertThat(store.feed(COMMENTS)).isEmpty();
            assertThat(store.feed(MENTIONS)).isPresent();
            assertThat(store.feed(FeedKey.comments(ACCOUNT, "post-2"))).isPresent();
        }
    }

    @Nested
    @DisplayName("failed deliveries")
    class Pending {

        @Test
        @DisplayName("a delivery a handler failed is kept with the interaction, its feed, the handlers and the error")
        void kept() {
            store.commitPage(COMMENTS, Optional.of(Cursor.of("1")), List.of(failed("c1", "moderation", "crm")), T0);

            assertThat(store.pending(10)).containsExactly(new PendingDelivery(InboxStore.deliveryKey(interaction("c1")),
                    COMMENTS, interaction("c1"), Set.of("moderation", "crm"), 1, "moderation: boom", T0, false));
            assertThat(store.abandoned(10)).isEmpty();
        }

        @Test
        @DisplayName("a retry updates it, an abandoned one is listed apart, and one with no handler left is removed")
        void lifecycle() {
            store.commitPage(MENTIONS, Optional.of(Cursor.of("3")),
                    List.of(failed("a", "crm"), failed("b", "crm", "moderation")), T0);
            store.commitPage(MENTIONS, Optional.of(Cursor.of("4")), List.of(failed("c", "crm")), T0.plusSeconds(5));
            List<PendingDelivery> before = store.pending(10);
            assertThat(before).extracting(p -> p.interaction().id()).containsExactly("a", "b", "c");
            assertThat(store.pending(2)).hasSize(2);

            PendingDelivery a = before.get(0);
            store.updatePending(new PendingDelivery(a.deliveryKey(), a.feed(), a.interaction(), Set.of(), 2, a.lastError(),
                    a.firstFailedAt(), false));
            PendingDelivery b = before.get(1);
            store.updatePending(new PendingDelivery(b.deliveryKey(), b.feed(), b.interaction(), Set.of("crm"), 2,
                    "crm: still down", b.firstFailedAt(), false));
            PendingDelivery c = before.get(2);
            PendingDelivery cAbandoned = new PendingDelivery(c.deliveryKey(), c.feed(), c.interaction(), Set.of("crm"), 5,
                    "crm: gone", c.firstFailedAt(), true);
            store.updatePending(cAbandoned);

            assertThat(store.pending(10)).containsExactly(new PendingDelivery(b.deliveryKey(), MENTIONS, interaction("b"),
                    Set.of("crm"), 2, "crm: still down", T0, false));
            assertThat(store.abandoned(10)).containsExactly(cAbandoned);
        }
    }
}
