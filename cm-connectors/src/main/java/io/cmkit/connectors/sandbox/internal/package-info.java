/**
 * The sandbox's machinery, not part of the public API: the world's state under one lock, the
 * audience's random processes (materialised lazily with thinning, each on its own seeded stream),
 * reaction curves, the simulated population, French and English text banks, platform traits and
 * platform-looking identifiers. Use {@link io.cmkit.connectors.sandbox.SandboxWorld} instead.
 */
package io.cmkit.connectors.sandbox.internal;
