package io.cmkit.moderation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What replaces a platform action the platform cannot do: a list of fallbacks per action, tried
 * in order; the first the platform supports (FLAG and ESCALATE always are: they happen inside
 * cmkit) is used. An action with no usable fallback becomes FLAG, so nothing is dropped silently.
 * <p>Defaults: HIDE → FLAG; DELETE → HIDE, then FLAG; BLOCK_AUTHOR → FLAG; REPLY → FLAG.
 *
 * @param fallbacks per action
 */
public record DegradationPolicy(Map<Action, List<Action>> fallbacks) {

    public DegradationPolicy {
        EnumMap<Action, List<Action>> copy = new EnumMap<>(Action.class);
        fallbacks.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        fallbacks = Map.copyOf(copy);
    }

    /** HIDE → FLAG; DELETE → HIDE, FLAG; BLOCK_AUTHOR → FLAG; REPLY → FLAG. */
    public static DegradationPolicy defaults() {
        return new DegradationPolicy(Map.of(
                Action.HIDE, List.of(Action.FLAG),
                Action.DELETE, List.of(Action.HIDE, Action.FLAG),
                Action.BLOCK_AUTHOR, List.of(Action.FLAG),
                Action.REPLY, List.of(Action.FLAG)));
    }

    /** A copy where {@code action} falls back to {@code replacements}, in order. */
    public DegradationPolicy with(Action action, Action... replacements) {
        EnumMap<Action, List<Action>> copy = new EnumMap<>(Action.class);
        copy.putAll(fallbacks);
        copy.put(action, List.of(replacements));
        return new DegradationPolicy(copy);
    }

    /** The fallbacks of {@code action}, FLAG when none are set. */
    public List<Action> fallbacksOf(Action action) {
        return fallbacks.getOrDefault(action, List.of(Action.FLAG));
    }
}
