/**
 * Strategy tooling: turning a brand's strategy into decisions it can defend.
 *
 * <p>Platform fit: {@link io.cmkit.core.strategy.PlatformFit} ranks candidate platforms for a
 * {@link io.cmkit.core.model.Strategy}'s audiences (age bands, countries, interests, behaviours)
 * against a {@link io.cmkit.core.strategy.PlatformReference}, a documented and replaceable table
 * of approximate public figures. Every {@link io.cmkit.core.strategy.PlatformScore} carries the
 * {@link io.cmkit.core.strategy.FitReason}s it is made of, and platforms that cannot be scored are
 * listed in the {@link io.cmkit.core.strategy.PlatformRanking} with the reason, never given a
 * silent zero. The method and the table's format are described in {@code docs/platform-fit.md}.
 *
 * <p>Implementation lives in {@code io.cmkit.core.strategy.internal}, which is not public API.
 */
package io.cmkit.core.strategy;
