package io.cmkit.moderation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One moderation rule: when its condition matches, its actions are taken. Rules are tried by
 * priority, highest first (ties in the order they were written); the first that matches decides.
 *
 * @param id unique name, shown in decisions and the audit log
 * @param description what it is for, for people
 * @param category what it is about ({@code insult}, {@code spam}...), shown in decisions
 * @param priority higher first
 * @param when the condition
 * @param actions what to do, in order, without repeats
 * @param reply the saved reply template used by {@link Action#REPLY}
 */
public record Rule(String id, String description, String category, int priority, Condition when,
                   List<Action> actions, Optional<String> reply) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(reply, "reply");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a rule needs an id");
        }
        actions = List.copyOf(new LinkedHashSet<>(actions));
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("rule '" + id + "' has no action");
        }
        if (actions.contains(Action.REPLY) && reply.isEmpty()) {
            throw new IllegalArgumentException("rule '" + id + "' replies but names no reply template");
        }
    }

    /** A builder for rule {@code id}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a {@link Rule}; the same rule a YAML file would give. */
    public static final class Builder {
        private final String id;
        private String description = "";
        private String category = "";
        private int priority;
        private final List<Condition> conditions = new ArrayList<>();
        private final List<Action> actions = new ArrayList<>();
        private String reply;

        private Builder(String id) {
            this.id = id;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /** Adds a condition; several are combined with all, as keys of one YAML mapping are. */
        public Builder when(Condition condition) {
            conditions.add(condition);
            return this;
        }

        public Builder then(Action... actions) {
            this.actions.addAll(List.of(actions));
            return this;
        }

        /** The reply template used by {@link Action#REPLY}. */
        public Builder reply(String templateId) {
            this.reply = templateId;
            return this;
        }

        public Rule build() {
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("rule '" + id + "' has no condition");
            }
            Condition when = conditions.size() == 1 ? conditions.get(0) : new Condition.All(conditions);
            return new Rule(id, description, category, priority, when, actions, Optional.ofNullable(reply));
        }
    }
}
