/**
 * The sandbox connector: an in-memory, deterministic social world for tests and the demo.
 *
 * <p>A {@link io.cmkit.connectors.sandbox.SandboxWorld} holds brand accounts on any platform and a
 * simulated audience that likes, shares, quotes, comments and mentions, in French and English,
 * including spam, insults and defamation, over simulated time driven by a
 * {@link io.cmkit.connectors.sandbox.SimulatedClock}. Its connectors implement every capability of
 * the connector SPI and behave like their account's platform. Open them with
 * {@link io.cmkit.connectors.sandbox.SandboxWorld#connector(io.cmkit.core.model.Account)} or through
 * {@link io.cmkit.core.spi.Connectors} with a {@link io.cmkit.connectors.sandbox.SandboxConfig}.
 *
 * <p>Tests can plant events ({@link io.cmkit.connectors.sandbox.SandboxWorld#plantBadBuzz},
 * {@link io.cmkit.connectors.sandbox.SandboxWorld#plantMention}), inject failures
 * ({@link io.cmkit.connectors.sandbox.SandboxFaults}, {@link io.cmkit.connectors.sandbox.Fault}) and
 * read the ground truth behind each interaction ({@link io.cmkit.connectors.sandbox.InteractionFacts},
 * {@link io.cmkit.connectors.sandbox.Intent}).
 */
package io.cmkit.connectors.sandbox;
