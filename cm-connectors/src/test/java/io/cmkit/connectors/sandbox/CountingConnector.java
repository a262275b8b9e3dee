package io.cmkit.connectors.sandbox;

import io.cmkit.core.model.Account;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Metrics;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.Profiles;
import io.cmkit.core.spi.Promotion;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sandbox connector seen through a window that counts every publish call per idempotency key,
 * and can play a scheduler instance's death right after the platform accepted a post.
 */
final class CountingConnector implements Connector {

    /** The "process" died between the platform's answer and the store's record. */
    static final class InstanceDied extends Error {
        private static final long serialVersionUID = 1L;

        InstanceDied() {
            super("scheduler instance died after the platform accepted the post");
        }
    }

    private final Connector delegate;
    private final Map<String, Integer> publishCalls = new ConcurrentHashMap<>();
    private final AtomicBoolean dieAfterNextPublish = new AtomicBoolean();

    CountingConnector(Connector delegate) {
        this.delegate = delegate;
    }

    /** Publish calls made with each idempotency key. */
    Map<String, Integer> publishCalls() {
        return Map.copyOf(publishCalls);
    }

    /** The next publish reaches the platform, then the calling instance dies. */
    void dieAfterNextPublish() {
        dieAfterNextPublish.set(true);
    }

    @Override
    public Account account() {
        return delegate.account();
    }

    @Override
    public PlatformLimits limits() {
        return delegate.limits();
    }

    @Override
    public Optional<Publishing> publishing() {
        Publishing inner = delegate.publishing().orElseThrow();
        return Optional.of(new Publishing() {
            @Override
            public PublishedPost publish(PublishRequest request) throws ConnectorException {
                publishCalls.merge(request.idempotencyKey(), 1, Integer::sum);
                PublishedPost post = inner.publish(request);
                if (dieAfterNextPublish.compareAndSet(true, false)) {
                    throw new InstanceDied();
                }
                return post;
            }

            @Override
            public void delete(PostRef post) throws ConnectorException {
                inner.delete(post);
            }

            @Override
            public Idempotency idempotency() {
                return inner.idempotency();
            }

            @Override
            public Optional<PublishedPost> findPublished(String idempotencyKey) throws ConnectorException {
                return inner.findPublished(idempotencyKey);
            }

            @Override
            public boolean supportsNativeScheduling() {
                return inner.supportsNativeScheduling();
            }
        });
    }

    @Override
    public Optional<CommentModeration> commentModeration() {
        return delegate.commentModeration();
    }

    @Override
    public Optional<MentionFeed> mentionFeed() {
        return delegate.mentionFeed();
    }

    @Override
    public Optional<Metrics> metrics() {
        return delegate.metrics();
    }

    @Override
    public Optional<Profiles> profiles() {
        return delegate.profiles();
    }

    @Override
    public Optional<Promotion> promotion() {
        return delegate.promotion();
    }
}
