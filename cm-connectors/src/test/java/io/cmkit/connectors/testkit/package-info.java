/**
 * The connector test kit, published in cm-connectors' test-jar: what every connector must do,
 * as abstract JUnit 5 tests. A connector's test extends {@link io.cmkit.connectors.testkit.ConnectorCompatibilityKit}
 * and implements its one factory method, returning a {@link io.cmkit.connectors.testkit.ConnectorHarness}:
 * the connector under test and a {@link io.cmkit.connectors.testkit.FaultDriver} that makes its
 * platform misbehave. Groups the connector cannot take part in are skipped, saying why.
 *
 * <p>{@link io.cmkit.connectors.testkit.LogCapture} records every SLF4J line (all levels) through a
 * test SLF4J provider, {@link io.cmkit.connectors.testkit.CapturingSlf4jProvider}, found by
 * ServiceLoader when it is the only SLF4J provider on the test classpath.
 * {@link io.cmkit.connectors.testkit.WireMockFaults} scripts the faults of a WireMock-backed
 * platform for its {@link io.cmkit.connectors.testkit.FaultDriver}.
 */
package io.cmkit.connectors.testkit;
