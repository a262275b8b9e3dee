package io.cmkit.connectors.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.connectors.sandbox.SandboxWorld;
import io.cmkit.connectors.sandbox.SimulatedClock;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.Money;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.Boost;
import io.cmkit.core.spi.BoostRequest;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Metrics;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.Publishing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FollowersWon} against the walk over every post it replaced: two simulated weeks on X and
 * Mastodon (posts, bursts published at one instant, replies, scheduled posts, deletions, boosts
 * bought and cancelled, a bad buzz), with the follower count compared at the present, in the past
 * and in the future, every hour. Also prints a digest of everything observable, to compare runs.
 */
class FollowersWonTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T07:00:00Z");
    private static final Account X = new Account(Platform.X, "cafe_lumiere");
    private static final Account MASTODON = new Account(Platform.MASTODON, "cafe_lumiere@mastodon.social");

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 20250303})
    void theIncrementalCountEqualsTheWalkOverEveryPostForTwoWeeks(long seed) throws Exception {
        SimulatedClock clock = SimulatedClock.at(MONDAY_MORNING);
        SandboxWorld world = SandboxWorld.builder().seed(seed).clock(clock).build();
        List<SandboxConnector> connectors = List.of((SandboxConnector) world.connector(X),
                (SandboxConnector) world.connector(MASTODON));
        world.plantBadBuzz(X, MONDAY_MORNING.plus(Duration.ofDays(3)), Duration.ofHours(30), 25);
        world.plantBadBuzz(MASTODON, MONDAY_MORNING.plus(Duration.ofDays(9)), Duration.ofHours(12), 40);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        List<List<PostRef>> posted = List.of(new ArrayList<>(), new ArrayList<>());
        int comparisons = 0;
        for (int hour = 0; hour < 14 * 24; hour++) {
            for (int c = 0; c < connectors.size(); c++) {
                SandboxConnector connector = connectors.get(c);
                List<PostRef> posts = posted.get(c);
                act(connector, posts, hour, clock);
                AccountState a = connector.state();
                long now = clock.millis();
                long followers = connector.metrics().orElseThrow().accountSnapshot().values().get(Metric.FOLLOWERS);
                assertThat(followers).as("followers now, hour %d, %s", hour, a.account).isEqualTo(walk(a, now));
                for (long back : new long[] {1, 3_600_000L, 26 * 3_600_000L}) {
                    assertThat(a.followers(now - back)).as("followers %d ms back, hour %d", back, hour)
                            .isEqualTo(walk(a, now - back));
                }
                if (hour % 24 == 5) {
                    long ahead = now + 90 * 60_000L;
                    assertThat(a.followers(ahead)).as("followers ahead, hour %d", hour).isEqualTo(walk(a, ahead));
                }
                comparisons++;
                digest(digest, connector, posts, followers);
            }
            clock.advance(Duration.ofHours(1));
        }
        for (SandboxConnector connector : connectors) {
            for (PostState post : connector.state().posts) {
                ReactionCurve fresh = new ReactionCurve(post.publishedMs, connector.state().traits, world.zone());
                for (long age : new long[] {0, 1, 60_000L, 3_600_000L, 86_400_000L, 30L * 86_400_000L}) {
                    assertThat(post.curve.cumulative(post.publishedMs + age)).as("curve of post %s", post.id)
                            .isEqualTo(fresh.cumulative(post.publishedMs + age));
                }
            }
        }
        assertThat(comparisons).isEqualTo(2 * 14 * 24);
        assertThat(connectors.get(0).state().posts).hasSizeGreaterThan(50);
        System.out.println("sandbox digest, seed " + seed + ": " + HexFormat.of().formatHex(digest.digest()));
    }

    /** What the account does at this hour: posts, a burst at one instant, a reply, a scheduled post, deletions, boosts. */
    private static void act(SandboxConnector connector, List<PostRef> posts, int hour, SimulatedClock clock)
            throws ConnectorException {
        Publishing publishing = connector.publishing().orElseThrow();
        Platform platform = connector.account().platform();
        int hourOfDay = hour % 24;
        if (hourOfDay == 1 || hourOfDay == 12) {
            String text = hour % 3 == 0 ? "Nouvelle carte chez nous : venez goûter nos tartes ! #printemps " + hour
                    : "Our spring menu is here: come and taste the new tarts! #spring " + hour;
            posts.add(publishing.publish(PublishRequest.now(PostVariant.text(platform, text), "p/" + hour)).ref());
        }
        if (hourOfDay == 9) {
            for (int i = 0; i < 6; i++) {
                posts.add(publishing.publish(PublishRequest.now(
                        PostVariant.text(platform, "Notre latte du lundi ☕ " + hour + "/" + i), "burst/" + hour + "/" + i)).ref());
            }
        }
        if (hourOfDay == 14 && !posts.isEmpty()) {
            posts.add(publishing.publish(PublishRequest.reply(PostVariant.text(platform, "Et la suite… " + hour),
                    "reply/" + hour, posts.get(posts.size() - 1))).ref());
        }
        if (hourOfDay == 16 && publishing.supportsNativeScheduling()) {
            posts.add(publishing.publish(new PublishRequest(PostVariant.text(platform, "Demain soir, concert ! " + hour),
                    "scheduled/" + hour, Optional.empty(), Optional.of(clock.instant().plus(Duration.ofHours(3))))).ref());
        }
        if (hourOfDay == 20 && posts.size() > 4) {
            publishing.delete(posts.get(posts.size() - 3));
        }
        if (hour % 48 == 13 && !posts.isEmpty() && connector.promotion().isPresent()) {
            Boost boost = connector.promotion().get().boost(new BoostRequest(posts.get(posts.size() - 1),
                    Money.of("80", "EUR"), clock.instant(), clock.instant().plus(Duration.ofDays(2)), "boost/" + hour));
            if (hour % 96 == 13) {
                clock.advance(Duration.ofMinutes(20));
                connector.promotion().get().cancel(boost.id());
            }
        }
    }

    /** The count as it was computed before {@link FollowersWon}: every post walked at each call. */
    private static long walk(AccountState a, long tMs) {
        double days = Math.max(0, tMs - a.genesisMs) / 86_400_000.0;
        long total = a.initialFollowers + (long) Math.floor(a.followersPerDay * days);
        for (PostState post : a.posts) {
            total += post.followersWon(tMs);
        }
        for (BuzzProcess buzz : a.buzzes) {
            total -= (long) Math.floor(buzz.followerLoss * buzz.progress(tMs));
        }
        return Math.max(0, total);
    }

    private static void digest(MessageDigest digest, SandboxConnector connector, List<PostRef> posts, long followers)
            throws ConnectorException {
        StringBuilder out = new StringBuilder().append(connector.account()).append(" followers=").append(followers);
        Metrics metrics = connector.metrics().orElseThrow();
        for (PostRef post : posts) {
            if (connector.state().byKey.values().stream().anyMatch(p -> p.id.equals(post.id()) && !p.deleted())) {
                // Sorted: the snapshot's map iterates in an order that may change from one JVM to the next.
                out.append('\n').append(new TreeMap<>(metrics.snapshot(post).values().entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue))));
            }
        }
        MentionFeed feed = connector.mentionFeed().orElseThrow();
        CommentModeration moderation = connector.commentModeration().orElseThrow();
        for (Interaction i : all(cursor -> feed.mentions(cursor))) {
            out.append('\n').append(i);
        }
        for (PostRef post : posts) {
            if (connector.state().byKey.values().stream().anyMatch(p -> p.id.equals(post.id()) && !p.deleted())) {
                for (Interaction i : all(cursor -> moderation.comments(post, cursor))) {
                    out.append('\n').append(i);
                }
            }
        }
        digest.update(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private interface Fetch {
        Page<Interaction> fetch(Optional<io.cmkit.core.spi.Cursor> from) throws ConnectorException;
    }

    private static List<Interaction> all(Fetch fetch) throws ConnectorException {
        List<Interaction> out = new ArrayList<>();
        Optional<io.cmkit.core.spi.Cursor> cursor = Optional.empty();
        while (true) {
            Page<Interaction> page = fetch.fetch(cursor);
            out.addAll(page.items());
            if (page.next().isEmpty() || page.items().isEmpty()) {
                return out;
            }
            cursor = page.next();
        }
    }
}
