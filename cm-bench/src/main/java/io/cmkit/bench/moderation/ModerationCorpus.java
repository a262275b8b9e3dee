package io.cmkit.bench.moderation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded French and English moderation data: a lexicon of abusive terms and comments of about
 * 150 characters written the way people write under a brand's posts (complaints, praise,
 * questions, accents, emoji, hashtags, mentions, links), about a third of them carrying an insult
 * disguised with leetspeak, capitals, spaced or dotted letters, repeated letters, styled or
 * look-alike letters. The same seed gives the same lexicon and the same comments.
 */
public final class ModerationCorpus {

    /** Real insults and abuse, French then English, that the lexicon starts from. */
    private static final String[] FR_INSULTS = {
        "connard", "connasse", "salaud", "salope", "enfoiré", "abruti", "crétin", "débile", "imbécile", "idiot",
        "ordure", "raclure", "bouffon", "guignol", "minable", "naze", "tocard", "pourri", "enculé", "bâtard",
        "déchet", "cassos", "beauf", "gland", "couillon", "andouille", "taré", "escroc", "arnaqueur", "voleur",
        "menteur", "charlatan", "incapable", "nullard", "blaireau", "boloss", "clochard", "sous-merde", "pignouf",
        "trouduc", "fumier", "vaurien", "bourrin", "cloporte", "larbin", "lèche-botte", "racaille", "pétasse",
        "grognasse", "pouffiasse", "gogol", "attardé", "demeuré", "manche", "tête de con", "trou du cul",
        "ta gueule", "ferme ta gueule", "va te faire foutre", "nique ta mère", "fils de pute", "casse-toi",
        "pauvre type", "gros porc", "bande de nuls", "service de merde",
    };
    private static final String[] EN_INSULTS = {
        "idiot", "moron", "stupid", "dumb", "loser", "jerk", "asshole", "bastard", "bitch", "dick", "douchebag",
        "scumbag", "clown", "fraud", "scammer", "liar", "thief", "trash", "garbage", "pathetic", "dumbass",
        "jackass", "prick", "twat", "wanker", "tosser", "motherfucker", "imbecile", "cretin", "clueless",
        "incompetent", "useless", "worthless", "crook", "hack", "muppet", "numpty", "halfwit", "dimwit",
        "nitwit", "bozo", "buffoon", "knobhead", "pillock", "plonker", "shithead", "dipshit", "screw you",
        "fuck you", "piece of shit", "shut up", "go to hell", "get lost", "suck it", "eat shit", "rip off",
        "you suck", "waste of space", "lowlife", "scum", "parasite", "vermin", "leech", "snake",
    };
    private static final String[] FR_PREFIXES = {"sale ", "espèce de ", "bande de ", "gros ", "pauvre ", "vrai ", "gros "};
    private static final String[] EN_PREFIXES = {"you ", "fucking ", "stupid ", "total ", "absolute ", "bloody ", "such a "};

    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "j", "l", "m", "n", "p", "r", "s", "t", "v",
        "ch", "br", "cr", "gr", "pl", "tr", "st", "sh", "th", "qu", "fl", "sc", "sp", "w", "h", "k", "z", "gl"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ou", "ai", "ea", "é", "è", "oi", "au", "y",
        "ee", "an", "on", "in", "eu"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "t", "l", "rd", "ck", "x", "que", "sse", "nt",
        "ng", "ard", "asse", "ingue", "os", "eux"};

    private static final String[] FR_SENTENCES = {
        "Commande %d toujours pas livrée", "Service client injoignable depuis %d jours", "Merci pour la réponse rapide",
        "Franchement déçu par la qualité", "C'est la troisième fois que je relance", "Le colis est arrivé cassé",
        "Super produit, je recommande", "Vous pouvez m'expliquer pourquoi", "Remboursement promis il y a %d semaines",
        "Le café était froid et le serveur pas aimable", "Très bonne expérience à la boutique de Lyon",
        "Quelqu'un a eu le même problème", "J'attends encore ma facture", "Le prix a encore augmenté",
        "Bravo à l'équipe, rien à dire", "Pourquoi supprimez-vous les commentaires", "Ça fait %d heures que j'attends",
        "Je ne commanderai plus jamais chez vous", "Livraison rapide et soignée", "Où est passé mon avoir",
    };
    private static final String[] EN_SENTENCES = {
        "Order %d still not delivered", "Customer service has ignored me for %d days", "Thanks for the quick answer",
        "Honestly disappointed with the quality", "This is the third time I'm asking", "The parcel arrived broken",
        "Great product, would recommend", "Can someone explain why", "Refund promised %d weeks ago",
        "The coffee was cold and the staff rude", "Lovely visit to the Boston store", "Anyone else had this issue",
        "Still waiting for my invoice", "Prices went up again", "Well done team, no complaints",
        "Why are you deleting comments", "Been waiting %d hours now", "Never ordering from you again",
        "Fast and careful delivery", "Where is my store credit",
    };
    private static final String[] FR_TARGETS = {"vous êtes des %s", "quel %s", "espèce de %s", "le gérant est un %s",
        "t'es qu'un %s", "%s va", "encore un %s au service client"};
    private static final String[] EN_TARGETS = {"you are a %s", "what a %s", "your manager is a %s", "%s",
        "typical %s behaviour", "the support guy is a %s", "such %s service"};
    private static final String[] EMOJI = {"😡", "👍", "👍🏽", "❤️", "😂", "🙄", "🤬", "🔥", "💩", "👎", "😭", "🇫🇷",
        "🙏", "☕"};
    private static final String[] TAGS = {"#SAV", "#arnaque", "#déçu", "#CustomerService", "#fail", "#Lyon", "#promo",
        "#NeverAgain", "#merci", "#BlackFriday"};
    private static final String[] HANDLES = {"@cafe_lumiere", "@CafeLumiereFR", "@support", "@julie_m", "@TomB",
        "@cafe@piaille.fr"};
    private static final String[] URLS = {"https://cafe-lumiere.example/commande?id=%d", "http://bit.ly/3x%dQ",
        "https://www.trustpilot.com/review/cafe-lumiere.example", "https://imgur.com/a/%d", "www.arnaque-info.fr"};

    private ModerationCorpus() {
    }

    /**
     * {@code size} distinct terms: the French and English insults above, their plurals,
     * feminines and insulting frames ("sale ...", "you ..."), then French- and English-like
     * words (one in ten a two-word phrase) up to the size. Accents are kept, as a lexicon
     * author writes them; matchers normalise them.
     */
    public static List<String> lexicon(long seed, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> out = new LinkedHashSet<>();
        addDerived(out, FR_INSULTS, FR_PREFIXES, true, size);
        addDerived(out, EN_INSULTS, EN_PREFIXES, false, size);
        while (out.size() < size) {
            String w = word(random);
            if (w.length() >= 4) {
                out.add(random.nextInt(10) == 0 ? w + " " + word(random) : w);
            }
        }
        return new ArrayList<>(out);
    }

    private static void addDerived(Set<String> out, String[] insults, String[] prefixes, boolean french, int size) {
        for (String insult : insults) {
            if (out.size() >= size) {
                return;
            }
            out.add(insult);
            if (!insult.contains(" ")) {
                out.add(insult + "s");
                if (french && !insult.endsWith("e")) {
                    out.add(insult + "e");
                }
                for (String prefix : prefixes) {
                    out.add(prefix + insult);
                }
            }
        }
    }

    /** One French- or English-looking made-up word. */
    static String word(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        int syllables = 1 + random.nextInt(3);
        for (int i = 0; i < syllables; i++) {
            b.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
        }
        return b.append(CODAS[random.nextInt(CODAS.length)]).toString();
    }

    /**
     * {@code count} comments of 120 to 180 characters (about 150), half French, half English.
     * About one in three insults someone with a term of {@code lexicon}, disguised one way or
     * another; one in ten also names a made-up term from the rest of the lexicon.
     */
    public static List<String> comments(long seed, int count, List<String> lexicon) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> insults = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String t : lexicon) {
            (isInsult(t) ? insults : others).add(t);
        }
        List<String> out = new ArrayList<>(count);
        StringBuilder b = new StringBuilder(220);
        for (int i = 0; i < count; i++) {
            b.setLength(0);
            boolean french = random.nextBoolean();
            int target = 120 + random.nextInt(61);
            boolean insulted = random.nextInt(3) == 0;
            boolean other = random.nextInt(10) == 0;
            while (b.length() < target) {
                int k = random.nextInt(12);
                if (insulted && (k == 0 || b.length() > target - 40)) {
                    insulted = false;
                    String[] frames = french ? FR_TARGETS : EN_TARGETS;
                    String term = disguise(insults.get(random.nextInt(insults.size())), random);
                    sentence(b, String.format(Locale.ROOT, frames[random.nextInt(frames.length)], term), random);
                } else if (other && k == 1) {
                    other = false;
                    sentence(b, others.get(random.nextInt(others.size())), random);
                } else if (k == 2) {
                    append(b, EMOJI[random.nextInt(EMOJI.length)]);
                } else if (k == 3) {
                    append(b, TAGS[random.nextInt(TAGS.length)]);
                } else if (k == 4) {
                    append(b, HANDLES[random.nextInt(HANDLES.length)]);
                } else if (k == 5 && random.nextInt(3) == 0) {
                    append(b, String.format(Locale.ROOT, URLS[random.nextInt(URLS.length)], 1000 + random.nextInt(9000)));
                } else {
                    String[] sentences = french ? FR_SENTENCES : EN_SENTENCES;
                    String s = sentences[random.nextInt(sentences.length)];
                    sentence(b, s.contains("%d") ? String.format(Locale.ROOT, s, 2 + random.nextInt(900_000)) : s, random);
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    private static boolean isInsult(String term) {
        for (String[] list : new String[][] {FR_INSULTS, EN_INSULTS}) {
            for (String insult : list) {
                if (term.contains(insult)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void sentence(StringBuilder b, String s, SplittableRandom random) {
        append(b, s);
        int end = random.nextInt(6);
        b.append(end == 0 ? " !" : end == 1 ? "..." : end == 2 ? "?" : end == 3 ? "!!!" : ".");
    }

    private static void append(StringBuilder b, String s) {
        if (b.length() > 0) {
            b.append(' ');
        }
        b.append(s);
    }

    /** A term as someone slipping it past a filter writes it. */
    static String disguise(String term, SplittableRandom random) {
        switch (random.nextInt(10)) {
            case 0:
                return term.toUpperCase(Locale.ROOT);
            case 1:
                return term.replace('o', '0').replace('a', '4').replace('e', '3').replace('s', '5');
            case 2:
                return term.replace('i', '1').replace('a', '@');
            case 3:
                return spaced(term, " ");
            case 4:
                return spaced(term, ".");
            case 5:
                return term.replaceFirst("([aeiou])", "$1$1$1$1");
            case 6:
                return styled(term);
            case 7:
                return term.replace('o', 'о').replace('a', 'а'); // Cyrillic look-alikes
            default:
                return term;
        }
    }

    private static String spaced(String term, String separator) {
        if (term.contains(" ")) {
            return term;
        }
        return String.join(separator, term.split(""));
    }

    /** Mathematical bold letters, as fancy-text generators write them. */
    private static String styled(String term) {
        StringBuilder b = new StringBuilder(term.length() * 2);
        term.codePoints().forEach(c -> {
            if (c >= 'a' && c <= 'z') {
                b.appendCodePoint(0x1D41A + c - 'a');
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
