package io.cmkit.moderation.review;

import io.cmkit.core.model.Interaction;
import io.cmkit.moderation.Comments;
import io.cmkit.moderation.Decision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ReviewQueueStore} must do. The in-memory store runs it; a JDBC store extends
 * it with its own factory.
 */
public abstract class ReviewQueueStoreContract {

    private static final Instant T0 = Comments.NOW;

    /** A fresh, empty store. */
    protected abstract ReviewQueueStore store();

    private ReviewQueueStore store;

    @BeforeEach
    void fresh() {
        store = store();
    }

    private ReviewItem item(String id, Instant at) {
        Interaction i = Comments.comment("idiot " + id).build();
        Decision d = new Decision(i.key(), Optional.of("r"), Optional.of("insult"), List.of(), List.of(), List.of(),
                List.of(), Optional.empty(), false, at);
        return new ReviewItem(id, i, d, at, Optional.empty(), Optional.empty());
    }

    @Test
    @DisplayName("an added item is found by id, and pending until resolved, oldest first")
    void addFind() {
        store.add(item("a", T0));
        store.add(item("b", T0.plusSeconds(1)));
        assertThat(store.find("a")).map(ReviewItem::id).contains("a");
        assertThat(store.find("zzz")).isEmpty();
        assertThat(store.pending()).extracting(ReviewItem::id).containsExactly("a", "b");
    }

    @Test
    @DisplayName("the same id cannot be added twice")
    void unique() {
        store.add(item("a", T0));
        assertThatThrownBy(() -> store.add(item("a", T0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("claims are exclusive until the lease ends, then the item is free again")
    void claims() {
        store.add(item("a", T0));
        Instant until = T0.plus(Duration.ofMinutes(5));
        assertThat(store.claimNext("alice", "t1", T0, until)).map(i -> i.claim().orElseThrow().moderator()).contains("alice");
        assertThat(store.claimNext("bob", "t2", T0.plusSeconds(60), T0.plusSeconds(360))).isEmpty();
        assertThat(store.claimNext("bob", "t2", until.plusSeconds(1), until.plusSeconds(300)))
                .map(i -> i.claim().orElseThrow().token()).contains("t2");
    }

    @Test
    @DisplayName("resolving needs the current token and an unexpired lease, and happens once")
    void resolve() {
        store.add(item("a", T0));
        Instant until = T0.plus(Duration.ofMinutes(5));
        store.claimNext("alice", "t1", T0, until);
        ReviewItem.Resolution r = new ReviewItem.Resolution(Verdict.REMOVE, "alice", "", T0.plusSeconds(10));
        assertThatThrownBy(() -> store.resolve("a", "wrong", r, T0.plusSeconds(10))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.resolve("a", "t1", r, until.plusSeconds(1))).isInstanceOf(IllegalStateException.class);
        assertThat(store.resolve("a", "t1", r, T0.plusSeconds(10)).resolution()).contains(r);
        assertThatThrownBy(() -> store.resolve("a", "t1", r, T0.plusSeconds(11))).isInstanceOf(IllegalStateException.class);
        assertThat(store.pending()).isEmpty();
        assertThat(store.claimNext("bob", "t2", T0.plusSeconds(20), until)).isEmpty();
    }
}
