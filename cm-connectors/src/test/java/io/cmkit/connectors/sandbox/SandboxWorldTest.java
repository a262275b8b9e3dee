package io.cmkit.connectors.sandbox;

import static io.cmkit.connectors.sandbox.Sandbox.ENGLISH_POST;
import static io.cmkit.connectors.sandbox.Sandbox.FRENCH_POST;
import static io.cmkit.connectors.sandbox.Sandbox.INSTAGRAM;
import static io.cmkit.connectors.sandbox.Sandbox.MASTODON;
import static io.cmkit.connectors.sandbox.Sandbox.X;
import static io.cmkit.connectors.sandbox.Sandbox.comments;
import static io.cmkit.connectors.sandbox.Sandbox.intentOf;
import static io.cmkit.connectors.sandbox.Sandbox.mentions;
import static io.cmkit.connectors.sandbox.Sandbox.publish;
import static io.cmkit.connectors.sandbox.Sandbox.publishWeek;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Metrics;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.PostRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A sandbox world")
class SandboxWorldTest {

    /** What a reader would see of one week: every comment and mention, and the counters. */
    private record Week(List<Interaction> comments, List<Interaction> mentions, List<MetricSnapshot> snapshots,
                        MetricSnapshot account) {
    }

    private static Week runWeek(long seed, Platform platform, Duration readEvery) throws ConnectorException {
        SimulatedClock clock = Sandbox.clock();
        SandboxWorld world = Sandbox.world(seed, clock);
        Connector connector = world.connector(platform.equals(Platform.X) ? X : MASTODON);
        List<PostRef> posts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            posts.add(publish(connector, i % 2 == 0 ? FRENCH_POST : ENGLISH_POST, "post-" + i));
            Instant next = clock.instant().plus(Duration.ofHours(20));
            while (clock.instant().isBefore(next)) {
                clock.advance(readEvery);
                connector.require(MentionFeed.class).mentions(Optional.empty());
            }
        }
        clock.advance(Duration.ofDays(2));
        List<MetricSnapshot> snapshots = new ArrayList<>();
        for (PostRef post : posts) {
            snapshots.add(connector.require(Metrics.class).snapshot(post));
        }
        return new Week(comments(connector, posts), mentions(connector), snapshots,
                connector.require(Metrics.class).accountSnapshot());
    }

    @Nested
    @DisplayName("is deterministic")
    class Determinism {

        @Test
        @DisplayName("the same seed and the same calls at the same times give the same interactions and counters")
        void sameSeedSameWorld() throws ConnectorException {
            Week first = runWeek(42, Platform.X, Duration.ofHours(4));
            Week second = runWeek(42, Platform.X, Duration.ofHours(4));

            assertThat(first.comments()).isNotEmpty().isEqualTo(second.comments());
            assertThat(first.mentions()).isNotEmpty().isEqualTo(second.mentions());
            assertThat(first.snapshots()).isEqualTo(second.snapshots());
            assertThat(first.account()).isEqualTo(second.account());
        }

        @Test
        @DisplayName("another seed gives another world")
        void otherSeedOtherWorld() throws ConnectorException {
            Week first = runWeek(42, Platform.X, Duration.ofHours(4));
            Week other = runWeek(43, Platform.X, Duration.ofHours(4));

            assertThat(other.comments()).isNotEqualTo(first.comments());
            assertThat(texts(other.comments())).isNotEqualTo(texts(first.comments()));
            assertThat(other.snapshots()).isNotEqualTo(first.snapshots());
        }

        @Test
        @DisplayName("looking more or less often in between changes nothing")
        void observationDoesNotChangeOutcomes() throws ConnectorException {
            Week watchedClosely = runWeek(7, Platform.MASTODON, Duration.ofMinutes(20));
            Week watchedRarely = runWeek(7, Platform.MASTODON, Duration.ofHours(10));

            assertThat(watchedClosely.comments()).isNotEmpty().isEqualTo(watchedRarely.comments());
            assertThat(watchedClosely.mentions()).isEqualTo(watchedRarely.mentions());
            assertThat(watchedClosely.snapshots()).isEqualTo(watchedRarely.snapshots());
        }

        private List<String> texts(List<Interaction> interactions) {
            return interactions.stream().map(Interaction::text).toList();
        }
    }

    @Nested
    @DisplayName("has an audience that reacts over simulated time")
    class Audience {

        @Test
        @DisplayName("nothing happens to a post before it is published, and its counters only grow as the clock advances")
        void countersGrowMonotonically() throws ConnectorException {
            SimulatedClock clock = Sandbox.clock();
            SandboxWorld world = Sandbox.world(3, clock);
            Connector x = world.connector(X);
            Metrics metrics = x.require(Metrics.class);
            PostRef post = publish(x, ENGLISH_POST, "launch");

            MetricSnapshot atPublication = metrics.snapshot(post);
            assertThat(atPublication.values()).containsOnlyKeys(metrics.postMetrics());
            assertThat(atPublication.values().values()).allMatch(v -> v == 0L);
            assertThat(comments(x, post)).isEmpty();

            MetricSnapshot previous = atPublication;
            long followers = metrics.accountSnapshot().value(Metric.FOLLOWERS).orElseThrow();
            for (int step = 0; step < 72; step++) {
                clock.advance(Duration.ofMinutes(40));
                MetricSnapshot now = metrics.snapshot(post);
                for (Metric metric : metrics.postMetrics()) {
                    assertThat(now.value(metric).orElseThrow()).as("%s at step %d", metric, step)
                            .isGreaterThanOrEqualTo(previous.value(metric).orElseThrow());
                }
                long nowFollowers = metrics.accountSnapshot().value(Metric.FOLLOWERS).orElseThrow();
                assertThat(nowFollowers).isGreaterThanOrEqualTo(followers);
                previous = now;
                followers = nowFollowers;
            }
            assertThat(previous.value(Metric.IMPRESSIONS).orElseThrow()).isGreaterThan(500);
            assertThat(previous.value(Metric.LIKES).orElseThrow()).isGreaterThan(5);
            assertThat(previous.value(Metric.COMMENTS).orElseThrow()).isEqualTo(comments(x, post).size()).isPositive();
            assertThat(comments(x, post)).allMatch(c -> !c.createdAt().isBefore(clock.instant().minus(Duration.ofDays(3))));
        }

        @Test
        @DisplayName("reactions come fast at first and fade: most of the first day's likes arrive in its first hours")
        void reactionsDecay() throws ConnectorException {
            SimulatedClock clock = Sandbox.clock();
            SandboxWorld world = Sandbox.world(5, clock);
            Connector x = world.connector(X);
            clock.set(LocalDate.of(2025, 3, 4).atTime(LocalTime.of(12, 0)).atZone(ZoneId.of("Europe/Paris")).toInstant());
            PostRef post = publish(x, ENGLISH_POST, "noon");
            Metrics metrics = x.require(Metrics.class);

            clock.advance(Duration.ofHours(3));
            long afterThreeHours = metrics.snapshot(post).value(Metric.LIKES).orElseThrow();
            clock.advance(Duration.ofHours(21));
            long afterADay = metrics.snapshot(post).value(Metric.LIKES).orElseThrow();
            clock.advance(Duration.ofDays(6));
            long afterAWeek = metrics.snapshot(post).value(Metric.LIKES).orElseThrow();

            assertThat(afterThreeHours).isGreaterThan(afterADay / 2);
            assertThat(afterAWeek - afterADay).isLessThan(afterADay - afterThreeHours + afterThreeHours / 2);
        }

        @Test
        @DisplayName("posts published in the evening, the brand's time, draw more engagement than posts published at night")
        void eveningBeatsNight() throws ConnectorException {
            SimulatedClock clock = Sandbox.clock();
            ZoneId paris = ZoneId.of("Europe/Paris");
            SandboxWorld world = SandboxWorld.builder().seed(11).clock(clock).zone(paris).build();
            Connector mastodon = world.connector(MASTODON);
            List<PostRef> evening = new ArrayList<>();
            List<PostRef> night = new ArrayList<>();
            for (int day = 0; day < 10; day++) {
                LocalDate date = LocalDate.of(2025, 3, 3).plusDays(day);
                clock.set(date.atTime(4, 0).atZone(paris).toInstant());
                night.add(publish(mastodon, FRENCH_POST, "night-" + day));
                clock.set(date.atTime(20, 0).atZone(paris).toInstant());
                evening.add(publish(mastodon, FRENCH_POST, "evening-" + day));
            }
            clock.advance(Duration.ofDays(3));

            long eveningLikes = likes(mastodon, evening);
            long nightLikes = likes(mastodon, night);
            assertThat(eveningLikes).isGreaterThan(nightLikes * 3 / 2);
            assertThat(comments(mastodon, evening).size()).isGreaterThan(comments(mastodon, night).size());
        }

        @Test
        @DisplayName("followers grow over a week of posting")
        void followersGrow() throws ConnectorException {
            SimulatedClock clock = Sandbox.clock();
            SandboxWorld world = SandboxWorld.builder().seed(2).clock(clock).followers(Platform.INSTAGRAM, 12_000).build();
            Connector instagram = world.connector(INSTAGRAM);
            long before = instagram.require(Metrics.class).accountSnapshot().value(Metric.FOLLOWERS).orElseThrow();
            publishWeek(instagram, clock);
            long after = instagram.require(Metrics.class).accountSnapshot().value(Metric.FOLLOWERS).orElseThrow();

            assertThat(before).isEqualTo(12_000);
            assertThat(after).isBetween(12_050L, 13_500L);
        }

        private long likes(Connector connector, List<PostRef> posts) throws ConnectorException {
            long sum = 0;
            for (PostRef post : posts) {
                sum += connector.require(Metrics.class).snapshot(post).value(Metric.LIKES).orElseThrow();
            }
            return sum;
        }
    }

    @Nested
    @DisplayName("speaks French and English, with spam, insults and defamation among the ordinary")
    class Content {

        @Test
        @DisplayName("a week of comments has realistic volume and shares of spam, insults and defamation, in both languages")
        void weekOfComments() throws ConnectorException {
            SimulatedClock clock = Sandbox.clock();
            SandboxWorld world = SandboxWorld.builder().seed(2025).clock(clock).followers(Platform.INSTAGRAM, 30_000).build();
            Connector instagram = world.connector(INSTAGRAM);
            List<PostRef> posts = publishWeek(instagram, clock);
            List<Interaction> comments = comments(instagram, posts);

            assertThat(comments.size()).as("comments on 14 posts").isBetween(200, 3_000);
            Map<Intent, Long> byIntent = comments.stream()
                    .collect(Collectors.groupingBy(c -> intentOf(world, c), () -> new EnumMap<>(Intent.class),
                            Collectors.counting()));
            assertThat(share(byIntent, Intent.SPAM, comments.size())).isBetween(0.02, 0.20);
            assertThat(share(byIntent, Intent.INSULT, comments.size())).isBetween(0.01, 0.12);
            assertThat(share(byIntent, Intent.DEFAMATION, comments.size())).isBetween(0.005, 0.10);
            assertThat(share(byIntent, Intent.POSITIVE, comments.size())).isBetween(0.20, 0.60);
            assertThat(byIntent).containsKeys(Intent.NEUTRAL, Intent.QUESTION, Intent.CRITIQUE);

            for (Intent harmful : List.of(Intent.SPAM, Intent.INSULT, Intent.DEFAMATION)) {
                Set<Locale> languages = comments.stream().filter(c -> intentOf(world, c) == harmful)
                        .map(c -> c.language().orElseThrow()).collect(Collectors.toSet());
                assertThat(languages).as("languages of %s", harmful).containsExactlyInAnyOrder(Locale.FRENCH, Locale.ENGLISH);
            }
            assertThat(comments).allMatch(c -> c.language().isPresent() && c.url().isPresent());
        }

        @Test
        @DisplayName("spam carries dubious links and offers; defamation accuses the brand of fraud, in words a moderator would recognise")
        void textsLookTheirPart() throws ConnectorException {
            SimulatedClock clock = Sandbox.clock();
            SandboxWorld world = SandboxWorld.builder().seed(99).clock(clock).followers(Platform.INSTAGRAM, 30_000).build();
            Connector instagram = world.connector(INSTAGRAM);
            List<Interaction> comments = comments(instagram, publishWeek(instagram, clock));

            List<String> spam = textsOf(world, comments, Intent.SPAM);
            assertThat(spam).isNotEmpty();
            assertThat(spam.stream().filter(t -> t.contains("https://") || t.contains("DM")).count())
                    .isEqualTo(spam.size());
            String spamText = String.join("\n", spam).toLowerCase(Locale.ROOT);
            assertThat(spamText).containsAnyOf("iphone", "crypto", "bitcoin", "followers", "abonnés", "€", "$");

            String defamation = String.join("\n", textsOf(world, comments, Intent.DEFAMATION)).toLowerCase(Locale.ROOT);
            assertThat(defamation).containsAnyOf("escroc", "arnaque", "voleurs", "scam", "fraud", "thieves");
        }

        @Test
        @DisplayName("authors have handles, account ages, follower counts; a few recurring trolls and spammers come back again and again")
        void authorsAndFlooding() throws ConnectorException {
            SimulatedClock clock = Sandbox.clock();
            SandboxWorld world = SandboxWorld.builder().seed(8).clock(clock).followers(Platform.X, 20_000).build();
            Connector x = world.connector(X);
            List<Interaction> all = new ArrayList<>(comments(x, publishWeek(x, clock)));
            all.addAll(mentions(x));

            assertThat(all).allSatisfy(i -> {
                Author author = i.author();
                assertThat(author.handle()).doesNotContain(" ").hasSizeLessThanOrEqualTo(15);
                assertThat(author.accountCreatedAt()).get().matches(t -> t.isBefore(Sandbox.MONDAY_MORNING));
                assertThat(author.followers()).isPresent();
            });
            Map<String, Long> byRecurringAuthor = all.stream()
                    .filter(i -> world.facts(i).orElseThrow().recurringAuthor())
                    .collect(Collectors.groupingBy(i -> i.author().id(), Collectors.counting()));
            assertThat(byRecurringAuthor).isNotEmpty();
            assertThat(Collections.max(byRecurringAuthor.values())).as("the busiest flooder").isGreaterThanOrEqualTo(5);
            assertThat(byRecurringAuthor.size()).isLessThanOrEqualTo(12);
        }

        private double share(Map<Intent, Long> counts, Intent intent, int total) {
            return counts.getOrDefault(intent, 0L) / (double) total;
        }

        private List<String> textsOf(SandboxWorld world, List<Interaction> interactions, Intent intent) {
            return interactions.stream().filter(i -> intentOf(world, i) == intent).map(Interaction::text).toList();
        }
    }

    @Nested
    @DisplayName("lets tests plant events")
    class Planting {

        @Test
        @DisplayName("a bad buzz brings a burst of negative mentions carrying its keyword, within its window")
        void badBuzz() throws ConnectorException {
            SimulatedClock clock = Sandbox.clock();
            SandboxWorld world = Sandbox.world(4, clock);
            Connector mastodon = world.connector(MASTODON);
            publish(mastodon, FRENCH_POST, "before-the-storm");
            Instant start = clock.instant().plus(Duration.ofDays(2));
            world.plantBadBuzz(MASTODON, "#RappelProduit", start, Duration.ofHours(8), 30);
            long followersBefore = mastodon.require(Metrics.class).accountSnapshot().value(Metric.FOLLOWERS).orElseThrow();

            clock.advance(Duration.ofDays(2));
            assertThat(mentions(mastodon)).noneMatch(m -> m.text().contains("#RappelProduit"));
            clock.advance(Duration.ofHours(8));

            List<Interaction> mentions = mentions(mastodon);
            List<Interaction> buzz = mentions.stream().filter(m -> m.text().contains("#RappelProduit")).toList();
            assertThat(buzz.size()).as("about 30 * 8 / 2 * 2/3 mentions").isBetween(50, 130);
            assertThat(buzz).allMatch(m -> !m.createdAt().isBefore(start)
                    && m.createdAt().isBefore(start.plus(Duration.ofHours(8))));
            long negative = buzz.stream().filter(m -> intentOf(world, m) != Intent.NEUTRAL).count();
            assertThat(negative).isGreaterThan(buzz.size() * 6L / 10);
            long ordinaryDays = mentions.stream().filter(m -> m.createdAt().isBefore(start)).count();
            assertThat((long) buzz.size()).as("a spike over two ordinary days").isGreaterThan(5 * Math.max(1, ordinaryDays));
            assertThat(mastodon.require(Metrics.class).accountSnapshot().value(Metric.FOLLOWERS).orElseThrow())
                    .as("followers lost").isLessThan(followersBefore + 10);
        }

        @Test
        @DisplayName("a planted mention appears at its time, with the author and text given, and none before")
        void plantedMention() throws ConnectorException {
            SimulatedClock clock = Sandbox.clock();
            SandboxWorld world = SandboxWorld.builder().seed(1).clock(clock).mentionsPerDay(0).build();
            Connector bluesky = world.connector(Sandbox.BLUESKY);
            Instant at = clock.instant().plus(Duration.ofHours(2));
            Interaction planted = world.plantMention(Sandbox.BLUESKY, "journaliste.bsky.example",
                    "@cafelumiere.bsky.social bonjour, une question sur votre rappel produit ?", at);

            assertThat(mentions(bluesky)).isEmpty();
            clock.advance(Duration.ofHours(2));
            assertThat(mentions(bluesky)).containsExactly(planted);
            assertThat(planted.author().handle()).isEqualTo("journaliste.bsky.example");
            assertThat(planted.language()).contains(Locale.FRENCH);
            assertThat(planted.kind()).isEqualTo(Interaction.Kind.MENTION);
            assertThat(world.facts(planted).orElseThrow().intent()).isEmpty();
        }

        @Test
        @DisplayName("a planted comment appears under its post; one planted in the past arrives after what a poller already read")
        void plantedCommentInThePast() throws ConnectorException {
            SimulatedClock clock = Sandbox.clock();
            SandboxWorld world = Sandbox.world(6, clock);
            Connector facebook = world.connector(Sandbox.FACEBOOK);
            PostRef post = publish(facebook, FRENCH_POST, "spring");
            clock.advance(Duration.ofHours(6));
            CommentModeration moderation = facebook.require(CommentModeration.class);
            Page<Interaction> first = moderation.comments(post, Optional.empty());
            List<Interaction> read = new ArrayList<>(first.items());
            Optional<Cursor> cursor = first.next();
            for (Page<Interaction> page = moderation.comments(post, cursor); !page.items().isEmpty();
                 page = moderation.comments(post, cursor)) {
                read.addAll(page.items());
                cursor = page.next();
            }

            Author author = new Author("1234", "client_mecontent", Optional.of("Client Mécontent"), Optional.empty(),
                    java.util.OptionalLong.of(12), false);
            Interaction late = world.plantComment(post, author, "Vous m'avez vendu un produit périmé, j'exige un remboursement.",
                    clock.instant().minus(Duration.ofHours(3)));

            List<Interaction> fresh = moderation.comments(post, cursor).items();
            assertThat(fresh).containsExactly(late);
            assertThat(late.thread().parentId()).contains(post.id());
            assertThat(read).doesNotContain(late);
        }
    }

    @Test
    @DisplayName("is safe to use from several threads: a publisher and an inbox poller at once")
    void threadSafety() throws Exception {
        SimulatedClock clock = Sandbox.clock();
        SandboxWorld world = Sandbox.world(12, clock);
        Connector publisher = world.connector(MASTODON);
        Connector poller = Connectors.sandbox(world, MASTODON);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<List<PostRef>> published = pool.submit(() -> {
                List<PostRef> posts = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    posts.add(publish(publisher, i % 2 == 0 ? FRENCH_POST : ENGLISH_POST, "concurrent-" + i));
                    clock.advance(Duration.ofMinutes(30));
                }
                return posts;
            });
            Future<Set<String>> mentionIds = pool.submit(() -> {
                Set<String> seen = new HashSet<>();
                Optional<Cursor> cursor = Optional.empty();
                for (int i = 0; i < 200; i++) {
                    Page<Interaction> page = poller.require(MentionFeed.class).mentions(cursor);
                    for (Interaction m : page.items()) {
                        assertThat(seen.add(m.id())).as("mention read twice").isTrue();
                    }
                    cursor = page.next();
                }
                return seen;
            });
            Future<Integer> snapshots = pool.submit(() -> {
                int n = 0;
                for (int i = 0; i < 200; i++) {
                    poller.require(Metrics.class).accountSnapshot();
                    n++;
                }
                return n;
            });
            List<PostRef> posts = published.get();
            mentionIds.get();
            assertThat(snapshots.get()).isEqualTo(200);
            assertThat(posts).extracting(PostRef::id).doesNotHaveDuplicates().hasSize(40);
            List<Interaction> all = comments(publisher, posts);
            assertThat(all).extracting(Interaction::id).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Nested
    @DisplayName("is built with a small builder")
    class Building {

        @Test
        @DisplayName("refuses languages it cannot write and shares that leave no room for ordinary people")
        void validation() {
            assertThatThrownBy(() -> SandboxWorld.builder().languages(Locale.GERMAN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("German");
            assertThatThrownBy(() -> SandboxWorld.builder().spamShare(0.5).insultShare(0.3).defamationShare(0.2).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 0.9");
            assertThatThrownBy(() -> SandboxWorld.builder().spamShare(-0.1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spamShare");
            assertThatThrownBy(() -> SandboxWorld.builder().pageSize(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize");
        }

        @Test
        @DisplayName("an English-only audience writes English only; shares set to zero leave no spam")
        void knobs() throws ConnectorException {
            SimulatedClock clock = Sandbox.clock();
            SandboxWorld world = SandboxWorld.builder().seed(3).clock(clock).languages(Locale.UK).spamShare(0)
                    .brandName("Café Lumière").build();
            Connector x = world.connector(X);
            List<Interaction> all = new ArrayList<>(comments(x, publishWeek(x, clock)));
            all.addAll(mentions(x));

            assertThat(all).isNotEmpty().allMatch(i -> i.language().orElseThrow().equals(Locale.ENGLISH));
            assertThat(all).noneMatch(i -> intentOf(world, i) == Intent.SPAM);
            assertThat(x.require(io.cmkit.core.spi.Profiles.class).profile().displayName()).isEqualTo("Café Lumière");
        }

        @Test
        @DisplayName("its toString names the seed and zone, never its contents")
        void quietToString() {
            SandboxWorld world = SandboxWorld.builder().seed(77).clock(Sandbox.clock()).build();
            assertThat(world).hasToString("SandboxWorld[seed=77, zone=Europe/Paris]");
        }
    }

    /** Opening through the SPI, as a host would. */
    private static final class Connectors {
        static Connector sandbox(SandboxWorld world, io.cmkit.core.model.Account account) {
            return io.cmkit.core.spi.Connectors.discover().open(new SandboxConfig(account, world));
        }
    }
}
