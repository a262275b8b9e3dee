/**
 * Implementation of {@link io.cmkit.core.live}: the cue offset text form, hashtag folding and the
 * question heuristics. Not public API.
 */
package io.cmkit.core.live.internal;
