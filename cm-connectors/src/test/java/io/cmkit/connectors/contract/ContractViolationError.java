package io.cmkit.connectors.contract;

import java.util.List;
import java.util.stream.Collectors;

/** A test failure listing every contract violation found, one per line. */
public final class ContractViolationError extends AssertionError {

    private final transient List<Violation> violations;

    public ContractViolationError(String context, List<Violation> violations) {
        super(context + " breaks the contract:\n" + violations.stream()
                .map(v -> "  - " + v).collect(Collectors.joining("\n")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
