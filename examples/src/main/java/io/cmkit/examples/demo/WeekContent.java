package io.cmkit.examples.demo;

import io.cmkit.core.model.ContentPillar;
import io.cmkit.core.model.EditorialLine;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.model.Strategy;
import io.cmkit.core.spi.PlatformLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the week's posts from the brand kit: one idea per pillar turn (the pillars in proportion
 * to their target shares), its text made of the pillar's name and description, each with a variant
 * per platform adapted to its habits (hashtags on Instagram, a link on LinkedIn and Mastodon, fewer
 * on X and Bluesky) and fitted to the account's limits by dropping hashtags until it fits.
 */
final class WeekContent {

    static final String CAMPAIGN = "semaine-demo";

    /** Ways to introduce a pillar, in turn; {pillar} and {description} come from the brand kit. */
    private static final String[] FRENCH = {
        "{pillar} : {description}. Qu'en pensez-vous ? Dites-le-nous en commentaire !",
        "Cette semaine, {pillar} : {description}. On lit toutes vos réponses !",
        "{pillar} — {description}. Vos questions sont les bienvenues.",
    };

    private static final String[] ENGLISH = {
        "{pillar}: {description}. What do you think? Tell us in the comments!",
        "This week, {pillar}: {description}. We read every reply!",
        "{pillar} — {description}. Your questions are welcome.",
    };

    private final Strategy strategy;
    private final boolean french;

    WeekContent(Strategy strategy) {
        this.strategy = strategy;
        this.french = strategy.editorialLine().mainLanguage().getLanguage().equals("fr");
    }

    /**
     * The week's ideas, as many as asked: pillars in the order that keeps each one closest to its
     * target share (largest remaining deficit first), each idea a post with a variant for every
     * given platform within that platform's limits.
     */
    List<Post> ideas(int count, List<Platform> platforms, Function<Platform, PlatformLimits> limits, String idPrefix) {
        List<ContentPillar> pillars = strategy.editorialLine().pillars();
        int[] used = new int[pillars.size()];
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int best = 0;
            double bestDeficit = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < pillars.size(); p++) {
                double deficit = pillars.get(p).targetShare() / 100.0 * (i + 1) - used[p];
                if (deficit > bestDeficit + 1e-9) {
                    best = p;
                    bestDeficit = deficit;
                }
            }
            ContentPillar pillar = pillars.get(best);
            String body = (french ? FRENCH : ENGLISH)[used[best] % FRENCH.length].replace("{pillar}", pillar.name())
                    .replace("{description}", pillar.description().strip().replaceAll("[.!?]+$", ""));
            used[best]++;
            List<PostVariant> variants = new ArrayList<>();
            for (Platform platform : platforms) {
                variants.add(variantFor(body, platform, limits.apply(platform)));
            }
            posts.add(new Post(idPrefix + "-" + (i + 1), strategy.brand().id(), Optional.of(pillar.name()),
                    Optional.of(CAMPAIGN), variants));
        }
        return posts;
    }

    /** A first draft that uses one of the brand's banned terms, for the reviewer to send back. */
    Optional<String> withBannedTerm(String text) {
        List<String> banned = strategy.editorialLine().bannedTerms();
        return banned.isEmpty() ? Optional.empty() : Optional.of(text.replaceFirst("[.!?]?$", ", " + banned.get(0) + " !"));
    }

    /** The variant for one platform, within its limits. */
    PostVariant variantFor(String body, Platform platform, PlatformLimits limits) {
        EditorialLine line = strategy.editorialLine();
        String link = "https://" + strategy.brand().id() + ".example/" + (french ? "journal" : "blog");
        String text = switch (platform.id()) {
            case "linkedin", "facebook" -> body + "\n\n" + link;
            case "mastodon" -> body + " " + link;
            default -> body;
        };
        int hashtags = switch (platform.id()) {
            case "instagram" -> line.hashtags().size();
            case "linkedin", "mastodon" -> 3;
            default -> 2;
        };
        for (int n = Math.min(hashtags, line.hashtags().size()); n >= 0; n--) {
            PostVariant variant = PostVariant.text(platform, withHashtags(text, line.hashtags().subList(0, n)));
            if (limits.check(variant).isEmpty()) {
                return variant;
            }
        }
        // Even without hashtags it does not fit: the workflow refuses it with the numbers.
        return PostVariant.text(platform, text);
    }

    private static String withHashtags(String text, List<String> hashtags) {
        return hashtags.isEmpty() ? text
                : text + "\n\n" + hashtags.stream().map(h -> "#" + h).collect(Collectors.joining(" "));
    }

    /** The language the brand's audience reads, for texts the demo makes up on its behalf. */
    Locale language() {
        return french ? Locale.FRENCH : Locale.ENGLISH;
    }
}
