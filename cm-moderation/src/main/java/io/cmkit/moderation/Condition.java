package io.cmkit.moderation;

import io.cmkit.core.model.Interaction;
import io.cmkit.core.text.MatchMode;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a rule looks at. Conditions are values: two rule sets built the same way (from YAML or
 * from {@link Rule.Builder}) are equal. Each kind is described, with its YAML key, in
 * {@code docs/moderation.md}.
 */
public sealed interface Condition {

    /** The comment has at least {@code atLeast} lexicon hits in one of {@code categories} (YAML {@code category}). */
    record Category(Set<String> categories, int atLeast) implements Condition {
        public Category {
            categories = Set.copyOf(categories);
            if (categories.isEmpty() || atLeast < 1) {
                throw new IllegalArgumentException("a category condition needs a category and atLeast >= 1");
            }
        }
    }

    /**
     * One of the words or phrases, after strict normalisation (YAML {@code words}, {@code phrases}).
     * All word lists of a rule set are compiled into one matcher.
     */
    record Words(List<String> terms, MatchMode mode) implements Condition {
        public Words {
            terms = List.copyOf(terms);
            Objects.requireNonNull(mode, "mode");
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("a words condition needs at least one term");
            }
        }
    }

    /**
     * An RE2J regular expression (linear time), searched in the normalised text when
     * {@code normalized} (lower case, no accents, leetspeak read) or else in the original (YAML {@code regex}).
     */
    record Regex(String pattern, boolean normalized) implements Condition {
        public Regex {
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /**
     * Links: matches when a link's registrable domain is on {@code deny}, or when at least
     * {@code atLeast} links are not on {@code allow} ({@code atLeast} 0 turns the count off).
     */
    record Links(int atLeast, Set<String> allow, Set<String> deny) implements Condition {
        public Links {
            allow = Set.copyOf(allow);
            deny = Set.copyOf(deny);
            if (atLeast < 0) {
                throw new IllegalArgumentException("atLeast must not be negative");
            }
        }
    }

    /** The author's account was created less than {@code lessThan} ago (unknown age never matches). */
    record AccountAge(Duration lessThan) implements Condition {
        public AccountAge {
            Objects.requireNonNull(lessThan, "lessThan");
        }
    }

    /** The author has fewer than {@code lessThan} followers (unknown never matches). */
    record Followers(long lessThan) implements Condition {
    }

    /** The author already has at least {@code atLeast} strikes (removals counted by the engine). */
    record Strikes(int atLeast) implements Condition {
    }

    /** The author is (or is not) verified by the platform. */
    record Verified(boolean verified) implements Condition {
    }

    /** The same author wrote at least {@code count} interactions (this one included) within {@code within}. */
    record Flood(int count, Duration within) implements Condition {
        public Flood {
            Objects.requireNonNull(within, "within");
        }
    }

    /** The same normalised text came from at least {@code authors} distinct authors within {@code within}. */
    record Duplicates(int authors, Duration within) implements Condition {
        public Duplicates {
            Objects.requireNonNull(within, "within");
        }
    }

    /** At least {@code atLeast} (0..1) of the letters are capitals, with at least {@code minLetters} letters. */
    record CapsRatio(double atLeast, int minLetters) implements Condition {
    }

    /** At least {@code atLeast} (0..1) of the visible characters (graphemes, spaces excluded) are emoji. */
    record EmojiRatio(double atLeast) implements Condition {
    }

    /** The text has between {@code min} and {@code max} characters (code points), inclusive. */
    record Length(int min, int max) implements Condition {
    }

    /** The comment's language (as the platform says, else guessed from stopwords) is one of these. */
    record Language(Set<String> languages) implements Condition {
        public Language {
            languages = Set.copyOf(languages);
        }
    }

    /** The named classifier scores the comment at least {@code atLeast}. */
    record ClassifierScore(String classifier, double atLeast) implements Condition {
        public ClassifierScore {
            Objects.requireNonNull(classifier, "classifier");
        }
    }

    /** The comment answers (or does not answer) a post of the brand's. */
    record ReplyToBrand(boolean replyToBrand) implements Condition {
    }

    /** The interaction is of one of these kinds (comment, reply, mention, quote). */
    record Kind(Set<Interaction.Kind> kinds) implements Condition {
        public Kind {
            kinds = Set.copyOf(kinds);
        }
    }

    /**
     * The text quotes or reports someone else's words, or negates them: «…», "…", "called me",
     * "m'a traité de", "stop saying", "arrêtez de dire", "not a"... (YAML {@code quotation: true}).
     */
    record Quotation() implements Condition {
    }

    /** Every one matches. */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    /** At least one matches. */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    /** It does not match. */
    record Not(Condition condition) implements Condition {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }
    }

    // Short factories, for the Java builder.

    static Condition category(String... categories) {
        return new Category(Set.of(categories), 1);
    }

    static Condition words(String... terms) {
        return new Words(List.of(terms), MatchMode.WHOLE_WORD);
    }

    static Condition regex(String pattern) {
        return new Regex(pattern, true);
    }

    static Condition all(Condition... conditions) {
        return new All(List.of(conditions));
    }

    static Condition any(Condition... conditions) {
        return new Any(List.of(conditions));
    }

    static Condition not(Condition condition) {
        return new Not(condition);
    }
}
