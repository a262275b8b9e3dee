package io.cmkit.core.spi;

import io.cmkit.core.model.Platform;

/**
 * Makes connectors of one kind from their typed configuration. Providers are found with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.cmkit.core.spi.ConnectorProvider}. {@link Connectors} picks the
 * provider whose {@link #configType()} the given configuration is an instance of.
 *
 * @param <C> the configuration record this provider takes
 */
public interface ConnectorProvider<C extends ConnectorConfig> {

    /** The platform its connectors talk to, or the platform it simulates. */
    Platform platform();

    /** The configuration type it accepts. */
    Class<C> configType();

    /**
     * A new connector for the configured account. Makes no network call: credentials are checked
     * on first use.
     *
     * @throws IllegalArgumentException when the configuration cannot work (a relative instance URL...)
     */
    Connector open(C config, ConnectorContext context);
}
