package io.cmkit.listening.sentiment.internal;

import io.cmkit.listening.sentiment.SentimentLanguage;

import java.util.Map;
import java.util.Set;

/**
 * The rule words of one language, normalised (lower case, no accents): negators, intensifiers and
 * dampeners with their VADER scalar, contrast words, and the function words used to guess a language.
 */
public record RuleWords(Set<String> negators, Set<String> negatorsNeedingNe, Set<String> postNegators,
                        Map<String, Double> boosters, Set<String> contrasts, Set<String> functionWords) {

    /** VADER's increment for an intensifier. */
    static final double INCREMENT = 0.293;
    /** VADER's decrement for a dampener. */
    static final double DECREMENT = -0.293;

    public static RuleWords of(SentimentLanguage language) {
        return language == SentimentLanguage.FRENCH ? FRENCH : ENGLISH;
    }

    private static final RuleWords FRENCH = new RuleWords(
            Set.of("ne", "n'", "pas", "jamais", "rien", "aucun", "aucune", "sans", "ni", "nullement", "guere", "non"),
            // "plus" negates only after "ne" ("ce n'est plus bon"); alone it compares ("plus beau").
            Set.of("plus"),
            // Spoken French drops the "ne": "j'aime pas", "ça marche jamais".
            Set.of("pas", "jamais", "rien"),
            Map.ofEntries(
                    Map.entry("tres", INCREMENT), Map.entry("trop", INCREMENT), Map.entry("vraiment", INCREMENT),
                    Map.entry("super", INCREMENT), Map.entry("tellement", INCREMENT), Map.entry("extremement", INCREMENT),
                    Map.entry("vachement", INCREMENT), Map.entry("hyper", INCREMENT), Map.entry("ultra", INCREMENT),
                    Map.entry("completement", INCREMENT), Map.entry("totalement", INCREMENT),
                    Map.entry("absolument", INCREMENT), Map.entry("particulierement", INCREMENT),
                    Map.entry("carrement", INCREMENT), Map.entry("archi", INCREMENT), Map.entry("si", INCREMENT),
                    Map.entry("tout a fait", INCREMENT), Map.entry("grave", INCREMENT),
                    Map.entry("un peu", DECREMENT), Map.entry("peu", DECREMENT), Map.entry("assez", DECREMENT),
                    Map.entry("plutot", DECREMENT), Map.entry("moyennement", DECREMENT),
                    Map.entry("legerement", DECREMENT), Map.entry("presque", DECREMENT), Map.entry("quasi", DECREMENT),
                    Map.entry("a peine", DECREMENT)),
            Set.of("mais", "cependant", "pourtant", "toutefois", "neanmoins", "par contre"),
            Set.of("le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "je", "tu", "il", "elle", "nous",
                    "vous", "ils", "pas", "que", "qui", "pour", "dans", "sur", "avec", "ce", "c'", "l'", "d'", "n'", "j'",
                    "qu'", "au", "aux", "mais", "ou", "tres", "sont", "cette", "mon", "ma", "mes"));

    private static final RuleWords ENGLISH = new RuleWords(
            Set.of("not", "no", "never", "nor", "neither", "nobody", "nothing", "none", "nowhere", "without",
                    "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "wouldnt",
                    "shouldnt", "couldnt", "hasnt", "havent", "hadnt", "aint", "mustnt", "neednt"),
            Set.of(),
            Set.of(),
            Map.ofEntries(
                    Map.entry("very", INCREMENT), Map.entry("so", INCREMENT), Map.entry("really", INCREMENT),
                    Map.entry("extremely", INCREMENT), Map.entry("absolutely", INCREMENT), Map.entry("totally", INCREMENT),
                    Map.entry("completely", INCREMENT), Map.entry("incredibly", INCREMENT), Map.entry("super", INCREMENT),
                    Map.entry("highly", INCREMENT), Map.entry("truly", INCREMENT), Map.entry("too", INCREMENT),
                    Map.entry("most", INCREMENT), Map.entry("utterly", INCREMENT), Map.entry("hugely", INCREMENT),
                    Map.entry("quite", INCREMENT), Map.entry("fucking", INCREMENT), Map.entry("such", INCREMENT),
                    Map.entry("slightly", DECREMENT), Map.entry("somewhat", DECREMENT), Map.entry("barely", DECREMENT),
                    Map.entry("hardly", DECREMENT), Map.entry("kinda", DECREMENT), Map.entry("kind of", DECREMENT),
                    Map.entry("sort of", DECREMENT), Map.entry("a bit", DECREMENT), Map.entry("a little", DECREMENT),
                    Map.entry("marginally", DECREMENT), Map.entry("partly", DECREMENT), Map.entry("fairly", DECREMENT),
                    Map.entry("almost", DECREMENT)),
            Set.of("but", "however", "nevertheless"),
            Set.of("the", "a", "an", "and", "is", "are", "was", "to", "of", "i", "you", "it", "this", "that", "not",
                    "for", "with", "my", "your", "in", "on", "but", "so", "have", "has", "be", "they", "we", "just",
                    "very", "what", "don't", "it's", "i'm", "can't"));

    /** Whether a normalised word negates: a listed negator or an English contraction in n't. */
    public boolean isNegator(String word) {
        return negators.contains(word) || word.endsWith("n't");
    }
}
