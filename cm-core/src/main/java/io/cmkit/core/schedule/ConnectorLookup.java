package io.cmkit.core.schedule;

import io.cmkit.core.model.Account;
import io.cmkit.core.spi.Connector;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the connector that acts for an account: the workflow reads its limits, the scheduler
 * publishes through it. A host backs it with its own registry of opened connectors.
 */
@FunctionalInterface
public interface ConnectorLookup {

    /** The connector for this account, if the host has one. */
    Optional<Connector> find(Account account);

    /** A lookup over these connectors, by {@link Account#key()}; the first one for an account wins. */
    static ConnectorLookup of(Collection<? extends Connector> connectors) {
        Map<String, Connector> byKey = new LinkedHashMap<>();
        for (Connector connector : connectors) {
            byKey.putIfAbsent(connector.account().key(), connector);
        }
        Map<String, Connector> frozen = Map.copyOf(byKey);
        return account -> Optional.ofNullable(frozen.get(account.key()));
    }

    /** No connector at all: limits come from the platforms' defaults, and nothing can be published. */
    static ConnectorLookup none() {
        return account -> Optional.empty();
    }
}
