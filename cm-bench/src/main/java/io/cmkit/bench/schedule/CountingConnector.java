package io.cmkit.bench.schedule;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connector that counts every publish call per idempotency key before passing it on. The
 * sandbox, like Mastodon, ignores a repeated key, so a double send would not show in its posts:
 * the calls are what the exactly-once check counts.
 */
final class CountingConnector implements Connector {

    private final Connector delegate;
    private final Publishing publishing;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    CountingConnector(Connector delegate) {
        this.delegate = delegate;
        Publishing inner = delegate.publishing().orElseThrow();
        this.publishing = new Publishing() {
            @Override
            public PublishedPost publish(PublishRequest request) throws ConnectorException {
                calls.computeIfAbsent(request.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
                return inner.publish(request);
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
        };
    }

    /** Publish calls per idempotency key. */
    Map<String, Integer> calls() {
        Map<String, Integer> out = new java.util.HashMap<>();
        calls.forEach((k, v) -> out.put(k, v.get()));
        return out;
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
        return Optional.of(publishing);
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

    @Override
    public void close() {
        delegate.close();
    }
}
