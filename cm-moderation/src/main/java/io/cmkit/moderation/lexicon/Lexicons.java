package io.cmkit.moderation.lexicon;

import io.cmkit.moderation.lexicon.internal.LexiconFileParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point to lexicons: the French and English lexicons shipped in the jar, a host's own
 * lexicon files, and a builder to add or remove terms.
 *
 * <pre>{@code
 * Lexicon lexicon = Lexicons.defaults();                   // fr + en, every category, allow-lists
 * lexicon.scan("Quel c0nn4rd, c'est une @rnaque");
 * // [LexiconHit[insult, connard, fr, 5, 12, c0nn4rd], LexiconHit[defamation, arnaq, fr, 24, 31, @rnaque], ...]
 *
 * CompiledLexicon mine = Lexicons.builder()
 *         .defaults(Locale.FRENCH)                             // the shipped French files
 *         .remove("con")                                        // too many false alarms for this brand
 *         .add(LexiconTerm.of("defamation", "empoisonneurs", Locale.FRENCH))
 *         .addFile(Locale.FRENCH, "competitors", Path.of("rivals.txt"))
 *         .allow(Locale.FRENCH, "Con Edison")
 *         .build();
 * }</pre>
 *
 * <p>Resources live under {@code io/cmkit/moderation/lexicon/<language>/<category>.txt}, with
 * {@code allow.txt} the allow-list of each language; {@code index.txt} lists them. The file format
 * is documented in {@code docs/moderation.md}.
 */
public final class Lexicons {

    private static final Logger LOG = LoggerFactory.getLogger(Lexicons.class);
    private static final String ROOT = "/io/cmkit/moderation/lexicon/";
    /** The allow-list file name in each language folder. */
    public static final String ALLOW = "allow";

    /** The languages shipped in the jar. */
    public static final List<Locale> SHIPPED_LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);

    /** The categories shipped in the jar. */
    public static final Set<String> SHIPPED_CATEGORIES =
            Set.of("insult", "hate", "threat", "sexual", "profanity", "spam", "scam", "defamation", "identity", "derogatory");

    private static volatile CompiledLexicon defaults;

    private Lexicons() {
    }

    /** Every shipped language and category with their allow-lists; compiled once, then shared. */
    public static CompiledLexicon defaults() {
        CompiledLexicon d = defaults;
        if (d == null) {
            synchronized (Lexicons.class) {
                d = defaults;
                if (d == null) {
                    defaults = d = builder().defaults().build();
                    LOG.info("default lexicons: {} terms, {} allowed, compiled in {} ms, ~{} KB of heap",
                            d.size(), d.allowList().size(), d.compileTime().toMillis(), d.estimatedHeapBytes() / 1024);
                }
            }
        }
        return d;
    }

    /**
     * A lexicon of one file of the host's: every line a term of {@code category} in {@code language}
     * (use {@link #ALLOW} as the category for an allow-list).
     *
     * @throws LexiconFormatException naming the line of a bad entry
     */
    public static CompiledLexicon load(Locale language, String category, Path file) throws IOException {
        return builder().addFile(language, category, file).build();
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects terms and allow-list entries, then compiles them into one matcher. Not thread-safe. */
    public static final class Builder {

        private final List<LexiconTerm> terms = new ArrayList<>();
        private final List<LexiconTerm> allow = new ArrayList<>();
        private boolean fuzzy = true;

        private Builder() {
        }

        /** Adds the shipped files of these languages (all shipped languages when none given). */
        public Builder defaults(Locale... languages) {
            List<Locale> langs = languages.length == 0 ? SHIPPED_LANGUAGES : Arrays.asList(languages);
            for (String entry : index()) {
                String[] parts = entry.split("/");
                Locale lang = Locale.forLanguageTag(parts[0]);
                if (langs.stream().noneMatch(l -> l.getLanguage().equals(lang.getLanguage()))) {
                    continue;
                }
                String category = parts[1].substring(0, parts[1].length() - ".txt".length());
                try (Reader r = resource(entry)) {
                    addAll(LexiconFileParser.parse(r, entry, lang, category));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read shipped lexicon " + entry, e);
                }
            }
            return this;
        }

        /** Adds a term (an allow-list entry if its category is {@link #ALLOW}). */
        public Builder add(LexiconTerm term) {
            Objects.requireNonNull(term, "term");
            (ALLOW.equals(term.category()) ? allow : terms).add(term);
            return this;
        }

        /**
         * Adds a term written as in a lexicon file: {@code connard*} is a prefix, {@code *phobe} a
         * suffix, {@code {je vais|on va} te tuer} two phrases, {@code escroc ; 3 ; note} carries a
         * severity and a note.
         */
        public Builder add(Locale language, String category, String line) {
            try {
                return addAll(LexiconFileParser.parse(new java.io.StringReader(line), "add()", language, category));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Adds every term. */
        public Builder addAll(Iterable<LexiconTerm> all) {
            for (LexiconTerm t : all) {
                add(t);
            }
            return this;
        }

        /**
         * Adds an allow-list entry, written as in a lexicon file ({@code cocktail*} allows
         * "cocktails" too): hits it overlaps are cancelled.
         */
        public Builder allow(Locale language, String line) {
            return add(language, ALLOW, line);
        }

        /** Adds the terms of a file in the lexicon format. */
        public Builder addFile(Locale language, String category, Path file) throws IOException {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return addAll(LexiconFileParser.parse(r, file.toString(), language, category));
            }
        }

        /** Adds the terms read from a reader in the lexicon format; {@code source} names it in errors. */
        public Builder addFile(Locale language, String category, Reader reader, String source) throws IOException {
            return addAll(LexiconFileParser.parse(reader, source, language, category));
        }

        /** Removes every term (and allow-list entry) written exactly so, in any category and language. */
        public Builder remove(String term) {
            return removeIf(t -> t.term().equalsIgnoreCase(term));
        }

        /** Removes a whole category. */
        public Builder removeCategory(String category) {
            return removeIf(t -> t.category().equals(category));
        }

        /** Removes the terms and allow-list entries that match. */
        public Builder removeIf(Predicate<LexiconTerm> which) {
            terms.removeIf(which);
            allow.removeIf(which);
            return this;
        }

        /** Compiles the lexicon. The builder may be used again. */
        /**
         * Whether misspelt terms match too: a vowel left out ({@code womn}) or two neighbouring
         * letters swapped ({@code haet}); on unless switched off. See {@code docs/moderation.md}.
         */
        public Builder fuzzy(boolean fuzzy) {
            this.fuzzy = fuzzy;
            return this;
        }

        public CompiledLexicon build() {
            CompiledLexicon l = new CompiledLexicon(terms, allow, fuzzy);
            LOG.debug("lexicon compiled: {} terms, {} allowed, {} ms, ~{} bytes", l.size(), l.allowList().size(),
                    l.compileTime().toMillis(), l.estimatedHeapBytes());
            return l;
        }
    }

    private static List<String> index() {
        try (BufferedReader r = resource("index.txt")) {
            List<String> out = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lexicon index", e);
        }
    }

    private static BufferedReader resource(String name) throws IOException {
        InputStream in = Lexicons.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IOException("missing resource " + ROOT + name);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
