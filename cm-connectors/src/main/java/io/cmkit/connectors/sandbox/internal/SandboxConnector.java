package io.cmkit.connectors.sandbox.internal;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.spi.Boost;
import io.cmkit.core.spi.BoostRequest;
import io.cmkit.core.spi.Capability;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Metrics;
import io.cmkit.core.spi.ModerationOperation;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.Profile;
import io.cmkit.core.spi.ProfileUpdate;
import io.cmkit.core.spi.Profiles;
import io.cmkit.core.spi.Promotion;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A sandbox connector for one account: every capability, each a thin shell over the world. Each
 * call catches the world up with its clock, may fail with an injected fault, and runs under the
 * world's lock.
 */
final class SandboxConnector implements Connector {

    private static final Set<ModerationOperation> ALL_OPERATIONS = Set.copyOf(EnumSet.allOf(ModerationOperation.class));

    private final World world;
    private final AccountState account;
    private final Publishing publishing = new SandboxPublishing();
    private final CommentModeration moderation = new SandboxModeration();
    private final MentionFeed mentionFeed = new SandboxMentions();
    private final Metrics metrics = new SandboxMetrics();
    private final Profiles profiles = new SandboxProfiles();
    private final Promotion promotion = new SandboxPromotion();
    private volatile boolean closed;

    SandboxConnector(World world, AccountState account) {
        this.world = world;
        this.account = account;
    }

    /** The account's state in the world, for the package's tests. */
    AccountState state() {
        return account;
    }

    @Override
    public Account account() {
        return account.account;
    }

    @Override
    public PlatformLimits limits() {
        return account.limits;
    }

    @Override
    public Optional<Publishing> publishing() {
        return Optional.of(publishing);
    }

    @Override
    public Optional<CommentModeration> commentModeration() {
        return Optional.of(moderation);
    }

    @Override
    public Optional<MentionFeed> mentionFeed() {
        return Optional.of(mentionFeed);
    }

    @Override
    public Optional<Metrics> metrics() {
        return Optional.of(metrics);
    }

    @Override
    public Optional<Profiles> profiles() {
        return Optional.of(profiles);
    }

    @Override
    public Optional<Promotion> promotion() {
        return Optional.of(promotion);
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "SandboxConnector[" + account.account + "]";
    }

    private <T> T call(Capability capability, World.Call<T> call) throws ConnectorException {
        if (closed) {
            throw new IllegalStateException("this sandbox connector for " + account.account + " is closed");
        }
        return world.call(account, capability, call);
    }

    private final class SandboxPublishing implements Publishing {

        @Override
        public PublishedPost publish(PublishRequest request) throws ConnectorException {
            Objects.requireNonNull(request, "request");
            return call(Capability.PUBLISHING, () -> world.publish(account, request));
        }

        @Override
        public void delete(PostRef post) throws ConnectorException {
            Objects.requireNonNull(post, "post");
            call(Capability.PUBLISHING, () -> {
                world.deletePost(account, post);
                return null;
            });
        }

        @Override
        public Idempotency idempotency() {
            return account.traits.idempotency();
        }

        @Override
        public Optional<PublishedPost> findPublished(String idempotencyKey) throws ConnectorException {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            return call(Capability.PUBLISHING, () -> world.findPublished(account, idempotencyKey));
        }

        @Override
        public boolean supportsNativeScheduling() {
            return account.traits.nativeScheduling();
        }
    }

    private final class SandboxModeration implements CommentModeration {

        @Override
        public Set<ModerationOperation> supportedOperations() {
            return ALL_OPERATIONS;
        }

        @Override
        public Page<Interaction> comments(PostRef post, Optional<Cursor> from) throws ConnectorException {
            Objects.requireNonNull(post, "post");
            Objects.requireNonNull(from, "from");
            return call(Capability.COMMENT_MODERATION, () -> world.comments(account, post, from));
        }

        @Override
        public void hide(Interaction comment) throws ConnectorException {
            Objects.requireNonNull(comment, "comment");
            call(Capability.COMMENT_MODERATION, () -> {
                world.hide(account, comment, true);
                return null;
            });
        }

        @Override
        public void unhide(Interaction comment) throws ConnectorException {
            Objects.requireNonNull(comment, "comment");
            call(Capability.COMMENT_MODERATION, () -> {
                world.hide(account, comment, false);
                return null;
            });
        }

        @Override
        public void delete(Interaction comment) throws ConnectorException {
            Objects.requireNonNull(comment, "comment");
            call(Capability.COMMENT_MODERATION, () -> {
                world.deleteComment(account, comment);
                return null;
            });
        }

        @Override
        public PublishedPost reply(Interaction comment, String text, String idempotencyKey) throws ConnectorException {
            Objects.requireNonNull(comment, "comment");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            return call(Capability.COMMENT_MODERATION, () -> world.reply(account, comment, text, idempotencyKey));
        }

        @Override
        public void blockAuthor(Author author) throws ConnectorException {
            Objects.requireNonNull(author, "author");
            call(Capability.COMMENT_MODERATION, () -> {
                world.block(account, author);
                return null;
            });
        }

        @Override
        public void report(Interaction comment, String reason) throws ConnectorException {
            Objects.requireNonNull(comment, "comment");
            Objects.requireNonNull(reason, "reason");
            call(Capability.COMMENT_MODERATION, () -> {
                world.report(account, comment, reason);
                return null;
            });
        }
    }

    private final class SandboxMentions implements MentionFeed {

        @Override
        public Page<Interaction> mentions(Optional<Cursor> from) throws ConnectorException {
            Objects.requireNonNull(from, "from");
            return call(Capability.MENTION_FEED, () -> world.mentions(account, from));
        }
    }

    private final class SandboxMetrics implements Metrics {

        @Override
        public Set<Metric> postMetrics() {
            return account.traits.postMetrics();
        }

        @Override
        public Set<Metric> accountMetrics() {
            return account.traits.accountMetrics();
        }

        @Override
        public MetricSnapshot snapshot(PostRef post) throws ConnectorException {
            Objects.requireNonNull(post, "post");
            return call(Capability.METRICS, () -> world.postSnapshot(account, post));
        }

        @Override
        public MetricSnapshot accountSnapshot() throws ConnectorException {
            return call(Capability.METRICS, () -> world.accountSnapshot(account));
        }
    }

    private final class SandboxProfiles implements Profiles {

        @Override
        public Profile profile() throws ConnectorException {
            return call(Capability.PROFILES, () -> world.profile(account));
        }

        @Override
        public Profile update(ProfileUpdate update) throws ConnectorException {
            Objects.requireNonNull(update, "update");
            return call(Capability.PROFILES, () -> world.updateProfile(account, update));
        }
    }

    private final class SandboxPromotion implements Promotion {

        @Override
        public Boost boost(BoostRequest request) throws ConnectorException {
            Objects.requireNonNull(request, "request");
            return call(Capability.PROMOTION, () -> world.boost(account, request));
        }

        @Override
        public Boost status(String boostId) throws ConnectorException {
            Objects.requireNonNull(boostId, "boostId");
            return call(Capability.PROMOTION, () -> world.boostStatus(account, boostId));
        }

        @Override
        public Boost cancel(String boostId) throws ConnectorException {
            Objects.requireNonNull(boostId, "boostId");
            return call(Capability.PROMOTION, () -> world.cancelBoost(account, boostId));
        }
    }
}
