package io.cmkit.connectors.sandbox.internal;

import io.cmkit.connectors.sandbox.Intent;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The people of one platform in the simulated world: a large regular audience (a few fans comment
 * far more than the rest), one-off spam accounts, and a few recurring trolls and spammers who come
 * back again and again. Each person is a pure function of the seed, platform, role, language and
 * index, so the same person has the same handle, age and followers whenever they appear.
 */
final class Population {

    /** What kind of account a person is. */
    enum Role { REGULAR, SPAMMER, TROLL }

    /** A person: the author facts platforms give, the language they write in, their role. */
    record Persona(Author author, Locale language, Role role, boolean recurring) {
    }

    private static final int REGULARS_PER_LANGUAGE = 4_000;

    private static final Map<Locale, List<String>> FIRST = Map.of(
            Languages.FRENCH, List.of("camille", "lucas", "manon", "hugo", "lea", "jules", "chloe", "louis", "ines",
                    "nathan", "sarah", "theo", "emma", "arthur", "julie", "antoine", "margaux", "mathis", "clara",
                    "maxime", "zoe", "remi", "anais", "bastien", "elodie", "karim", "yasmine", "thomas", "pauline", "noe"),
            Languages.ENGLISH, List.of("olivia", "james", "emily", "jack", "sophie", "harry", "grace", "oliver", "ava",
                    "george", "amelia", "william", "lily", "noah", "ella", "ethan", "mia", "leo", "ruby", "charlie",
                    "priya", "daniel", "hannah", "ryan", "megan", "sam", "chris", "nina", "owen", "zara"));
    private static final Map<Locale, List<String>> LAST = Map.of(
            Languages.FRENCH, List.of("martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand",
                    "leroy", "moreau", "simon", "laurent", "lefebvre", "michel", "garcia", "david", "bertrand", "roux",
                    "vincent", "fournier", "morel", "girard", "andre", "mercier", "blanc", "guerin", "boyer", "faure"),
            Languages.ENGLISH, List.of("smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies",
                    "robinson", "wright", "thompson", "evans", "walker", "white", "roberts", "green", "hall", "wood",
                    "jackson", "clarke", "patel", "khan", "lewis", "hughes", "edwards", "turner", "hill", "moore"));
    private static final Map<Locale, List<String>> SPAM_HANDLES = Map.of(
            Languages.FRENCH, List.of("cadeaux_gratuits", "gagnant_du_jour", "bons_plans_fou", "crypto_mentor_fr",
                    "argent_facile", "promo_flash", "abonnes_offerts", "invest_rapide"),
            Languages.ENGLISH, List.of("free_gifts_now", "daily_winner", "crazy_deals", "crypto_mentor",
                    "easy_money_hq", "flash_promo", "free_followers", "quick_invest"));
    private static final Map<Locale, List<String>> SPAM_NAMES = Map.of(
            Languages.FRENCH, List.of("🎁 Cadeaux Gratuits", "Gagnant du jour 🏆", "Bons Plans 💥", "Crypto Mentor 💰",
                    "Argent Facile", "Promo Flash ⚡"),
            Languages.ENGLISH, List.of("🎁 Free Gifts", "Daily Winner 🏆", "Crazy Deals 💥", "Crypto Mentor 💰",
                    "Easy Money", "Flash Promo ⚡"));
    private static final Map<Locale, List<String>> TROLL_HANDLES = Map.of(
            Languages.FRENCH, List.of("le_vrai_avis", "verite_cachee", "anti_marques", "ras_le_bol", "le_sceptique",
                    "citoyen_en_colere"),
            Languages.ENGLISH, List.of("no_bs_reviews", "truth_hammer", "anti_brands", "fed_up_customer", "the_skeptic",
                    "angry_citizen"));
    /** Reserved (RFC 2606) domains, so no generated handle belongs to a real person. */
    private static final List<String> INSTANCES = List.of("toot.example", "piaille.example", "social.example",
            "mastodon.example", "mamot.example", "pouet.example");

    private final long seed;
    private final Platform platform;
    private final Instant genesis;
    private final List<Locale> languages;
    private final int trolls;
    private final int spammers;
    private final Map<String, Persona> cache = new HashMap<>();

    Population(long seed, Platform platform, Instant genesis, List<Locale> languages, int trolls, int spammers) {
        this.seed = seed;
        this.platform = platform;
        this.genesis = genesis;
        this.languages = List.copyOf(languages);
        this.trolls = trolls;
        this.spammers = spammers;
    }

    /** Someone who would write with this intent in this language. */
    Persona pick(Intent intent, Locale language, SplittableRandom rng) {
        switch (intent) {
            case SPAM -> {
                return rng.nextDouble() < 0.55 && spammers > 0 ? recurring(Role.SPAMMER, spammers, language, rng)
                        : person(Role.SPAMMER, language, 1_000 + rng.nextInt(1_000_000));
            }
            case INSULT, DEFAMATION -> {
                return rng.nextDouble() < 0.45 && trolls > 0 ? recurring(Role.TROLL, trolls, language, rng)
                        : regular(language, rng);
            }
            default -> {
                return regular(language, rng);
            }
        }
    }

    /** An ordinary member of the audience; low indices (the fans) come back more often. */
    Persona regular(Locale language, SplittableRandom rng) {
        int index = (int) (REGULARS_PER_LANGUAGE * Math.pow(rng.nextDouble(), 1.8));
        return person(Role.REGULAR, language, index);
    }

    /** Someone planted by a test, known by handle only. */
    Persona named(String handle, Locale language) {
        String key = "named/" + handle;
        return cache.computeIfAbsent(key, k -> {
            SplittableRandom r = Seeds.random(seed, platform.id(), key);
            Author author = new Author(authorId(r), handle, Optional.empty(),
                    Optional.of(genesis.minus(Duration.ofDays(30 + r.nextInt(2_000)))),
                    OptionalLong.of((long) Seeds.logNormal(r, 150, 1.2)), false);
            return new Persona(author, language, Role.REGULAR, false);
        });
    }

    /** One of the recurring trolls or spammers, preferring those who write in this language. */
    private Persona recurring(Role role, int count, Locale language, SplittableRandom rng) {
        List<Integer> speakers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (languages.get(i % languages.size()).equals(language)) {
                speakers.add(i);
            }
        }
        int index = speakers.isEmpty() ? rng.nextInt(count) : Seeds.pick(rng, speakers);
        return person(role, languages.get(index % languages.size()), -1 - index);
    }

    /** The person with this role, language and index; negative indices are the recurring ones. */
    private Persona person(Role role, Locale language, int index) {
        String key = role + "/" + language.getLanguage() + "/" + index;
        Persona known = cache.get(key);
        if (known != null) {
            return known;
        }
        SplittableRandom r = Seeds.random(seed, platform.id(), key);
        boolean recurring = index < 0;
        String base;
        Optional<String> displayName;
        long ageDays;
        long followers;
        boolean verified = false;
        switch (role) {
            case SPAMMER -> {
                base = Seeds.pick(r, SPAM_HANDLES.get(language)) + (10 + r.nextInt(990));
                displayName = Optional.of(Seeds.pick(r, SPAM_NAMES.get(language)));
                ageDays = 1 + r.nextInt(45);
                followers = r.nextInt(60);
            }
            case TROLL -> {
                base = Seeds.pick(r, TROLL_HANDLES.get(language)) + (r.nextBoolean() ? "" : Integer.toString(10 + r.nextInt(90)));
                displayName = r.nextBoolean() ? Optional.empty() : Optional.of(capitalise(base.replaceAll("[_0-9]+", " ").strip()));
                ageDays = 15 + r.nextInt(400);
                followers = 3 + r.nextInt(400);
            }
            default -> {
                String first = Seeds.pick(r, FIRST.get(language));
                String last = Seeds.pick(r, LAST.get(language));
                base = switch (r.nextInt(5)) {
                    case 0 -> first + "." + last;
                    case 1 -> first + "_" + last.charAt(0) + (r.nextInt(90) + 10);
                    case 2 -> first + last + (r.nextInt(9_000) + 1_000);
                    case 3 -> last + "_" + first;
                    default -> first + "_" + last + (r.nextInt(99) + 1);
                };
                displayName = Optional.of(switch (r.nextInt(4)) {
                    case 0 -> capitalise(first) + " " + capitalise(last);
                    case 1 -> capitalise(first) + " " + Character.toUpperCase(last.charAt(0)) + ".";
                    case 2 -> capitalise(first);
                    default -> capitalise(first) + " " + capitalise(last) + " " + Seeds.pick(r, List.of("🌿", "☕", "📚", "🎧", "✈️"));
                });
                ageDays = Math.max(20, Math.min(6_000, (long) Seeds.logNormal(r, 1_100, 0.8)));
                followers = Math.min(2_000_000, (long) Seeds.logNormal(r, 150, 1.4));
                verified = followers > 100_000 ? r.nextInt(10) < 3 : r.nextInt(250) == 0;
            }
        }
        Author author = new Author(authorId(r), handleFor(base, r), displayName,
                Optional.of(genesis.minus(Duration.ofDays(ageDays)).minusSeconds(r.nextInt(86_400))),
                OptionalLong.of(followers), verified);
        Persona persona = new Persona(author, language, role, recurring);
        cache.put(key, persona);
        return persona;
    }

    private String handleFor(String base, SplittableRandom r) {
        return switch (platform.id()) {
            case "mastodon" -> base.replace('.', '_') + "@" + Seeds.pick(r, INSTANCES);
            case "bluesky" -> base.replace('_', '-').replace(".", "-") + ".bsky.example";
            case "x" -> {
                String x = base.replace('.', '_');
                yield x.length() > 15 ? x.substring(0, 15) : x;
            }
            default -> base;
        };
    }

    private String authorId(SplittableRandom r) {
        if (platform.equals(Platform.BLUESKY)) {
            return "did:plc:" + Ids.base32(r.nextLong(), 13) + Ids.base32(r.nextLong(), 11);
        }
        return Long.toString(100_000_000_000L + Math.floorMod(r.nextLong(), 1_000_000_000_000_000L));
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
