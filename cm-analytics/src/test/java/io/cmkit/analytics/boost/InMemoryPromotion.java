package io.cmkit.analytics.boost;

import io.cmkit.core.model.Money;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.Boost;
import io.cmkit.core.spi.BoostRequest;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Promotion;
import io.cmkit.core.spi.RejectedException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A platform's promotion kept in memory, honouring the SPI's contract: the same idempotency key
 * returns the existing boost; posts listed as refused are rejected with the platform's reason.
 */
final class InMemoryPromotion implements Promotion {

    private final Platform platform;
    private final Set<String> refusedPostIds;
    final Map<String, Boost> byKey = new LinkedHashMap<>();
    int calls;

    InMemoryPromotion(Platform platform, Set<String> refusedPostIds) {
        this.platform = platform;
        this.refusedPostIds = refusedPostIds;
    }

    @Override
    public synchronized Boost boost(BoostRequest request) throws ConnectorException {
        calls++;
        Boost existing = byKey.get(request.idempotencyKey());
        if (existing != null) {
            return existing;
        }
        if (refusedPostIds.contains(request.post().id())) {
            throw new RejectedException(platform, "ad account has no payment method", Optional.of("PAYMENT"));
        }
        Boost boost = new Boost("boost-" + (byKey.size() + 1), request,
                new Money(BigDecimal.ZERO, request.budget().currency()), Boost.Status.ACTIVE);
        byKey.put(request.idempotencyKey(), boost);
        return boost;
    }

    @Override
    public synchronized Boost status(String boostId) {
        return byKey.values().stream().filter(b -> b.id().equals(boostId)).findFirst().orElseThrow();
    }

    @Override
    public synchronized Boost cancel(String boostId) {
        Boost b = status(boostId);
        Boost cancelled = new Boost(b.id(), b.request(), b.spent(), Boost.Status.CANCELLED);
        byKey.put(b.request().idempotencyKey(), cancelled);
        return cancelled;
    }
}
