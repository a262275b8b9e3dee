package io.cmkit.moderation;

import io.cmkit.moderation.internal.RuleFileReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules and the saved replies they use. Built with {@link #builder()} or read from YAML with
 * {@link #parse}; both give equal values.
 *
 * @param rules the rules, in the order written (the engine sorts them by priority)
 * @param templates saved replies by id
 */
public record RuleSet(List<Rule> rules, Map<String, ReplyTemplate> templates) {

    /** The lexicon categories a rule file may name when none are given. */
    public static final Set<String> STANDARD_CATEGORIES =
            Set.of("insult", "hate", "threat", "sexual", "spam", "scam", "defamation");

    public RuleSet {
        rules = List.copyOf(rules);
        templates = Map.copyOf(templates);
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("two rules are named '" + rule.id() + "'");
            }
            if (rule.reply().isPresent() && !templates.containsKey(rule.reply().get())) {
                throw new IllegalArgumentException("rule '" + rule.id() + "' uses unknown reply template '"
                        + rule.reply().get() + "'");
            }
        }
    }

    /**
     * Reads a YAML rule file. Categories must be among {@code categories}, classifier names among
     * {@code classifiers}.
     *
     * @throws RuleFileException with every problem, each at its line and column
     */
    public static RuleSet parse(String source, String yaml, Set<String> categories, Set<String> classifiers) {
        return RuleFileReader.read(source, yaml, categories, classifiers);
    }

    /** Reads a YAML rule file that names the {@link #STANDARD_CATEGORIES} and any classifier. */
    public static RuleSet parse(String source, String yaml) {
        return RuleFileReader.read(source, yaml, STANDARD_CATEGORIES, null);
    }

    /** Reads a YAML rule file from disk. */
    public static RuleSet load(Path file, Set<String> categories, Set<String> classifiers) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), categories, classifiers);
    }

    /** The rules shipped in the jar ({@code /io/cmkit/moderation/default-rules.yaml}). */
    public static RuleSet defaults() {
        try (InputStream in = RuleSet.class.getResourceAsStream("default-rules.yaml")) {
            if (in == null) {
                throw new IllegalStateException("default-rules.yaml is missing from the jar");
            }
            return parse("default-rules.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects rules and templates. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();
        private final Map<String, ReplyTemplate> templates = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder rule(Rule rule) {
            rules.add(rule);
            return this;
        }

        public Builder template(ReplyTemplate template) {
            templates.put(template.id(), template);
            return this;
        }

        public RuleSet build() {
            return new RuleSet(rules, templates);
        }
    }
}
