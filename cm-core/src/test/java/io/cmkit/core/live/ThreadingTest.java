package io.cmkit.core.live;

import static io.cmkit.core.live.LiveFixtures.BLUESKY;
import static io.cmkit.core.live.LiveFixtures.MASTODON;
import static io.cmkit.core.live.LiveFixtures.START;
import static io.cmkit.core.live.LiveFixtures.clockAt;
import static io.cmkit.core.live.LiveFixtures.launch;
import static io.cmkit.core.live.LiveFixtures.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Threading a run of show")
class ThreadingTest {

    private static LivePlan plan(Threading threading) {
        return new RunOfShow(launch(), show(), threading).plan(clockAt(START.minus(Duration.ofDays(1))));
    }

    /** Publishes a planned post: records the ref the platform would give it. */
    private static PostRef publish(Map<String, PostRef> published, PlannedPost post) {
        PostRef ref = PostRef.of(post.account().platform(), post.account().platform() + "-" + post.cueIndex());
        published.put(post.key(), ref);
        return ref;
    }

    @Test
    @DisplayName("unthreaded, every cue is a post of its own")
    void unthreaded() {
        LivePlan plan = plan(Threading.NONE);
        Map<String, PostRef> published = new HashMap<>();
        plan.posts().forEach(p -> publish(published, p));

        assertThat(plan.posts()).allSatisfy(p -> {
            assertThat(p.repliesTo()).isEmpty();
            assertThat(plan.requestFor(p, published).replyTo()).isEmpty();
        });
    }

    @Test
    @DisplayName("the plan records that each cue replies to the previous cue on the same account")
    void planRecordsDependencies() {
        LivePlan plan = plan(Threading.THREAD_BRIDGING_GAPS);

        List<PlannedPost> onMastodon = plan.on(MASTODON);
        assertThat(onMastodon.get(0).repliesTo()).isEmpty();
        for (int i = 1; i < onMastodon.size(); i++) {
            assertThat(onMastodon.get(i).repliesTo()).contains(onMastodon.get(i - 1).key());
        }
        assertThat(plan.on(BLUESKY).get(1).repliesTo()).contains(plan.on(BLUESKY).get(0).key());
    }

    @Test
    @DisplayName("a cue's request replies to the ref published for the previous cue, with the cue's own key")
    void repliesToPrevious() {
        LivePlan plan = plan(Threading.THREAD_BRIDGING_GAPS);
        Map<String, PostRef> published = new HashMap<>();
        List<PlannedPost> thread = plan.on(BLUESKY);

        PublishRequest first = plan.requestFor(thread.get(0), published);
        PostRef teaser = publish(published, thread.get(0));
        publish(published, plan.on(MASTODON).get(0));
        PublishRequest second = plan.requestFor(thread.get(1), published);

        assertThat(first.replyTo()).isEmpty();
        assertThat(first.idempotencyKey()).isEqualTo("live:spring-launch:T-1h:bluesky:cafelumiere.bsky.social");
        assertThat(second).isEqualTo(PublishRequest.reply(thread.get(1).variant(), thread.get(1).key(), teaser));
    }

    @Nested
    @DisplayName("when the previous cue was not published (failed, cancelled, skipped)")
    class MissingParent {

        @Test
        @DisplayName("bridging gaps, replies to the last cue published before it on that account")
        void bridges() {
            LivePlan plan = plan(Threading.THREAD_BRIDGING_GAPS);
            List<PlannedPost> thread = plan.on(MASTODON);
            Map<String, PostRef> published = new HashMap<>();
            publish(published, thread.get(0));
            PostRef opening = publish(published, thread.get(1));
            publish(published, plan.on(BLUESKY).get(2)); // the other account's tasting went out; Mastodon's failed

            assertThat(plan.parentOf(thread.get(3), published)).contains(opening);
            assertThat(plan.requestFor(thread.get(3), published).replyTo()).contains(opening);
        }

        @Test
        @DisplayName("bridging gaps, goes out stand-alone when nothing before it was published on that account")
        void bridgesNothing() {
            LivePlan plan = plan(Threading.THREAD_BRIDGING_GAPS);
            Map<String, PostRef> published = new HashMap<>();
            plan.on(BLUESKY).forEach(p -> publish(published, p));

            assertThat(plan.requestFor(plan.on(MASTODON).get(2), published).replyTo()).isEmpty();
        }

        @Test
        @DisplayName("restarting after gaps, goes out stand-alone and the next cue replies to it")
        void restarts() {
            LivePlan plan = plan(Threading.THREAD_RESTARTING_AFTER_GAPS);
            List<PlannedPost> thread = plan.on(MASTODON);
            Map<String, PostRef> published = new HashMap<>();
            publish(published, thread.get(0));
            publish(published, thread.get(1));

            PublishRequest qa = plan.requestFor(thread.get(3), published);
            PostRef qaRef = publish(published, thread.get(3));

            assertThat(qa.replyTo()).isEmpty();
            assertThat(plan.requestFor(thread.get(4), published).replyTo()).contains(qaRef);
        }
    }

    @Test
    @DisplayName("refuses a publication of another plan, and a parent on another platform")
    void refuses() {
        LivePlan plan = plan(Threading.THREAD_BRIDGING_GAPS);
        LivePlan other = new RunOfShow(launch().withStart(START.plus(Duration.ofHours(1))), show(),
                Threading.THREAD_BRIDGING_GAPS).plan(clockAt(START));
        PlannedPost second = plan.on(MASTODON).get(1);

        assertThatThrownBy(() -> plan.requestFor(other.on(MASTODON).get(1), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("publication live:spring-launch:T+0:mastodon:cafe_lumiere@mastodon.social is not part of this plan");
        assertThatThrownBy(() -> plan.requestFor(second,
                Map.of(second.repliesTo().orElseThrow(), PostRef.of(Platform.BLUESKY, "at://x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot reply on mastodon to a post on bluesky (at://x) for " + second.key());
    }

    @Test
    @DisplayName("a plan keeps the threading it was made with")
    void keepsThreading() {
        assertThat(plan(Threading.THREAD_RESTARTING_AFTER_GAPS).threading()).isEqualTo(Threading.THREAD_RESTARTING_AFTER_GAPS);
        assertThat(plan(Threading.NONE).post("live:spring-launch:T+0:bluesky:cafelumiere.bsky.social"))
                .map(PlannedPost::label).contains(Optional.of("opening"));
    }
}
