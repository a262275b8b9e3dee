package io.cmkit.bench.schedule;

import io.cmkit.core.model.Account;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The least a publishing connector can do: remember the post under its key and answer at once
 * (idempotency {@code NATIVE}, like Mastodon). The benchmark's {@code connector=minimal} variant,
 * to tell the scheduler's cost from the sandbox world's.
 */
final class ZeroLatencyConnector implements Connector {

    private final Account account;
    private final Clock clock;
    private final Map<String, PublishedPost> posts = new ConcurrentHashMap<>();
    private final Publishing publishing = new Publishing() {
        @Override
        public PublishedPost publish(PublishRequest request) {
            return posts.computeIfAbsent(request.idempotencyKey(), key -> new PublishedPost(
                    new PostRef(account.platform(), "post-" + key, Optional.empty(), Optional.empty()), clock.instant(),
                    key));
        }

        @Override
        public void delete(PostRef post) {
            posts.values().removeIf(p -> p.ref().equals(post));
        }

        @Override
        public Idempotency idempotency() {
            return Idempotency.NATIVE;
        }

        @Override
        public Optional<PublishedPost> findPublished(String idempotencyKey) {
            return Optional.ofNullable(posts.get(idempotencyKey));
        }

        @Override
        public boolean supportsNativeScheduling() {
            return false;
        }
    };

    ZeroLatencyConnector(Account account, Clock clock) {
        this.account = account;
        this.clock = clock;
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public PlatformLimits limits() {
        return PlatformLimits.defaultsFor(account.platform());
    }

    @Override
    public Optional<Publishing> publishing() {
        return Optional.of(publishing);
    }
}
