/**
 * A brand's strategy as data: brand kits (one documented YAML file per brand) and their loading
 * into a validated {@link io.cmkit.core.model.Strategy}.
 *
 * <p>{@link io.cmkit.core.strategy.BrandKitLoader} reads a kit and either returns the strategy or
 * throws one {@link io.cmkit.core.strategy.BrandKitException} listing every problem of the file,
 * each with its path in the document ({@code objectives[0].targets[1].target}) and its line and
 * column, so a community manager can fix the whole file in one go. The format is described in
 * {@code docs/brand-kit.md}.
 *
 * <p>The YAML machinery (Jackson) lives in {@code internal} and never appears in this package's
 * signatures.
 */
package io.cmkit.core.strategy;
