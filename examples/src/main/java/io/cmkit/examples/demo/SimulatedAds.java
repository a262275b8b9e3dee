package io.cmkit.examples.demo;

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

/**
 * The demo's advertising account: a {@link Promotion} kept in memory, because the sandbox
 * platforms sell no ads. It behaves as the SPI asks: a boost per idempotency key (the same key
 * returns the existing boost, never pays twice), active until cancelled, nothing spent yet. A real
 * host plugs in the platform's ads API behind the same interface.
 */
final class SimulatedAds implements Promotion {

    private static final Platform ADS = Platform.of("demo-ads");

    private final Map<String, Boost> byKey = new LinkedHashMap<>();
    private final Map<String, String> keyById = new LinkedHashMap<>();

    @Override
    public synchronized Boost boost(BoostRequest request) {
        return byKey.computeIfAbsent(request.idempotencyKey(), key -> {
            String id = "ad-" + (byKey.size() + 1);
            keyById.put(id, key);
            return new Boost(id, request, new Money(BigDecimal.ZERO.setScale(2), request.budget().currency()),
                    Boost.Status.ACTIVE);
        });
    }

    @Override
    public synchronized Boost status(String boostId) throws ConnectorException {
        return find(boostId);
    }

    @Override
    public synchronized Boost cancel(String boostId) throws ConnectorException {
        Boost boost = find(boostId);
        Boost cancelled = new Boost(boost.id(), boost.request(), boost.spent(), Boost.Status.CANCELLED);
        byKey.put(keyById.get(boostId), cancelled);
        return cancelled;
    }

    private Boost find(String boostId) throws ConnectorException {
        return Optional.ofNullable(keyById.get(boostId)).map(byKey::get)
                .orElseThrow(() -> new RejectedException(ADS, "no boost '" + boostId + "' on the demo's ads account", Optional.empty()));
    }
}
