/**
 * Implementation of {@code io.cmkit.core.strategy}; not public API, may change in any release.
 *
 * <p>Brand kits are read in two steps. {@link io.cmkit.core.strategy.internal.YamlTreeReader}
 * walks Jackson's YAML token stream into a small tree of {@link io.cmkit.core.strategy.internal.Node}s
 * that keep each value's path, line and column (Jackson's own {@code JsonNode} forgets them),
 * enforcing the size, depth and feature limits. {@link io.cmkit.core.strategy.internal.StrategyMapper}
 * then maps that tree onto the model's records, reporting every problem into
 * {@link io.cmkit.core.strategy.internal.Problems} rather than stopping at the first, and
 * translating each {@link io.cmkit.core.model.InvalidModelException} back to the node of the
 * field it names. {@link io.cmkit.core.strategy.internal.BrandKitReader} ties the steps together.
 *
 * <p>Platform fit: {@link io.cmkit.core.strategy.internal.ReferenceParser} reads reference tables,
 * {@link io.cmkit.core.strategy.internal.FitScorer} scores and
 * {@link io.cmkit.core.strategy.internal.Wording} words the explanations in English and French.
 */
package io.cmkit.core.strategy.internal;
