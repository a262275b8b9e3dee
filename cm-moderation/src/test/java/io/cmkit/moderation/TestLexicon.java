package io.cmkit.moderation;

import io.cmkit.core.text.Match;
import io.cmkit.core.text.MatchMode;
import io.cmkit.core.text.PatternMatcher;
import io.cmkit.moderation.lexicon.Lexicon;
import io.cmkit.moderation.lexicon.LexiconHit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A handful of terms on cm-core's matcher: the real lexicons are another branch's work. */
final class TestLexicon implements Lexicon {

    private record Entry(String category, Locale language) {
    }

    private final PatternMatcher<Entry> matcher;

    TestLexicon() {
        PatternMatcher.Builder<Entry> b = PatternMatcher.builder();
        b.add("connard", MatchMode.WHOLE_WORD, new Entry("insult", Locale.FRENCH));
        b.add("idiot", MatchMode.WHOLE_WORD, new Entry("insult", Locale.ENGLISH));
        b.add("fuck", MatchMode.WHOLE_WORD, new Entry("insult", Locale.ENGLISH));
        b.add("sale con", MatchMode.WHOLE_WORD, new Entry("insult", Locale.FRENCH));
        b.add("kill you", MatchMode.WHOLE_WORD, new Entry("threat", Locale.ENGLISH));
        b.add("je vais te tuer", MatchMode.WHOLE_WORD, new Entry("threat", Locale.FRENCH));
        b.add("vermine", MatchMode.WHOLE_WORD, new Entry("hate", Locale.FRENCH));
        b.add("nudes", MatchMode.WHOLE_WORD, new Entry("sexual", Locale.ENGLISH));
        b.add("crypto", MatchMode.PREFIX, new Entry("spam", Locale.ENGLISH));
        b.add("gagnez", MatchMode.WHOLE_WORD, new Entry("spam", Locale.FRENCH));
        b.add("free money", MatchMode.WHOLE_WORD, new Entry("scam", Locale.ENGLISH));
        b.add("escroc", MatchMode.PREFIX, new Entry("defamation", Locale.FRENCH));
        b.add("arnaq", MatchMode.PREFIX, new Entry("defamation", Locale.FRENCH));
        b.add("fraud", MatchMode.PREFIX, new Entry("defamation", Locale.ENGLISH));
        this.matcher = b.build();
    }

    @Override
    public Set<String> categories() {
        return RuleSet.STANDARD_CATEGORIES;
    }

    @Override
    public List<LexiconHit> scan(String comment) {
        List<LexiconHit> hits = new ArrayList<>();
        for (Match<Entry> m : matcher.findAll(comment)) {
            hits.add(new LexiconHit(m.payload().category(), m.pattern(), m.payload().language(), m.start(), m.end(), m.text()));
        }
        return hits;
    }
}
