/**
 * A brand's strategy as data, and the decisions it supports.
 *
 * <p>Brand kits: {@link io.cmkit.core.strategy.BrandKitLoader} reads one documented YAML file per
 * brand and either returns a validated {@link io.cmkit.core.model.Strategy} or throws one
 * {@link io.cmkit.core.strategy.BrandKitException} listing every problem of the file, each with
 * its path in the document ({@code objectives[0].targets[1].target}) and its line and column, so a
 * community manager can fix the whole file in one go. The format is in {@code docs/brand-kit.md}.
 *
 * <p>Platform fit: {@link io.cmkit.core.strategy.PlatformFit} ranks candidate platforms for a
 * strategy's audiences (age bands, countries, interests, behaviours) against a
 * {@link io.cmkit.core.strategy.PlatformReference}, a documented and replaceable table of
 * approximate public figures. Every {@link io.cmkit.core.strategy.PlatformScore} carries the
 * {@link io.cmkit.core.strategy.FitReason}s it is made of, and platforms that cannot be scored are
 * listed in the {@link io.cmkit.core.strategy.PlatformRanking} with the reason, never given a
 * silent zero. The method is in {@code docs/platform-fit.md}.
 *
 * <p>Implementation, including all use of Jackson, lives in {@code io.cmkit.core.strategy.internal},
 * which is not public API.
 */
package io.cmkit.core.strategy;
