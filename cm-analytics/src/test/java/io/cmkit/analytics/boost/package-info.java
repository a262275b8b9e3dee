/** Tests of candidate selection, Thompson allocation (determinism, cap, floor, envelope), spend pacing and applying boosts. */
package io.cmkit.analytics.boost;
