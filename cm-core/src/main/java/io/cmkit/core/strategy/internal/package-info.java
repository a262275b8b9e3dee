/**
 * Implementation of {@code io.cmkit.core.strategy}: reading reference tables, scoring platform
 * fit and wording its explanations. Not public API: types here may change in any release.
 */
package io.cmkit.core.strategy.internal;
