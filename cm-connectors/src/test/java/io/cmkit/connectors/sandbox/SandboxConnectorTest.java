package io.cmkit.connectors.sandbox;

import static io.cmkit.connectors.sandbox.Sandbox.BLUESKY;
import static io.cmkit.connectors.sandbox.Sandbox.ENGLISH_POST;
import static io.cmkit.connectors.sandbox.Sandbox.FACEBOOK;
import static io.cmkit.connectors.sandbox.Sandbox.FRENCH_POST;
import static io.cmkit.connectors.sandbox.Sandbox.MASTODON;
import static io.cmkit.connectors.sandbox.Sandbox.X;
import static io.cmkit.connectors.sandbox.Sandbox.comments;
import static io.cmkit.connectors.sandbox.Sandbox.intentOf;
import static io.cmkit.connectors.sandbox.Sandbox.mentions;
import static io.cmkit.connectors.sandbox.Sandbox.publish;
import static io.cmkit.connectors.sandbox.Sandbox.publishWeek;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.MediaAsset;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Money;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.AuthenticationException;
import io.cmkit.core.spi.Boost;
import io.cmkit.core.spi.BoostRequest;
import io.cmkit.core.spi.Capability;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Connectors;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Metrics;
import io.cmkit.core.spi.ModerationOperation;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.Pager;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.Profile;
import io.cmkit.core.spi.ProfileUpdate;
import io.cmkit.core.spi.Profiles;
import io.cmkit.core.spi.Promotion;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.spi.RateLimitedException;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.TransientException;
import io.cmkit.core.spi.UnsupportedCapabilityException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A sandbox connector")
class SandboxConnectorTest {

    private SimulatedClock clock;
    private SandboxWorld world;

    @BeforeEach
    void newWorld() {
        clock = Sandbox.clock();
        world = Sandbox.world(42, clock);
    }

    @Nested
    @DisplayName("is opened like any connector")
    class Opening {

        @Test
        @DisplayName("Connectors.discover() finds the sandbox provider and opens a connector from a SandboxConfig")
        void discovery() {
            Connectors connectors = Connectors.discover();

            assertThat(connectors.providers()).anyMatch(p -> p.configType() == SandboxConfig.class
                    && p.platform().equals(SandboxConnectorProvider.SANDBOX));
            Connector connector = connectors.open(new SandboxConfig(MASTODON, world));
            assertThat(connector.account()).isEqualTo(MASTODON);
            assertThat(connector.platform()).isEqualTo(Platform.MASTODON);
        }

        @Test
        @DisplayName("has every capability and every moderation operation")
        void everyCapability() {
            Connector connector = world.connector(BLUESKY);

            assertThat(connector.capabilities()).isEqualTo(EnumSet.allOf(Capability.class));
            assertThat(connector.require(CommentModeration.class).supportedOperations())
                    .isEqualTo(EnumSet.allOf(ModerationOperation.class));
        }

        @Test
        @DisplayName("connectors opened directly and through the SPI share the account's state")
        void sharedState() throws ConnectorException {
            Connector direct = world.connector(X);
            Connector viaSpi = Connectors.discover().open(new SandboxConfig(X, world));
            PublishedPost published = direct.require(Publishing.class)
                    .publish(PublishRequest.now(PostVariant.text(Platform.X, ENGLISH_POST), "shared"));

            assertThat(viaSpi.require(Publishing.class).findPublished("shared")).contains(published);
        }

        @Test
        @DisplayName("a configuration's toString names the account and the world's seed, never the world's contents")
        void configToString() {
            assertThat(new SandboxConfig(MASTODON, world))
                    .hasToString("SandboxConfig[account=mastodon:cafe_lumiere@mastodon.social, world=SandboxWorld[seed=42, zone=Europe/Paris]]");
        }

        @Test
        @DisplayName("reports its platform's limits, and a closed connector refuses further calls")
        void limitsAndClose() {
            Connector connector = world.connector(BLUESKY);
            assertThat(connector.limits().maxTextLength()).isEqualTo(300);
            connector.close();
            assertThatThrownBy(() -> connector.require(Publishing.class).findPublished("any"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    @Nested
    @DisplayName("publishes")
    class Publishing_ {

        @Test
        @DisplayName("a second publish with the same idempotency key returns the first post, never a duplicate")
        void idempotentPublish() throws ConnectorException {
            Connector x = world.connector(X);
            Publishing publishing = x.require(Publishing.class);
            PublishRequest request = PublishRequest.now(PostVariant.text(Platform.X, ENGLISH_POST), "campaign-1/x");
            PublishedPost first = publishing.publish(request);
            clock.advance(Duration.ofMinutes(3));
            PublishedPost again = publishing.publish(request);

            assertThat(again).isEqualTo(first);
            assertThat(publishing.findPublished("campaign-1/x")).contains(first);
            assertThat(publishing.findPublished("never-used")).isEmpty();
            PublishedPost other = publishing.publish(PublishRequest.now(PostVariant.text(Platform.X, ENGLISH_POST), "campaign-2/x"));
            assertThat(other.ref().id()).isNotEqualTo(first.ref().id());
        }

        @Test
        @DisplayName("keeps keys natively on Mastodon and by lookup elsewhere")
        void idempotencyKinds() {
            assertThat(world.connector(MASTODON).require(Publishing.class).idempotency()).isEqualTo(Publishing.Idempotency.NATIVE);
            assertThat(world.connector(BLUESKY).require(Publishing.class).idempotency()).isEqualTo(Publishing.Idempotency.LOOKUP);
            assertThat(world.connector(X).require(Publishing.class).idempotency()).isEqualTo(Publishing.Idempotency.LOOKUP);
        }

        @Test
        @DisplayName("refuses a variant over the platform's limits, naming the platform and the limit")
        void limitsRejection() {
            Connector bluesky = world.connector(BLUESKY);
            String tooLong = "Notre nouvelle carte ! ".repeat(14);

            assertThatThrownBy(() -> bluesky.require(Publishing.class)
                    .publish(PublishRequest.now(PostVariant.text(Platform.BLUESKY, tooLong), "too-long")))
                    .isInstanceOfSatisfying(RejectedException.class, e -> {
                        assertThat(e.reason()).contains("Bluesky").contains("text length").contains("limit 300");
                        assertThat(e.platform()).isEqualTo(Platform.BLUESKY);
                        assertThat(e.isRetryable()).isFalse();
                    });
        }

        @Test
        @DisplayName("refuses a variant written for another platform")
        void wrongPlatform() {
            Connector x = world.connector(X);
            assertThatThrownBy(() -> x.require(Publishing.class)
                    .publish(PublishRequest.now(PostVariant.text(Platform.MASTODON, FRENCH_POST), "wrong")))
                    .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).contains("Mastodon"));
        }

        @Test
        @DisplayName("bluesky posts carry an at:// id and a content version; every post has a URL on a reserved domain")
        void refsLookLikeThePlatform() throws ConnectorException {
            PostRef bluesky = publish(world.connector(BLUESKY), FRENCH_POST, "look");
            PostRef mastodon = publish(world.connector(MASTODON), FRENCH_POST, "look");

            assertThat(bluesky.id()).startsWith("at://did:plc:").contains("/app.bsky.feed.post/");
            assertThat(bluesky.version()).get().asString().startsWith("bafyrei");
            assertThat(mastodon.id()).matches("\\d{15,20}");
            assertThat(mastodon.url()).get().extracting(URI::getHost).isEqualTo("mastodon.sandbox.invalid");
        }

        @Test
        @DisplayName("publishes threads: a reply to its own post is answered under that reply, in the same thread")
        void threads() throws ConnectorException {
            Connector mastodon = world.connector(MASTODON);
            PostRef first = publish(mastodon, FRENCH_POST, "thread/1");
            PublishedPost second = mastodon.require(Publishing.class)
                    .publish(PublishRequest.reply(PostVariant.text(Platform.MASTODON, "Et ce n'est pas tout : la suite demain !"),
                            "thread/2", first));
            clock.advance(Duration.ofDays(1));

            List<Interaction> underSecond = comments(mastodon, second.ref()).stream()
                    .filter(c -> c.kind() == Interaction.Kind.COMMENT).toList();
            assertThat(underSecond).isNotEmpty().allSatisfy(c -> {
                assertThat(c.thread().rootId()).contains(first.id());
                assertThat(c.thread().parentId()).contains(second.ref().id());
                assertThat(c.thread().depth()).isEqualTo(2);
            });
        }

        @Test
        @DisplayName("refuses to reply to a post that does not exist")
        void replyToNothing() {
            Connector mastodon = world.connector(MASTODON);
            assertThatThrownBy(() -> mastodon.require(Publishing.class).publish(PublishRequest.reply(
                    PostVariant.text(Platform.MASTODON, "Bonjour"), "reply", PostRef.of(Platform.MASTODON, "999"))))
                    .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.code()).contains("404"));
        }

        @Test
        @DisplayName("schedules natively where the platform can: the post goes live, and draws reactions, at its time")
        void nativeScheduling() throws ConnectorException {
            Connector mastodon = world.connector(MASTODON);
            Publishing publishing = mastodon.require(Publishing.class);
            Instant at = clock.instant().plus(Duration.ofHours(10));
            PublishedPost scheduled = publishing.publish(new PublishRequest(PostVariant.text(Platform.MASTODON, FRENCH_POST),
                    "later", Optional.empty(), Optional.of(at)));

            assertThat(publishing.supportsNativeScheduling()).isTrue();
            assertThat(scheduled.publishedAt()).isEqualTo(at);
            clock.advance(Duration.ofHours(9));
            assertThat(comments(mastodon, scheduled.ref())).isEmpty();
            assertThat(mastodon.require(Metrics.class).snapshot(scheduled.ref()).values().values()).containsOnly(0L);
            clock.advance(Duration.ofHours(6));
            assertThat(comments(mastodon, scheduled.ref())).isNotEmpty()
                    .allMatch(c -> !c.createdAt().isBefore(at));
        }

        @Test
        @DisplayName("says where it cannot schedule, and refuses a time too close")
        void schedulingLimits() {
            Publishing bluesky = world.connector(BLUESKY).require(Publishing.class);
            assertThat(bluesky.supportsNativeScheduling()).isFalse();
            assertThatThrownBy(() -> bluesky.publish(new PublishRequest(PostVariant.text(Platform.BLUESKY, FRENCH_POST),
                    "later", Optional.empty(), Optional.of(clock.instant().plus(Duration.ofHours(1))))))
                    .isInstanceOf(UnsupportedCapabilityException.class);

            Publishing mastodon = world.connector(MASTODON).require(Publishing.class);
            assertThatThrownBy(() -> mastodon.publish(new PublishRequest(PostVariant.text(Platform.MASTODON, FRENCH_POST),
                    "soon", Optional.empty(), Optional.of(clock.instant().plus(Duration.ofMinutes(2))))))
                    .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).contains("5 minutes"));
        }

        @Test
        @DisplayName("deleting a post stops its reactions and hides it from reads; deleting it again is not an error")
        void delete() throws ConnectorException {
            Connector x = world.connector(X);
            Publishing publishing = x.require(Publishing.class);
            PostRef post = publish(x, ENGLISH_POST, "oops");
            clock.advance(Duration.ofHours(1));
            publishing.delete(post);
            publishing.delete(post);
            publishing.delete(PostRef.of(Platform.X, "123"));

            assertThat(publishing.findPublished("oops")).isEmpty();
            assertThatThrownBy(() -> x.require(Metrics.class).snapshot(post)).isInstanceOf(RejectedException.class);
            assertThatThrownBy(() -> x.require(CommentModeration.class).comments(post, Optional.empty()))
                    .isInstanceOf(RejectedException.class);
            assertThat(publishing.publish(PublishRequest.now(PostVariant.text(Platform.X, ENGLISH_POST), "oops")).ref())
                    .as("the key still names the first publication").isEqualTo(post);
        }
    }

    @Nested
    @DisplayName("reads and moderates comments")
    class Moderation {

        @Test
        @DisplayName("pages resume from a stored cursor, across restarts, with no duplicates and no gaps")
        void resumablePagination() throws ConnectorException {
            SandboxWorld small = SandboxWorld.builder().seed(9).clock(clock).pageSize(7).build();
            Connector facebook = small.connector(FACEBOOK);
            PostRef post = publish(facebook, FRENCH_POST, "paged");
            List<Interaction> polled = new ArrayList<>();
            String stored = null;
            for (int poll = 0; poll < 60; poll++) {
                clock.advance(Duration.ofMinutes(45));
                // A new connector each time, as after a restart: only the cursor's text survives.
                Connector restarted = Connectors.discover().open(new SandboxConfig(FACEBOOK, small));
                CommentModeration moderation = restarted.require(CommentModeration.class);
                Pager<Interaction> pager = Pager.from(Optional.ofNullable(stored).map(Cursor::of),
                        cursor -> moderation.comments(post, cursor));
                polled.addAll(Sandbox.read(pager));
                stored = pager.resumeFrom().orElseThrow().value();
            }

            List<Interaction> all = comments(facebook, post);
            assertThat(all.size()).isGreaterThan(7);
            assertThat(polled).doesNotHaveDuplicates().containsExactlyElementsOf(all);
        }

        @Test
        @DisplayName("oldest first; every page has a next cursor; an empty page means caught up and keeps the cursor")
        void caughtUp() throws ConnectorException {
            Connector x = world.connector(X);
            PostRef post = publish(x, ENGLISH_POST, "caught-up");
            clock.advance(Duration.ofDays(1));
            CommentModeration moderation = x.require(CommentModeration.class);
            List<Interaction> all = new ArrayList<>();
            Page<Interaction> page = moderation.comments(post, Optional.empty());
            while (!page.items().isEmpty()) {
                assertThat(page.next()).isPresent();
                all.addAll(page.items());
                page = moderation.comments(post, page.next());
            }
            Page<Interaction> again = moderation.comments(post, page.next());

            assertThat(all).isNotEmpty();
            assertThat(all).extracting(Interaction::createdAt).isSorted();
            assertThat(again.items()).isEmpty();
            assertThat(again.next()).isEqualTo(page.next());
        }

        @Test
        @DisplayName("a cursor of another feed is refused")
        void foreignCursor() throws ConnectorException {
            Connector x = world.connector(X);
            PostRef one = publish(x, ENGLISH_POST, "one");
            PostRef two = publish(x, ENGLISH_POST, "two");
            Cursor ofOne = x.require(CommentModeration.class).comments(one, Optional.empty()).next().orElseThrow();

            assertThatThrownBy(() -> x.require(CommentModeration.class).comments(two, Optional.of(ofOne)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> x.require(MentionFeed.class).mentions(Optional.of(Cursor.of("garbage"))))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("hiding flags a comment hidden (the brand still reads it); unhiding shows it again")
        void hideAndUnhide() throws ConnectorException {
            Connector facebook = world.connector(FACEBOOK);
            PostRef post = publish(facebook, FRENCH_POST, "hide");
            clock.advance(Duration.ofHours(12));
            Interaction comment = comments(facebook, post).get(0);
            CommentModeration moderation = facebook.require(CommentModeration.class);

            moderation.hide(comment);
            assertThat(world.facts(comment).orElseThrow().hidden()).isTrue();
            assertThat(comments(facebook, post)).contains(comment);
            moderation.unhide(comment);
            assertThat(world.facts(comment).orElseThrow().visibility()).isEqualTo(InteractionFacts.Visibility.VISIBLE);
        }

        @Test
        @DisplayName("a deleted comment disappears from later pages and from the comment count")
        void deleteComment() throws ConnectorException {
            Connector facebook = world.connector(FACEBOOK);
            PostRef post = publish(facebook, FRENCH_POST, "delete");
            clock.advance(Duration.ofHours(12));
            List<Interaction> before = comments(facebook, post);
            long countBefore = facebook.require(Metrics.class).snapshot(post).value(Metric.COMMENTS).orElseThrow();
            Interaction victim = before.get(before.size() / 2);

            facebook.require(CommentModeration.class).delete(victim);

            assertThat(comments(facebook, post)).doesNotContain(victim).hasSize(before.size() - 1);
            assertThat(facebook.require(Metrics.class).snapshot(post).value(Metric.COMMENTS)).contains(countBefore - 1);
            assertThat(world.facts(victim).orElseThrow().deleted()).isTrue();
            assertThatThrownBy(() -> facebook.require(CommentModeration.class).hide(victim))
                    .isInstanceOf(RejectedException.class);
        }

        @Test
        @DisplayName("a blocked author stops commenting")
        void blockAuthor() throws ConnectorException {
            Connector instagram = world.connector(Sandbox.INSTAGRAM);
            List<PostRef> week = publishWeek(instagram, clock);
            Interaction flood = comments(instagram, week).stream()
                    .filter(c -> world.facts(c).orElseThrow().recurringAuthor()).findFirst().orElseThrow();
            instagram.require(CommentModeration.class).blockAuthor(flood.author());
            Instant blockedAt = clock.instant();

            List<PostRef> next = publishWeek(instagram, clock);
            List<Interaction> after = comments(instagram, next);
            after.addAll(mentions(instagram));
            assertThat(after).isNotEmpty()
                    .noneMatch(c -> c.author().id().equals(flood.author().id()) && c.createdAt().isAfter(blockedAt));
        }

        @Test
        @DisplayName("a report is recorded with its reason; a mention cannot be hidden")
        void reportAndMention() throws ConnectorException {
            Connector x = world.connector(X);
            clock.advance(Duration.ofDays(2));
            Interaction mention = mentions(x).get(0);
            CommentModeration moderation = x.require(CommentModeration.class);

            moderation.report(mention, "spam: dubious link");
            assertThat(world.facts(mention).orElseThrow().reports()).containsExactly("spam: dubious link");
            assertThatThrownBy(() -> moderation.hide(mention)).isInstanceOf(RejectedException.class);
        }

        @Test
        @DisplayName("replies as the brand, idempotently; some people answer back, in the thread under the brand's reply")
        void replies() throws ConnectorException {
            SandboxWorld busy = SandboxWorld.builder().seed(42).clock(clock).followers(Platform.FACEBOOK, 60_000).build();
            Connector facebook = busy.connector(FACEBOOK);
            PostRef post = publish(facebook, FRENCH_POST, "replies");
            clock.advance(Duration.ofHours(8));
            CommentModeration moderation = facebook.require(CommentModeration.class);
            List<Interaction> questions = comments(facebook, post).stream()
                    .filter(c -> c.kind() == Interaction.Kind.COMMENT)
                    .filter(c -> Set.of(Intent.QUESTION, Intent.CRITIQUE).contains(intentOf(busy, c))).toList();
            assertThat(questions).hasSizeGreaterThan(4);
            Set<String> replyIds = new HashSet<>();
            for (Interaction question : questions) {
                PublishedPost reply = moderation.reply(question, "Merci pour votre message, on vous répond en privé !",
                        "reply/" + question.id());
                assertThat(moderation.reply(question, "Merci !", "reply/" + question.id())).isEqualTo(reply);
                replyIds.add(reply.ref().id());
            }
            clock.advance(Duration.ofDays(1));

            List<Interaction> answers = comments(facebook, post).stream()
                    .filter(c -> c.thread().replyToBrand() && c.thread().depth() == 3).toList();
            assertThat(answers).isNotEmpty().allSatisfy(a -> {
                assertThat(a.kind()).isEqualTo(Interaction.Kind.REPLY);
                assertThat(replyIds).contains(a.thread().parentId().orElseThrow());
                assertThat(a.thread().rootId()).contains(post.id());
            });
        }
    }

    @Nested
    @DisplayName("feeds mentions")
    class Mentions {

        @Test
        @DisplayName("mentions and quotes arrive oldest first, resumable like comments, each naming the brand")
        void mentionFeed() throws ConnectorException {
            Connector bluesky = world.connector(BLUESKY);
            publish(bluesky, FRENCH_POST, "quoted");
            clock.advance(Duration.ofDays(2));
            MentionFeed feed = bluesky.require(MentionFeed.class);
            Page<Interaction> first = feed.mentions(Optional.empty());
            clock.advance(Duration.ofDays(1));
            List<Interaction> rest = Sandbox.readAll(first.next(), feed::mentions);
            List<Interaction> all = new ArrayList<>(first.items());
            all.addAll(rest);

            assertThat(all).isNotEmpty().doesNotHaveDuplicates().containsExactlyElementsOf(mentions(bluesky));
            assertThat(all).extracting(Interaction::kind).contains(Interaction.Kind.MENTION, Interaction.Kind.QUOTE);
            assertThat(all.stream().filter(m -> m.kind() == Interaction.Kind.MENTION))
                    .allMatch(m -> m.text().contains("@cafelumiere.bsky.social"));
        }

        @Test
        @DisplayName("answers to the brand's reply to a mention arrive in the mention feed, threaded under that reply")
        void answersToRepliesOnMentions() throws ConnectorException {
            SandboxWorld busy = SandboxWorld.builder().seed(5).clock(clock).mentionsPerDay(40).build();
            Connector x = busy.connector(X);
            clock.advance(Duration.ofDays(1));
            MentionFeed feed = x.require(MentionFeed.class);
            Pager<Interaction> inbox = Pager.from(Optional.empty(), feed::mentions);
            List<Interaction> toAnswer = Sandbox.read(inbox).stream()
                    .filter(m -> Set.of(Intent.QUESTION, Intent.CRITIQUE).contains(intentOf(busy, m))).toList();
            Set<String> replyIds = new HashSet<>();
            for (Interaction mention : toAnswer) {
                replyIds.add(x.require(CommentModeration.class)
                        .reply(mention, "Thanks for reaching out, we're on it!", "mention-reply/" + mention.id()).ref().id());
            }
            clock.advance(Duration.ofDays(1));

            List<Interaction> answers = Sandbox.readAll(inbox.resumeFrom(), feed::mentions).stream()
                    .filter(m -> m.thread().parentId().map(replyIds::contains).orElse(false)).toList();
            assertThat(toAnswer).hasSizeGreaterThan(4);
            assertThat(answers).isNotEmpty().allSatisfy(a -> {
                assertThat(a.thread().replyToBrand()).isTrue();
                assertThat(a.thread().depth()).isEqualTo(2);
                assertThat(a.author()).isIn(toAnswer.stream().map(Interaction::author).toList());
            });
        }
    }

    @Nested
    @DisplayName("reports counters the way its platform does")
    class Metrics_ {

        @Test
        @DisplayName("Mastodon and Bluesky snapshots lack impressions and reach: absent, never zero")
        void noImpressionsOnTheOpenWeb() throws ConnectorException {
            for (Account account : List.of(MASTODON, BLUESKY)) {
                Connector connector = world.connector(account);
                PostRef post = publish(connector, FRENCH_POST, "open-web");
                clock.advance(Duration.ofHours(6));
                Metrics metrics = connector.require(Metrics.class);
                MetricSnapshot snapshot = metrics.snapshot(post);

                assertThat(metrics.postMetrics()).doesNotContain(Metric.IMPRESSIONS, Metric.REACH);
                assertThat(snapshot.values()).doesNotContainKeys(Metric.IMPRESSIONS, Metric.REACH)
                        .containsKeys(Metric.LIKES, Metric.SHARES, Metric.COMMENTS);
                assertThat(snapshot.value(Metric.IMPRESSIONS)).isEmpty();
                assertThat(metrics.accountSnapshot().values()).containsOnlyKeys(Metric.FOLLOWERS);
            }
        }

        @Test
        @DisplayName("X and Facebook expose impressions; Facebook reach too; each snapshot holds exactly the advertised counters")
        void impressionsWhereExposed() throws ConnectorException {
            for (Account account : List.of(X, FACEBOOK)) {
                Connector connector = world.connector(account);
                PostRef post = publish(connector, ENGLISH_POST, "closed-web");
                clock.advance(Duration.ofHours(6));
                Metrics metrics = connector.require(Metrics.class);
                MetricSnapshot snapshot = metrics.snapshot(post);

                assertThat(snapshot.values()).containsOnlyKeys(metrics.postMetrics());
                assertThat(snapshot.value(Metric.IMPRESSIONS).orElseThrow()).isPositive();
                assertThat(snapshot.postId()).contains(post.id());
                assertThat(snapshot.takenAt()).isEqualTo(clock.instant());
            }
            assertThat(world.connector(FACEBOOK).require(Metrics.class).postMetrics()).contains(Metric.REACH);
            assertThat(world.connector(X).require(Metrics.class).postMetrics()).contains(Metric.QUOTES).doesNotContain(Metric.REACH);
        }
    }

    @Nested
    @DisplayName("reads and updates the profile")
    class Profiles_ {

        @Test
        @DisplayName("reads a default profile and applies an update, leaving empty fields as they were")
        void update() throws ConnectorException {
            Profiles profiles = world.connector(MASTODON).require(Profiles.class);
            Profile before = profiles.profile();
            assertThat(before.displayName()).isEqualTo("Cafe Lumiere");
            assertThat(before.bio()).contains("Cafe Lumiere");

            MediaAsset avatar = new MediaAsset(MediaAsset.Kind.IMAGE, URI.create("file:///tmp/logo.png"), "image/png",
                    40_000, Optional.of("Logo"));
            Profile after = profiles.update(ProfileUpdate.none().withBio("Torréfacteur à Lyon ☕")
                    .withWebsite(URI.create("https://cafe-lumiere.example")).withAvatar(avatar));

            assertThat(after.displayName()).isEqualTo(before.displayName());
            assertThat(after.bio()).isEqualTo("Torréfacteur à Lyon ☕");
            assertThat(after.website()).contains(URI.create("https://cafe-lumiere.example"));
            assertThat(after.avatar()).get().asString().endsWith(".png");
            assertThat(profiles.profile()).isEqualTo(after);
        }

        @Test
        @DisplayName("refuses a display name over the platform's limit, naming the platform and the limit")
        void tooLong() {
            Profiles profiles = world.connector(MASTODON).require(Profiles.class);
            assertThatThrownBy(() -> profiles.update(ProfileUpdate.none().withDisplayName("Café Lumière, torréfacteur depuis 1987")))
                    .isInstanceOfSatisfying(RejectedException.class, e ->
                            assertThat(e.reason()).contains("Mastodon").contains("display name length").contains("limit 30"));
        }
    }

    @Nested
    @DisplayName("boosts posts")
    class Promotion_ {

        @Test
        @DisplayName("a boost is reviewed, spends over simulated time up to its budget and never beyond, then completes")
        void spendUpToBudget() throws ConnectorException {
            Connector facebook = world.connector(FACEBOOK);
            PostRef post = publish(facebook, FRENCH_POST, "boosted");
            Promotion promotion = facebook.require(Promotion.class);
            Money budget = Money.of("150.00", "EUR");
            Boost boost = promotion.boost(new BoostRequest(post, budget, clock.instant(),
                    clock.instant().plus(Duration.ofDays(3)), "boost-1"));

            assertThat(boost.status()).isEqualTo(Boost.Status.PENDING_REVIEW);
            assertThat(boost.spent()).isEqualTo(Money.of("0", "EUR"));
            Money previous = boost.spent();
            for (int hour = 0; hour < 96; hour++) {
                clock.advance(Duration.ofHours(1));
                Boost now = promotion.status(boost.id());
                assertThat(now.spent()).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(budget);
                if (hour == 12) {
                    assertThat(now.status()).isEqualTo(Boost.Status.ACTIVE);
                }
                previous = now.spent();
            }
            Boost done = promotion.status(boost.id());
            assertThat(done.status()).isEqualTo(Boost.Status.COMPLETED);
            assertThat(done.spent()).isEqualTo(budget);
        }

        @Test
        @DisplayName("the same idempotency key returns the existing boost instead of paying twice")
        void idempotentBoost() throws ConnectorException {
            Connector facebook = world.connector(FACEBOOK);
            PostRef post = publish(facebook, FRENCH_POST, "boosted");
            Promotion promotion = facebook.require(Promotion.class);
            BoostRequest request = new BoostRequest(post, Money.of("50", "EUR"), clock.instant(),
                    clock.instant().plus(Duration.ofDays(2)), "boost-once");

            Boost first = promotion.boost(request);
            clock.advance(Duration.ofHours(1));
            assertThat(promotion.boost(request).id()).isEqualTo(first.id());
        }

        @Test
        @DisplayName("cancelling stops the spend where it stands")
        void cancel() throws ConnectorException {
            Connector facebook = world.connector(FACEBOOK);
            PostRef post = publish(facebook, FRENCH_POST, "boosted");
            Promotion promotion = facebook.require(Promotion.class);
            Boost boost = promotion.boost(new BoostRequest(post, Money.of("100", "EUR"), clock.instant(),
                    clock.instant().plus(Duration.ofDays(4)), "boost-cancel"));
            clock.advance(Duration.ofDays(1));

            Boost cancelled = promotion.cancel(boost.id());
            clock.advance(Duration.ofDays(5));

            assertThat(cancelled.status()).isEqualTo(Boost.Status.CANCELLED);
            assertThat(cancelled.spent()).isGreaterThan(Money.of("20", "EUR")).isLessThan(Money.of("30", "EUR"));
            assertThat(promotion.status(boost.id())).isEqualTo(cancelled);
        }

        @Test
        @DisplayName("a boosted post reaches more people than the same post unboosted")
        void boostedReachesMore() throws ConnectorException {
            SimulatedClock otherClock = Sandbox.clock();
            SandboxWorld twin = Sandbox.world(42, otherClock);
            Connector boosted = world.connector(FACEBOOK);
            Connector organic = twin.connector(FACEBOOK);
            PostRef boostedPost = publish(boosted, FRENCH_POST, "twin");
            PostRef organicPost = publish(organic, FRENCH_POST, "twin");
            boosted.require(Promotion.class).boost(new BoostRequest(boostedPost, Money.of("200", "EUR"), clock.instant(),
                    clock.instant().plus(Duration.ofDays(2)), "boost-twin"));
            clock.advance(Duration.ofDays(3));
            otherClock.advance(Duration.ofDays(3));

            MetricSnapshot withBoost = boosted.require(Metrics.class).snapshot(boostedPost);
            MetricSnapshot without = organic.require(Metrics.class).snapshot(organicPost);
            assertThat(withBoost.value(Metric.REACH).orElseThrow())
                    .isGreaterThan(without.value(Metric.REACH).orElseThrow() + 10_000);
            assertThat(withBoost.value(Metric.LIKES).orElseThrow()).isGreaterThan(without.value(Metric.LIKES).orElseThrow());
        }

        @Test
        @DisplayName("refuses to boost a post that is not the account's, or a boost that cannot run")
        void refusals() throws ConnectorException {
            Connector facebook = world.connector(FACEBOOK);
            Promotion promotion = facebook.require(Promotion.class);
            assertThatThrownBy(() -> promotion.boost(new BoostRequest(PostRef.of(Platform.FACEBOOK, "1_2"),
                    Money.of("10", "EUR"), clock.instant(), clock.instant().plus(Duration.ofDays(1)), "nope")))
                    .isInstanceOf(RejectedException.class);
            PostRef post = publish(facebook, FRENCH_POST, "short");
            assertThatThrownBy(() -> promotion.boost(new BoostRequest(post, Money.of("10", "EUR"), clock.instant(),
                    clock.instant().plus(Duration.ofMinutes(5)), "too-short")))
                    .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).contains("review"));
            assertThatThrownBy(() -> promotion.status("unknown")).isInstanceOf(RejectedException.class);
        }
    }

    @Nested
    @DisplayName("fails on demand, the way platforms fail")
    class Faults {

        @Test
        @DisplayName("a transient failure is retryable and publishes nothing; the next call succeeds")
        void transientFailure() throws ConnectorException {
            world.faults(X).failNext(1, Fault.transientFailure());
            Publishing publishing = world.connector(X).require(Publishing.class);
            PublishRequest request = PublishRequest.now(PostVariant.text(Platform.X, ENGLISH_POST), "retry-me");

            assertThatThrownBy(() -> publishing.publish(request))
                    .isInstanceOfSatisfying(TransientException.class, e -> assertThat(e.isRetryable()).isTrue());
            assertThat(publishing.findPublished("retry-me")).isEmpty();
            assertThat(publishing.publish(request).idempotencyKey()).isEqualTo("retry-me");
        }

        @Test
        @DisplayName("a rate limit carries its reset instant, relative to the failing call or fixed")
        void rateLimited() {
            Instant fixed = clock.instant().plus(Duration.ofHours(1));
            world.faults(MASTODON).failNext(1, Fault.rateLimited(Duration.ofMinutes(15)))
                    .failNext(1, Fault.rateLimitedUntil(fixed));
            clock.advance(Duration.ofMinutes(2));
            Instant firstCall = clock.instant();
            MentionFeed feed = world.connector(MASTODON).require(MentionFeed.class);

            assertThatThrownBy(() -> feed.mentions(Optional.empty()))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.resetAt()).isEqualTo(firstCall.plus(Duration.ofMinutes(15)));
                        assertThat(e.platformMessage()).contains("Too many requests");
                        assertThat(e.isRetryable()).isTrue();
                    });
            assertThatThrownBy(() -> feed.mentions(Optional.empty()))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.resetAt()).isEqualTo(fixed));
        }

        @Test
        @DisplayName("authentication failures and rejections carry the platform's words")
        void authenticationAndRejection() {
            world.faults(BLUESKY).failNext(1, Fault.authenticationFailure()).failNext(1, Fault.rejected("Account is takendown"));
            Profiles profiles = world.connector(BLUESKY).require(Profiles.class);

            assertThatThrownBy(profiles::profile).isInstanceOfSatisfying(AuthenticationException.class,
                    e -> assertThat(e.platformMessage()).get().asString().contains("ExpiredToken"));
            assertThatThrownBy(profiles::profile).isInstanceOfSatisfying(RejectedException.class,
                    e -> assertThat(e.reason()).isEqualTo("Account is takendown"));
        }

        @Test
        @DisplayName("a lost response fails after the post went out: a retry with the same key finds it, never a duplicate")
        void lostResponse() throws ConnectorException {
            world.faults(MASTODON).failNext(1, Fault.lostResponse(), Capability.PUBLISHING);
            Publishing publishing = world.connector(MASTODON).require(Publishing.class);
            PublishRequest request = PublishRequest.now(PostVariant.text(Platform.MASTODON, FRENCH_POST), "lost");

            assertThatThrownBy(() -> publishing.publish(request)).isInstanceOf(TransientException.class);
            PublishedPost found = publishing.findPublished("lost").orElseThrow();
            assertThat(publishing.publish(request)).isEqualTo(found);
        }

        @Test
        @DisplayName("a fault aimed at one capability leaves the others alone, and can be cleared")
        void scopedAndCleared() throws ConnectorException {
            SandboxFaults faults = world.faults(X).failNext(3, Fault.transientFailure(), Capability.PROMOTION);
            Connector x = world.connector(X);

            assertThat(x.require(Metrics.class).accountSnapshot().values()).containsKey(Metric.FOLLOWERS);
            assertThat(faults.pending()).isEqualTo(3);
            assertThatThrownBy(() -> x.require(Promotion.class).status("any")).isInstanceOf(TransientException.class);
            assertThat(faults.pending()).isEqualTo(2);
            faults.clear();
            assertThatThrownBy(() -> x.require(Promotion.class).status("any")).isInstanceOf(RejectedException.class);
        }
    }
}
