package io.cmkit.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The connector providers found on the class path, and the way to open a connector from a typed
 * configuration.
 *
 * <pre>{@code
 * Connectors connectors = Connectors.discover();
 * Connector mastodon = connectors.open(new MastodonConfig(account, instance, token));
 * }</pre>
 */
public final class Connectors {

    private final List<ConnectorProvider<?>> providers;
    private final ConnectorContext context;

    private Connectors(List<ConnectorProvider<?>> providers, ConnectorContext context) {
        this.providers = List.copyOf(providers);
        this.context = Objects.requireNonNull(context, "context");
    }

    /** Providers found by {@link ServiceLoader} with this class's class loader, and the system clock. */
    public static Connectors discover() {
        return discover(Connectors.class.getClassLoader(), ConnectorContext.ofDefaults());
    }

    /** Providers found by {@link ServiceLoader} with the given class loader and context. */
    @SuppressWarnings("rawtypes")
    public static Connectors discover(ClassLoader loader, ConnectorContext context) {
        List<ConnectorProvider<?>> found = new ArrayList<>();
        for (ConnectorProvider provider : ServiceLoader.load(ConnectorProvider.class, loader)) {
            found.add(provider);
        }
        return new Connectors(found, context);
    }

    /** Exactly these providers, for hosts that wire connectors by hand. */
    public static Connectors of(ConnectorContext context, List<ConnectorProvider<?>> providers) {
        return new Connectors(providers, context);
    }

    /** The providers, in discovery order. */
    public List<ConnectorProvider<?>> providers() {
        return providers;
    }

    /**
     * Opens a connector with the first provider that accepts this configuration's type.
     *
     * @throws IllegalArgumentException naming the configuration type and the known providers when none accepts it
     */
    public Connector open(ConnectorConfig config) {
        Objects.requireNonNull(config, "config");
        for (ConnectorProvider<?> provider : providers) {
            if (provider.configType().isInstance(config)) {
                return openWith(provider, config, context);
            }
        }
        throw new IllegalArgumentException("no connector provider accepts " + config.getClass().getName()
                + "; providers found: " + (providers.isEmpty() ? "none (is cm-connectors on the class path?)"
                : providers.stream().map(p -> p.configType().getSimpleName() + " (" + p.platform() + ")")
                        .collect(Collectors.joining(", "))));
    }

    private static <C extends ConnectorConfig> Connector openWith(ConnectorProvider<C> provider, ConnectorConfig config,
                                                                  ConnectorContext context) {
        return provider.open(provider.configType().cast(config), context);
    }
}
