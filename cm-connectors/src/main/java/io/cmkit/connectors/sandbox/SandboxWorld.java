package io.cmkit.connectors.sandbox;

import io.cmkit.connectors.sandbox.internal.Settings;
import io.cmkit.connectors.sandbox.internal.World;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.PostRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A simulated social world for tests and the demo: brand accounts on any platform, and an
 * audience that reacts to what they publish. People like, share, quote and comment, in French
 * and English, more in the evening of the brand's time zone than at night, fading over hours or
 * days as on the real platform; followers grow. Among them, a share of spam, insults and
 * defamation, with a few recurring trolls and spammers who flood. Connectors opened on the world
 * implement every capability of the SPI and behave like their account's platform: its text
 * limits, its counters (no impressions on Mastodon or Bluesky), its idempotency and scheduling.
 *
 * <pre>{@code
 * SimulatedClock clock = SimulatedClock.at("2025-03-03T08:00:00Z");
 * SandboxWorld world = SandboxWorld.builder().seed(42).clock(clock).zone(ZoneId.of("Europe/Paris")).build();
 * Connector mastodon = world.connector(new Account(Platform.MASTODON, "cafe_lumiere@mastodon.social"));
 * mastodon.require(Publishing.class).publish(PublishRequest.now(variant, "post-1/mastodon"));
 * clock.advance(Duration.ofHours(3));                  // the audience reacts meanwhile
 * world.plantBadBuzz(account, clock.instant(), Duration.ofHours(6), 40);
 * world.faults(account).failNext(1, Fault.rateLimited(Duration.ofMinutes(15)));
 * }</pre>
 *
 * <p><b>Time.</b> Everything follows the world's clock; nothing runs in the background. What
 * happens between two calls is worked out when the next call looks, so a week passes in an
 * instant when the clock jumps a week. The world never goes back in time.
 *
 * <p><b>Determinism.</b> The same seed and the same calls at the same clock times give the same
 * interactions, ids and counters; reading more or less often in between changes nothing. Each
 * post's audience draws from its own random stream, named by the seed and the post's id.
 *
 * <p><b>Threads.</b> Safe: connectors may be called from several threads (a scheduler and an
 * inbox poller). One lock guards the world.
 */
public final class SandboxWorld {

    private final World world;
    private final long seed;

    private SandboxWorld(World world, long seed) {
        this.world = world;
        this.seed = seed;
    }

    /** A builder with the defaults: seed 1, the system clock, Europe/Paris, French then English. */
    public static Builder builder() {
        return new Builder();
    }

    /** A world with default knobs, this seed and this clock. */
    public static SandboxWorld create(long seed, Clock clock) {
        return builder().seed(seed).clock(clock).build();
    }

    /** The seed everything random derives from. */
    public long seed() {
        return seed;
    }

    /** The clock the world follows. */
    public Clock clock() {
        return world.settings().clock();
    }

    /** The brand's time zone: evening peaks follow it. */
    public ZoneId zone() {
        return world.zone();
    }

    /** When the world's history began: its clock's instant when it was built. */
    public Instant genesis() {
        return world.genesis();
    }

    /** The world's present: the latest instant its clock has shown. */
    public Instant now() {
        return world.now();
    }

    /**
     * A connector acting for this account, with every capability. Opening several connectors for
     * the same account is fine: they share the account's state.
     */
    public Connector connector(Account account) {
        Objects.requireNonNull(account, "account");
        return world.connector(account);
    }

    /** Failures to inject into this account's next calls. */
    public SandboxFaults faults(Account account) {
        Objects.requireNonNull(account, "account");
        return new SandboxFaults(world, account);
    }

    /**
     * Plants a bad buzz: from {@code start}, negative mentions (complaints, accusations of fraud,
     * insults, people relaying the story) rise within the first 15 % of {@code duration} to
     * {@code peakPerHour}, then fade to nothing at its end; about a third land as comments under
     * the account's latest post, and the account loses some followers. Most texts carry a
     * hashtag made from the brand's name ({@code #BoycottCafeLumiere}). A start in the past is
     * fine: what should have happened appears at the next read, after what was already read.
     *
     * @param peakPerHour mentions per hour at the peak; about {@code peakPerHour * hours / 2} in all
     */
    public void plantBadBuzz(Account account, Instant start, Duration duration, double peakPerHour) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        world.plantBadBuzz(account, Optional.empty(), start, duration, peakPerHour);
    }

    /**
     * Plants a bad buzz whose texts carry {@code keyword} (a hashtag, a product name) so that a
     * listening query can catch it. See {@link #plantBadBuzz(Account, Instant, Duration, double)}.
     */
    public void plantBadBuzz(Account account, String keyword, Instant start, Duration duration, double peakPerHour) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        world.plantBadBuzz(account, Optional.of(keyword), start, duration, peakPerHour);
    }

    /**
     * Plants a mention of the account by this author, in the mention feed from {@code at} on
     * (at once if {@code at} is past). Its language is detected from the text; it has no
     * {@link Intent} in its {@link #facts facts}: what it means is the test's business.
     *
     * @return the interaction as the feed will return it
     */
    public Interaction plantMention(Account account, Author author, String text, Instant at) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(author, "author");
        requireText(text);
        Objects.requireNonNull(at, "at");
        return world.plantMention(account, Optional.of(author), Optional.empty(), text, at);
    }

    /** Plants a mention by an author known by handle; the sandbox makes up the rest of the author. */
    public Interaction plantMention(Account account, String authorHandle, String text, Instant at) {
        Objects.requireNonNull(account, "account");
        requireText(authorHandle);
        requireText(text);
        Objects.requireNonNull(at, "at");
        return world.plantMention(account, Optional.empty(), Optional.of(authorHandle.strip()), text, at);
    }

    /**
     * Plants a comment under one of the world's brand posts, in its comment feed from {@code at}
     * on. Like {@link #plantMention(Account, Author, String, Instant)} otherwise.
     *
     * @throws IllegalArgumentException when the post is not a brand post of this world, or {@code at}
     *                                  is before it was published
     */
    public Interaction plantComment(PostRef post, Author author, String text, Instant at) {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(author, "author");
        requireText(text);
        Objects.requireNonNull(at, "at");
        return world.plantComment(post, Optional.of(author), Optional.empty(), text, at);
    }

    /** Plants a comment by an author known by handle. */
    public Interaction plantComment(PostRef post, String authorHandle, String text, Instant at) {
        Objects.requireNonNull(post, "post");
        requireText(authorHandle);
        requireText(text);
        Objects.requireNonNull(at, "at");
        return world.plantComment(post, Optional.empty(), Optional.of(authorHandle.strip()), text, at);
    }

    /**
     * What the world knows about an interaction that a platform would not say: its intent (ground
     * truth), whether it was hidden or deleted, reports, recurring author. Empty for an
     * interaction this world did not produce (or not yet).
     */
    public Optional<InteractionFacts> facts(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        return world.facts(interaction);
    }

    /** The seed and the time zone; never the world's contents. */
    @Override
    public String toString() {
        return "SandboxWorld[seed=" + seed + ", zone=" + world.zone() + "]";
    }

    private static void requireText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
    }

    /**
     * Builds a {@link SandboxWorld}. Every knob has a sane default; set the seed and the clock at
     * least. Building makes no call and starts no thread.
     */
    public static final class Builder {

        private long seed = 1;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.of("Europe/Paris");
        private List<Locale> languages = List.of(Locale.FRENCH, Locale.ENGLISH);
        private final Map<Platform, Long> platformFollowers = new HashMap<>();
        private final Map<String, Long> accountFollowers = new HashMap<>();
        private final Map<String, List<Locale>> accountLanguages = new HashMap<>();
        private final Map<String, String> brandNames = new HashMap<>();
        private Optional<String> brandName = Optional.empty();
        private double spamShare = 0.08;
        private double insultShare = 0.05;
        private double defamationShare = 0.03;
        private double engagement = 1.0;
        private OptionalDouble mentionsPerDay = OptionalDouble.empty();
        private int recurringTrolls = 3;
        private int recurringSpammers = 3;
        private int pageSize = 40;

        private Builder() {
        }

        /** The seed everything random derives from (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The clock the world follows (default: the system clock); pass a {@link SimulatedClock} to drive time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The brand's time zone, where evenings are busy and nights quiet (default Europe/Paris). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The languages the audience writes in, most common first (default French, English). The
         * sandbox writes French and English only. Comments follow the language of the post they
         * answer (most of the time); mentions follow this order.
         */
        public Builder languages(Locale... languages) {
            this.languages = languageList(languages);
            return this;
        }

        /** The languages of one account's audience, overriding {@link #languages(Locale...)}. */
        public Builder languages(Account account, Locale... languages) {
            Objects.requireNonNull(account, "account");
            accountLanguages.put(account.key(), languageList(languages));
            return this;
        }

        /** The audience size of every account on this platform (default: a plausible size per platform). */
        public Builder followers(Platform platform, long followers) {
            Objects.requireNonNull(platform, "platform");
            platformFollowers.put(platform, notNegative("followers", followers));
            return this;
        }

        /** The audience size of one account. */
        public Builder followers(Account account, long followers) {
            Objects.requireNonNull(account, "account");
            accountFollowers.put(account.key(), notNegative("followers", followers));
            return this;
        }

        /** The brand's name as people write it (default: made from each account's handle, "cafe_lumiere" as "Cafe Lumiere"). */
        public Builder brandName(String name) {
            this.brandName = Optional.of(notBlank("brandName", name));
            return this;
        }

        /** The brand's name for one account. */
        public Builder brandName(Account account, String name) {
            Objects.requireNonNull(account, "account");
            brandNames.put(account.key(), notBlank("brandName", name));
            return this;
        }

        /** Share of comments and mentions that are spam (default 0.08). */
        public Builder spamShare(double share) {
            this.spamShare = share("spamShare", share);
            return this;
        }

        /** Share that are insults (default 0.05). */
        public Builder insultShare(double share) {
            this.insultShare = share("insultShare", share);
            return this;
        }

        /** Share that are defamatory (default 0.03). */
        public Builder defamationShare(double share) {
            this.defamationShare = share("defamationShare", share);
            return this;
        }

        /** A multiplier of likes, shares and comments (default 1: a small or mid-sized brand). */
        public Builder engagement(double multiplier) {
            if (!(multiplier >= 0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("engagement must be a finite number, at least 0 (got " + multiplier + ")");
            }
            this.engagement = multiplier;
            return this;
        }

        /** Mentions of each account per day, besides quotes and bad buzzes (default: from its audience size, 2 to 80). */
        public Builder mentionsPerDay(double perDay) {
            if (!(perDay >= 0) || Double.isInfinite(perDay)) {
                throw new IllegalArgumentException("mentionsPerDay must be a finite number, at least 0 (got " + perDay + ")");
            }
            this.mentionsPerDay = OptionalDouble.of(perDay);
            return this;
        }

        /** How many recurring trolls each platform has (default 3). */
        public Builder recurringTrolls(int count) {
            this.recurringTrolls = (int) notNegative("recurringTrolls", count);
            return this;
        }

        /** How many recurring spammers each platform has (default 3). */
        public Builder recurringSpammers(int count) {
            this.recurringSpammers = (int) notNegative("recurringSpammers", count);
            return this;
        }

        /** Items per page of comments and mentions (default 40). */
        public Builder pageSize(int size) {
            if (size < 1 || size > 1_000) {
                throw new IllegalArgumentException("pageSize must be between 1 and 1000 (got " + size + ")");
            }
            this.pageSize = size;
            return this;
        }

        /**
         * The world, whose history starts at the clock's present instant.
         *
         * @throws IllegalArgumentException when spam, insult and defamation shares add up to more than 0.9
         */
        public SandboxWorld build() {
            double harmful = spamShare + insultShare + defamationShare;
            if (harmful > 0.9) {
                throw new IllegalArgumentException("spamShare + insultShare + defamationShare must be at most 0.9 (got "
                        + harmful + ")");
            }
            Settings settings = new Settings(seed, clock, zone, languages, platformFollowers, accountFollowers,
                    accountLanguages, brandNames, brandName, spamShare, insultShare, defamationShare, engagement,
                    mentionsPerDay, recurringTrolls, recurringSpammers, pageSize);
            return new SandboxWorld(new World(settings), seed);
        }

        private static List<Locale> languageList(Locale... languages) {
            Objects.requireNonNull(languages, "languages");
            if (languages.length == 0) {
                throw new IllegalArgumentException("at least one language is needed");
            }
            LinkedHashSet<Locale> out = new LinkedHashSet<>();
            for (Locale language : languages) {
                Objects.requireNonNull(language, "language");
                if (language.getLanguage().equals("fr")) {
                    out.add(Locale.FRENCH);
                } else if (language.getLanguage().equals("en")) {
                    out.add(Locale.ENGLISH);
                } else {
                    throw new IllegalArgumentException("the sandbox audience writes French and English only, not "
                            + language.getDisplayLanguage(Locale.ENGLISH) + " (" + language + ")");
                }
            }
            return new ArrayList<>(out);
        }

        private static double share(String name, double share) {
            if (!(share >= 0 && share <= 0.9)) {
                throw new IllegalArgumentException(name + " must be between 0 and 0.9 (got " + share + ")");
            }
            return share;
        }

        private static long notNegative(String name, long value) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative (got " + value + ")");
            }
            return value;
        }

        private static String notBlank(String name, String value) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value.strip();
        }
    }
}
