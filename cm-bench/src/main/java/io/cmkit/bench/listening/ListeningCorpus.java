package io.cmkit.bench.listening;

import io.cmkit.core.model.Platform;
import io.cmkit.listening.monitor.Mention;
import io.cmkit.listening.monitor.SavedQuery;
import io.cmkit.listening.monitor.Watch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded saved queries and posts that look like a listening agency's: a thousand brands (one- and
 * two-word names, handles, hashtags, domains, products, campaigns) watched through ten kinds of
 * query each (name variants, products with exclusions, complaints NEAR the name, outages in
 * French, wildcards with a site exclusion, campaign hashtags, thanks to the handle, competitors
 * NEAR the brand, scandals on one platform), and French and English posts that mention them among
 * everyday words, with accents, capitals, hashtags, mentions and links.
 *
 * <p>Brand names are built from syllables that never start a complaint stem, so the two sides of a
 * NEAR never match the same token (where Lucene's span semantics and cmkit's are defined alike).
 */
public final class ListeningCorpus {

    private static final String[] SYLLABLES = {"lu", "mi", "ca", "fe", "zo", "vel", "ta", "ri", "no", "sy", "ko", "dor",
        "pha", "ne", "xa", "qui", "mo", "lin", "ter", "sol", "vi", "ga", "po", "ju", "ber", "ly", "fa", "ze", "wen", "hu"};
    private static final String[] PREFIX_WORDS = {"Café", "Maison", "Atelier", "Studio", "Groupe", "Les", "Green", "Smart"};
    private static final String[] MODELS = {"Nova", "Pro", "Max", "Lite", "Air", "One", "Flex", "Zen", "Go", "Plus"};
    private static final String[] CAMPAIGNS = {"noel", "soldes", "rentree", "summer", "blackfriday", "launch", "ete", "live"};
    static final String[] NEGATIVE = {"arnaque", "nul", "déçu", "déçue", "remboursement", "rembourser", "scam", "honte",
        "scandale", "boycott", "plainte", "panne", "bug", "bugs", "crash", "refund", "worst", "awful", "disappointed"};
    static final String[] POSITIVE = {"merci", "bravo", "top", "love", "génial", "super", "recommande", "great", "thanks"};
    private static final String[] CONTEXT = {"avis", "review", "reviews", "test", "promo", "concours", "job", "recrute",
        "offre", "emploi", "livraison", "service", "client", "commande", "prix", "magasin", "app", "site"};
    private static final String[] FILLER_FR = {"le", "la", "les", "un", "une", "et", "de", "du", "des", "est", "pas", "ne",
        "marche", "je", "tu", "il", "on", "nous", "vous", "ils", "avec", "pour", "sur", "dans", "chez", "mais", "très",
        "trop", "vraiment", "encore", "hier", "aujourd'hui", "demain", "matin", "soir", "semaine", "café", "thé", "été",
        "hiver", "Paris", "Lyon", "Marseille", "ami", "amie", "famille", "travail", "bureau", "voiture", "train", "ça",
        "c'est", "j'ai", "qu'il", "l'équipe", "d'accord", "où", "à", "être", "fait", "voilà", "franchement", "bof"};
    private static final String[] FILLER_EN = {"the", "a", "an", "and", "of", "to", "in", "is", "it", "not", "my", "your",
        "with", "for", "on", "at", "this", "that", "today", "yesterday", "really", "very", "so", "just", "got", "new",
        "phone", "order", "store", "week", "morning", "night", "friends", "work", "car", "train", "don't", "it's",
        "can't", "I'm", "London", "NYC", "coffee", "team", "again", "still", "lol", "omg", "honestly", "meh"};
    private static final Platform[] PLATFORMS = {Platform.X, Platform.MASTODON, Platform.BLUESKY, Platform.INSTAGRAM,
        Platform.LINKEDIN, Platform.THREADS};
    private static final String[] EMOJI = {"👍", "😡", "❤️", "🙄", "🔥", "😂", "☕"};

    /** One watched brand. */
    record Brand(String name, List<String> nameWords, String handle, String tag, String domain, List<String> models,
                 String campaign) {
    }

    private final List<Brand> brands;
    private final long seed;

    private ListeningCorpus(long seed, int brandCount) {
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed);
        Set<String> used = new HashSet<>();
        brands = new ArrayList<>(brandCount);
        while (brands.size() < brandCount) {
            StringBuilder core = new StringBuilder();
            int syllables = 2 + r.nextInt(2);
            for (int s = 0; s < syllables; s++) {
                core.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
            }
            String word = core.toString();
            if (!used.add(word)) {
                continue;
            }
            String display = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            List<String> words = r.nextInt(4) == 0 ? List.of(PREFIX_WORDS[r.nextInt(PREFIX_WORDS.length)], display) : List.of(display);
            String handle = word + (r.nextBoolean() ? "_fr" : "");
            String domain = word + (r.nextBoolean() ? ".fr" : ".com");
            List<String> models = new ArrayList<>();
            models.add(MODELS[r.nextInt(MODELS.length)]);
            models.add((char) ('a' + r.nextInt(26)) + String.valueOf(100 + r.nextInt(900)));
            models.add(MODELS[r.nextInt(MODELS.length)] + "s");
            brands.add(new Brand(String.join(" ", words), words, handle, word, domain, models,
                    CAMPAIGNS[r.nextInt(CAMPAIGNS.length)]));
        }
    }

    /** A corpus with {@code queries / 10} brands. */
    public static ListeningCorpus create(long seed, int queries) {
        return new ListeningCorpus(seed, Math.max(1, queries / 10));
    }

    /** Ten saved queries per brand. */
    public List<SavedQuery> queries() {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5EEDL);
        List<SavedQuery> out = new ArrayList<>(brands.size() * 10);
        for (int b = 0; b < brands.size(); b++) {
            for (int k = 0; k < 10; k++) {
                out.add(query(b, k, r, "b" + b + "-q" + k));
            }
        }
        return out;
    }

    /** One more query of a random kind for a random brand, under a fresh id (for churn). */
    public SavedQuery extraQuery(SplittableRandom r, String id) {
        return query(r.nextInt(brands.size()), r.nextInt(10), r, id);
    }

    private SavedQuery query(int b, int kind, SplittableRandom r, String id) {
        Brand brand = brands.get(b);
        String name = quoted(brand);
        String text = switch (kind) {
            case 0 -> name + " OR #" + brand.tag + " OR @" + brand.handle;
            case 1 -> brand.tag + " (" + brand.models.get(0) + " OR " + brand.models.get(1) + " OR \"" + brand.tag + " "
                    + brand.models.get(2) + "\") -promo -concours";
            case 2 -> "(" + name + " OR #" + brand.tag + ") NEAR/" + (2 + r.nextInt(4))
                    + " (arnaque OR nul OR déçu* OR rembours* OR scam OR refund*)";
            case 3 -> brand.tag + " (panne OR bug* OR crash OR \"ne marche pas\") lang:fr";
            case 4 -> "\"" + brand.tag + " " + brand.models.get(0) + "\" -job -recrute -\"offre d'emploi\"";
            case 5 -> brand.tag.substring(0, 4) + "* (avis OR review* OR test) -site:" + brand.domain;
            case 6 -> "#" + brand.tag + brand.campaign + " OR \"" + brand.tag + " " + brand.campaign + "\" OR #"
                    + brand.tag + "*";
            case 7 -> "@" + brand.handle + " -from:" + brand.handle + " (merci OR bravo OR top OR love OR thanks)";
            case 8 -> {
                Brand rival = brands.get((b + 1 + r.nextInt(brands.size() - 1 == 0 ? 1 : brands.size() - 1)) % brands.size());
                yield quoted(rival) + " NEAR/5 (" + name + " OR #" + brand.tag + ")";
            }
            default -> brand.tag + " (scandale OR honte OR boycott OR plainte) " + (r.nextBoolean() ? "platform:x" : "-platform:linkedin");
        };
        return SavedQuery.of(id, brand.tag, kind == 8 ? Watch.COMPETITOR : Watch.BRAND, text);
    }

    private static String quoted(Brand brand) {
        return brand.nameWords.size() == 1 ? brand.nameWords.get(0) : "\"" + brand.name + "\"";
    }

    /** Post number {@code index}: the same for the same seed and index, whatever else was generated. */
    public Mention post(long index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        boolean french = r.nextInt(3) != 0;
        String[] filler = french ? FILLER_FR : FILLER_EN;
        int words = 6 + r.nextInt(20);
        StringBuilder text = new StringBuilder(160);
        Brand brand = brands.get(r.nextInt(brands.size()));
        Brand other = brands.get(r.nextInt(brands.size()));
        for (int w = 0; w < words; w++) {
            int dice = r.nextInt(100);
            String piece;
            if (dice < 6) {
                piece = brandMention(brand, r);
            } else if (dice < 8) {
                piece = brandMention(other, r);
            } else if (dice < 12) {
                piece = NEGATIVE[r.nextInt(NEGATIVE.length)];
            } else if (dice < 15) {
                piece = POSITIVE[r.nextInt(POSITIVE.length)];
            } else if (dice < 18) {
                piece = CONTEXT[r.nextInt(CONTEXT.length)];
            } else if (dice < 19) {
                piece = EMOJI[r.nextInt(EMOJI.length)];
            } else if (dice < 20) {
                piece = "https://" + (r.nextBoolean() ? "www." + brand.domain : "blog.example.org") + "/p/" + r.nextInt(1000);
            } else if (dice < 21) {
                piece = "#" + (r.nextBoolean() ? brand.tag + brand.campaign : CAMPAIGNS[r.nextInt(CAMPAIGNS.length)]);
            } else {
                piece = filler[r.nextInt(filler.length)];
            }
            if (r.nextInt(12) == 0) {
                piece = piece.toUpperCase(Locale.ROOT);
            } else if (r.nextInt(8) == 0) {
                piece = Character.toUpperCase(piece.charAt(0)) + piece.substring(1);
            }
            text.append(piece);
            int sep = r.nextInt(20);
            text.append(sep == 0 ? ", " : sep == 1 ? ". " : sep == 2 ? " ! " : sep == 3 ? " - " : " ");
        }
        String author = r.nextInt(10) == 0 ? brand.handle : "user" + r.nextInt(100_000);
        return new Mention(text.toString().strip(), Optional.of(PLATFORMS[r.nextInt(PLATFORMS.length)]),
                Optional.of(author), Optional.of(french ? "fr" : "en"), Optional.empty());
    }

    private static String brandMention(Brand brand, SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> "#" + brand.tag;
            case 1 -> "@" + brand.handle;
            case 2 -> brand.tag + " " + brand.models.get(r.nextInt(brand.models.size()));
            case 3 -> brand.models.get(r.nextInt(brand.models.size()));
            case 4 -> brand.tag + " " + brand.campaign;
            default -> brand.name;
        };
    }
}
