package io.cmkit.connectors.bluesky.pds;

import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
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
public final class BlueskyPdsExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static volatile boolean warned;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BlueskyPdsExtension.class);

    /**
     * Without node or npm, disables the test class with the reason (Surefire reports a disabled
     * class as skipped, with the reason; an aborted {@code @BeforeAll} would not show at all).
     * With {@code CI=true} the class stays enabled, and {@link #beforeAll} fails it.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> problems = NodeTooling.current().problems();
        if (problems.isEmpty() || NodeTooling.onCi(System.getenv())) {
            return ConditionEvaluationResult.enabled("node and npm found, or CI=true");
        }
        String reason = NodeTooling.skipReason(problems);
        if (!warned) {
            warned = true;
            System.err.println("[bluesky-pds] " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }

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
