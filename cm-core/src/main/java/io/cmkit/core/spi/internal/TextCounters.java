package io.cmkit.core.spi.internal;

import io.cmkit.core.model.MediaAsset;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.TextCounting;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The platforms' ways of counting text, and their published default limits. */
public final class TextCounters {

    private TextCounters() {
    }

    // \X is an extended grapheme cluster (UAX #29), which Java's regex engine implements fully,
    // unlike BreakIterator on JDK 17 that splits emoji ZWJ sequences.
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    // A mention as Mastodon reads it; a remote account's domain does not count towards the limit.
    private static final Pattern MASTODON_MENTION = Pattern.compile(
            "(?<![=/\\p{L}\\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[\\p{L}\\p{N}_]+(?:[.-]+[\\p{L}\\p{N}_]+)*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&/])[#＃][\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*");

    public static final TextCounting GRAPHEMES = new Named("graphemes") {
        @Override
        public int count(String text) {
            return graphemes(text);
        }
    };

    public static final TextCounting CODE_POINTS = new Named("characters") {
        @Override
        public int count(String text) {
            return text.codePointCount(0, text.length());
        }
    };

    public static final TextCounting X_WEIGHTED = new Named("weighted characters") {
        @Override
        public int count(String text) {
            return xWeighted(text);
        }
    };

    public static TextCounting codePointsWithUrlsAs(int urlLength) {
        if (urlLength < 0) {
            throw new IllegalArgumentException("urlLength must not be negative (got " + urlLength + ")");
        }
        return new Named("characters (URLs count " + urlLength + ")") {
            @Override
            public int count(String text) {
                int total = 0;
                int last = 0;
                for (Links.Span link : Links.find(text, Links.Style.MASTODON)) {
                    total += text.codePointCount(last, link.start()) + urlLength;
                    last = link.end();
                }
                return total + text.codePointCount(last, text.length());
            }
        };
    }

    /*
     * Mastodon's StatusLengthValidator: the text with every link replaced by urlLength characters
     * and every mention of a remote account by its local part (@alice@example.social -> @alice),
     * counted in graphemes.
     */
    public static TextCounting mastodon(int urlLength) {
        if (urlLength < 0) {
            throw new IllegalArgumentException("urlLength must not be negative (got " + urlLength + ")");
        }
        String placeholder = "x".repeat(urlLength);
        return new Named("characters (URLs count " + urlLength + ")") {
            @Override
            public int count(String text) {
                List<int[]> entities = new ArrayList<>();
                for (Links.Span link : Links.find(text, Links.Style.MASTODON)) {
                    entities.add(new int[] {link.start(), link.end(), -1});
                }
                Matcher mention = MASTODON_MENTION.matcher(text);
                while (mention.find()) {
                    entities.add(new int[] {mention.start(), mention.end(), mention.end(1)});
                }
                // Where a link and a mention overlap, the one that starts first wins.
                entities.sort(Comparator.comparingInt(e -> e[0]));
                StringBuilder countable = new StringBuilder(text.length());
                int last = 0;
                for (int[] entity : entities) {
                    if (entity[0] < last) {
                        continue;
                    }
                    countable.append(text, last, entity[0]);
                    if (entity[2] < 0) {
                        countable.append(placeholder);
                    } else {
                        countable.append(text, entity[0], entity[2]);
                    }
                    last = entity[1];
                }
                countable.append(text, last, text.length());
                return graphemes(countable.toString());
            }
        };
    }

    public static int graphemes(String text) {
        Matcher m = GRAPHEME.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    public static int hashtagCount(String text) {
        Matcher m = HASHTAG.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /*
     * twitter-text v3: scale 100, default weight 200, weight 100 for the ranges below, URLs 23,
     * emoji sequences 200. Lengths are reported in whole characters (weight / 100).
     */
    static int xWeighted(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC);
        int weight = 0;
        int last = 0;
        for (Links.Span link : Links.find(normal, Links.Style.X)) {
            weight += weightOf(normal.substring(last, link.start())) + 2300;
            last = link.end();
        }
        weight += weightOf(normal.substring(last));
        return weight / 100;
    }

    private static int weightOf(String text) {
        Matcher g = GRAPHEME.matcher(text);
        int weight = 0;
        while (g.find()) {
            String cluster = g.group();
            if (isEmoji(cluster)) {
                weight += 200;
                continue;
            }
            for (int i = 0; i < cluster.length(); ) {
                int cp = cluster.codePointAt(i);
                weight += light(cp) ? 100 : 200;
                i += Character.charCount(cp);
            }
        }
        return weight;
    }

    private static boolean light(int cp) {
        return cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
    }

    // A joiner alone does not make an emoji: Indic scripts use it between letters.
    private static boolean isEmoji(String cluster) {
        return cluster.codePoints().anyMatch(cp -> cp == 0xFE0F || cp == 0x20E3
                || (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF));
    }

    private static final Set<MediaAsset.Kind> ALL = EnumSet.allOf(MediaAsset.Kind.class);
    private static final long MB = 1024L * 1024L;

    public static PlatformLimits defaultsFor(Platform platform) {
        String id = platform.id();
        return switch (id) {
            // Mastodon defaults: 500 characters, URLs as 23, 4 attachments, 16 MB images, 99 MB videos.
            case "mastodon" -> new PlatformLimits(platform, 500, mastodon(23), 4, 16 * MB, 99 * MB,
                    Integer.MAX_VALUE, ALL);
            // Bluesky (lexicons app.bsky.feed.post, app.bsky.embed.images, app.bsky.embed.video):
            // 300 graphemes; up to 4 images of at most 2,000,000 bytes; one video of 300,000,000 bytes.
            case "bluesky" -> new PlatformLimits(platform, 300, GRAPHEMES, 4, 2_000_000L, 300_000_000L,
                    Integer.MAX_VALUE, ALL);
            // X: 280 weighted characters, 4 images of 5 MB (GIF 15 MB), video 512 MB.
            case "x" -> new PlatformLimits(platform, 280, X_WEIGHTED, 4, 5 * MB, 512 * MB, Integer.MAX_VALUE, ALL);
            // Facebook Page posts: 63,206 characters, 10 photos per post, 4 GB videos.
            case "facebook" -> new PlatformLimits(platform, 63_206, CODE_POINTS, 10, 30 * MB, 4096 * MB,
                    Integer.MAX_VALUE, ALL);
            // Instagram: caption of 2,200 characters, at most 30 hashtags, carousel of 10.
            case "instagram" -> new PlatformLimits(platform, 2_200, CODE_POINTS, 10, 8 * MB, 650 * MB, 30, ALL);
            // LinkedIn: posts of 3,000 characters, up to 20 images in a multi-image post.
            case "linkedin" -> new PlatformLimits(platform, 3_000, CODE_POINTS, 20, 36_152_320L, 5120 * MB,
                    Integer.MAX_VALUE, ALL);
            // YouTube community posts and descriptions: 5,000 characters, 15 hashtags at most before
            // YouTube ignores them all; one video per upload.
            case "youtube" -> new PlatformLimits(platform, 5_000, CODE_POINTS, 1, 0, 256L * 1024 * MB, 15,
                    EnumSet.of(MediaAsset.Kind.VIDEO));
            // Threads: 500 characters, carousel of up to 20 media, 8 MB images, 1 GB videos.
            case "threads" -> new PlatformLimits(platform, 500, GRAPHEMES, 20, 8 * MB, 1024 * MB, Integer.MAX_VALUE, ALL);
            // TikTok: caption of 2,200 characters, one video (or a photo carousel of 35).
            case "tiktok" -> new PlatformLimits(platform, 2_200, CODE_POINTS, 35, 20 * MB, 4096 * MB,
                    Integer.MAX_VALUE, EnumSet.of(MediaAsset.Kind.IMAGE, MediaAsset.Kind.VIDEO));
            default -> new PlatformLimits(platform, 500, CODE_POINTS, 4, 8 * MB, 100 * MB, Integer.MAX_VALUE, ALL);
        };
    }

    private abstract static class Named implements TextCounting {
        private final String description;

        Named(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
