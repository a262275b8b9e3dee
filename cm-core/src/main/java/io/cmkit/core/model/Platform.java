package io.cmkit.core.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A social platform, as an open value type: the well-known platforms are constants, and a host
 * can name any other ({@code Platform.of("pixelfed")}) and bring a connector for it.
 *
 * @param id lower-case identifier: letters, digits, {@code -} and {@code _}, e.g. {@code "mastodon"}
 */
public record Platform(String id) implements Comparable<Platform> {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    public static final Platform MASTODON = new Platform("mastodon");
    public static final Platform BLUESKY = new Platform("bluesky");
    public static final Platform X = new Platform("x");
    public static final Platform FACEBOOK = new Platform("facebook");
    public static final Platform INSTAGRAM = new Platform("instagram");
    public static final Platform LINKEDIN = new Platform("linkedin");
    public static final Platform YOUTUBE = new Platform("youtube");
    public static final Platform THREADS = new Platform("threads");
    public static final Platform TIKTOK = new Platform("tiktok");

    private static final List<Platform> WELL_KNOWN =
            List.of(MASTODON, BLUESKY, X, FACEBOOK, INSTAGRAM, LINKEDIN, YOUTUBE, THREADS, TIKTOK);

    public Platform {
        Checks.notBlank("Platform", "id", id);
        if (!ID.matcher(id).matches()) {
            throw new InvalidModelException("Platform", "id",
                    "must be lower-case letters, digits, '-' or '_' (at most 40), got '" + id + "'");
        }
    }

    /**
     * The platform with this identifier, case-insensitively; {@code "twitter"} is read as
     * {@link #X}.
     */
    public static Platform of(String id) {
        Checks.notBlank("Platform", "id", id);
        String normal = id.strip().toLowerCase(Locale.ROOT);
        if (normal.equals("twitter")) {
            return X;
        }
        for (Platform known : WELL_KNOWN) {
            if (known.id.equals(normal)) {
                return known;
            }
        }
        return new Platform(normal);
    }

    /** The platforms cmkit knows by name, in a stable order. */
    public static List<Platform> wellKnown() {
        return WELL_KNOWN;
    }

    /** Whether this is one of {@link #wellKnown()}. */
    public boolean isWellKnown() {
        return WELL_KNOWN.contains(this);
    }

    /** A human name: "Mastodon", "X", "LinkedIn"; for other platforms the capitalised id. */
    public String displayName() {
        return switch (id) {
            case "x" -> "X";
            case "linkedin" -> "LinkedIn";
            case "youtube" -> "YouTube";
            case "tiktok" -> "TikTok";
            default -> Character.toUpperCase(id.charAt(0)) + id.substring(1);
        };
    }

    @Override
    public int compareTo(Platform other) {
        return id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return id;
    }
}
