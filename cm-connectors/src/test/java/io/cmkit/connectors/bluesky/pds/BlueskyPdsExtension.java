package io.cmkit.connectors.bluesky.pds;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class the JVM's shared {@link BlueskyPds}, as a parameter of its constructor,
 * lifecycle methods or tests. The first class to ask starts it (npm ci when needed, then the
 * server); JUnit's root context stops it when the whole run is done.
 *
 * <p>Where node or npm is missing the class's tests are skipped, with the reason in the report;
 * with {@code CI=true} they fail instead.
 */
public final class BlueskyPdsExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BlueskyPdsExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        pds(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BlueskyPds.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return pds(context);
    }

    private static BlueskyPds pds(ExtensionContext context) {
        BlueskyPds pds = BlueskyPds.shared();
        // Close once, when the root context (the whole run) closes.
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("stopper",
                k -> (ExtensionContext.Store.CloseableResource) BlueskyPds::stopShared);
        return pds;
    }
}
