package io.cmkit.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the brand speaks: tone, languages, content pillars and their shares, hashtags, words it
 * never uses, and how often it posts on each platform.
 *
 * @param tone the voice in a few words ("warm, witty, tutoiement")
 * @param languages the languages it posts in, the first being the main one; not empty
 * @param pillars the content pillars; their target shares add up to 100 %
 * @param hashtags the brand's own hashtags, without '#'
 * @param bannedTerms words and phrases the brand never writes
 * @param cadences posting cadence per platform, at most one per platform
 */
public record EditorialLine(String tone, List<Locale> languages, List<ContentPillar> pillars,
                            List<String> hashtags, List<String> bannedTerms, List<PostingCadence> cadences) {

    /** How far the pillar shares may stray from 100 %, to allow for 33.3 + 33.3 + 33.3. */
    public static final double SHARE_TOLERANCE = 0.5;

    public EditorialLine {
        tone = Checks.notBlank("EditorialLine", "tone", tone);
        languages = Checks.nonEmptyList("EditorialLine", "languages", languages);
        for (int i = 0; i < languages.size(); i++) {
            if (languages.get(i).getLanguage().isEmpty()) {
                throw new InvalidModelException("EditorialLine", "languages[" + i + "]", "must name a language");
            }
        }
        Checks.unique("EditorialLine", "languages", languages, Locale::toLanguageTag, "language");
        pillars = Checks.nonEmptyList("EditorialLine", "pillars", pillars);
        Checks.unique("EditorialLine", "pillars", pillars, p -> p.name().toLowerCase(Locale.ROOT), "pillar");
        double total = pillars.stream().mapToDouble(ContentPillar::targetShare).sum();
        if (Math.abs(total - 100.0) > SHARE_TOLERANCE) {
            throw new InvalidModelException("EditorialLine", "pillars",
                    "target shares must add up to 100% (got " + trim(total) + "%)");
        }
        hashtags = Checks.strings("EditorialLine", "hashtags", hashtags).stream()
                .map(h -> h.startsWith("#") ? h.substring(1) : h).toList();
        for (int i = 0; i < hashtags.size(); i++) {
            String tag = hashtags.get(i);
            if (tag.isEmpty() || !tag.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
                throw new InvalidModelException("EditorialLine", "hashtags[" + i + "]",
                        "must be letters, digits or '_' only, got '" + tag + "'");
            }
        }
        Checks.unique("EditorialLine", "hashtags", hashtags, h -> h.toLowerCase(Locale.ROOT), "hashtag");
        bannedTerms = Checks.strings("EditorialLine", "bannedTerms", bannedTerms);
        cadences = Checks.list("EditorialLine", "cadences", cadences);
        Checks.unique("EditorialLine", "cadences", cadences, PostingCadence::platform, "cadence for platform");
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(Math.round(value * 100) / 100.0);
    }

    /** The cadence for a platform, if the line sets one. */
    public Optional<PostingCadence> cadenceFor(Platform platform) {
        return cadences.stream().filter(c -> c.platform().equals(platform)).findFirst();
    }

    /** The pillar with this name, ignoring case. */
    public Optional<ContentPillar> pillar(String name) {
        return pillars.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The main language: the first of {@link #languages()}. */
    public Locale mainLanguage() {
        return languages.get(0);
    }
}
