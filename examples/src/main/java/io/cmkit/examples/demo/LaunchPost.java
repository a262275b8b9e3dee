package io.cmkit.examples.demo;

import io.cmkit.core.model.ContentPillar;
import io.cmkit.core.model.EditorialLine;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.model.Strategy;
import io.cmkit.core.spi.PlatformLimits;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the demo's first post: one text in the brand's main language, adapted to each platform's
 * habits (hashtags on Instagram, a link on LinkedIn and Mastodon, short on X and Bluesky), then
 * fitted to the platform's limits by dropping hashtags until it fits.
 */
final class LaunchPost {

    private final Strategy strategy;
    private final boolean french;

    LaunchPost(Strategy strategy) {
        this.strategy = strategy;
        this.french = strategy.editorialLine().mainLanguage().getLanguage().equals("fr");
    }

    /** The pillar the launch post belongs to: the one with the largest target share. */
    ContentPillar pillar() {
        return strategy.editorialLine().pillars().stream()
                .max((a, b) -> Double.compare(a.targetShare(), b.targetShare()))
                .orElseThrow();
    }

    /** The variant for one platform, within its limits. */
    PostVariant variantFor(Platform platform, PlatformLimits limits) {
        EditorialLine line = strategy.editorialLine();
        String brand = strategy.brand().name();
        String pillar = pillar().name().toLowerCase(Locale.ROOT);
        String body = french
                ? "Cette semaine chez " + brand + " : " + pillar + ". Dites-nous en commentaire ce que vous en pensez !"
                : "This week at " + brand + ": " + pillar + ". Tell us what you think in the comments!";
        String link = "https://" + strategy.brand().id() + ".example/" + (french ? "nouveautes" : "news");
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
        // Even without hashtags it does not fit: return it, the connector will refuse it with the numbers.
        return PostVariant.text(platform, text);
    }

    private static String withHashtags(String text, List<String> hashtags) {
        return hashtags.isEmpty() ? text
                : text + "\n\n" + hashtags.stream().map(h -> "#" + h).collect(Collectors.joining(" "));
    }
}
