package io.cmkit.listening.sentiment.internal;

import io.cmkit.core.text.Token;
import io.cmkit.core.text.TokenType;
import io.cmkit.core.text.Tokenizer;
import io.cmkit.listening.sentiment.LabelThresholds;
import io.cmkit.listening.sentiment.Sentiment;
import io.cmkit.listening.sentiment.SentimentLanguage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VADER's scoring (Hutto and Gilbert, ICWSM 2014) re-implemented over cmkit's tokenizer, with
 * French rules added: valences from the lexicon, capitals, intensifiers and dampeners in the three
 * words before, negation in the three words before (and French "ne ... pas"/"j'aime pas"), contrast
 * words, exclamation and question marks, then {@code sum / sqrt(sum² + 15)}. Immutable and
 * thread-safe.
 */
public final class Scorer {

    /** VADER's added valence for a word in capitals among words that are not. */
    static final double CAPS_INCREMENT = 0.733;
    /** VADER's factor for a negated valence. */
    static final double NEGATION_SCALAR = -0.74;
    /** VADER's normalisation constant: {@code sum / sqrt(sum² + ALPHA)}. */
    static final double ALPHA = 15;
    /** Weights of the valences before and after a contrast word. */
    static final double BEFORE_CONTRAST = 0.5;
    static final double AFTER_CONTRAST = 1.5;

    // ASCII emoticons, which the tokenizer skips as punctuation; found in the raw text.
    private static final Pattern EMOTICON = Pattern.compile(
            "(?<![\\w:;=])(?::'\\(|:-?\\)|=\\)|:-?D|[xX]D|;-?\\)|<3|:-?\\(|:-?/)(?![\\w/])");

    /** One language's tables. */
    public record Language(RuleWords rules, Map<String, Double> valences, LabelThresholds thresholds) {
        public Language {
            valences = Map.copyOf(valences);
        }
    }

    private final Map<SentimentLanguage, Language> languages;
    private final Map<String, Double> emoji;
    private final Tokenizer tokenizer = Tokenizer.standard();

    public Scorer(Map<SentimentLanguage, Language> languages, Map<String, Double> emoji) {
        this.languages = new EnumMap<>(languages);
        this.emoji = Map.copyOf(emoji);
        for (SentimentLanguage language : SentimentLanguage.values()) {
            if (!this.languages.containsKey(language)) {
                throw new IllegalArgumentException("no sentiment tables for " + language);
            }
        }
    }

    public Language language(SentimentLanguage language) {
        return languages.get(language);
    }

    private record Item(String word, boolean caps, boolean emoji, int start) { }

    /** Scores a text in the given language, or in the language its function words suggest. */
    public Sentiment score(String text, Optional<SentimentLanguage> given) {
        List<Item> tokens = items(text);
        SentimentLanguage language = given.orElseGet(() -> guess(tokens));
        Language tables = languages.get(language);
        RuleWords rules = tables.rules();
        List<Item> items = mergePhrases(tokens, rules);
        int n = items.size();
        boolean capsDifferential = capsDifferential(items);

        int contrastAt = -1;
        for (int i = 0; i < n && contrastAt < 0; i++) {
            if (rules.contrasts().contains(items.get(i).word())) {
                contrastAt = i;
            }
        }
        double sum = 0;
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Item item = items.get(i);
            Double base = item.emoji() ? emoji.get(item.word()) : lookup(tables.valences(), item.word());
            if (base == null) {
                continue;
            }
            boolean actsAsBooster = !item.emoji() && rules.boosters().containsKey(item.word())
                    && i + 1 < n && valenceOf(tables, items.get(i + 1)) != null;
            if (actsAsBooster) {
                continue;   // "super bien", "grave nul": the first word intensifies the second
            }
            double valence = base;
            if (capsDifferential && item.caps()) {
                valence += Math.signum(valence) * CAPS_INCREMENT;
            }
            boolean negated = false;
            for (int back = 1; back <= 3 && i - back >= 0; back++) {
                Item before = items.get(i - back);
                Double booster = rules.boosters().get(before.word());
                if (booster != null) {
                    double scalar = booster;
                    if (capsDifferential && before.caps()) {
                        scalar += Math.signum(scalar) * CAPS_INCREMENT;
                    }
                    if (valence < 0) {
                        scalar = -scalar;
                    }
                    valence += scalar * (back == 1 ? 1 : back == 2 ? 0.95 : 0.9);
                }
                if (rules.isNegator(before.word()) || (rules.negatorsNeedingNe().contains(before.word())
                        && neBefore(items, i - back))) {
                    negated = true;
                }
            }
            if (!item.emoji() && i + 1 < n && rules.postNegators().contains(items.get(i + 1).word())) {
                negated = true;
            }
            if (negated) {
                valence *= NEGATION_SCALAR;
            }
            if (contrastAt >= 0) {
                valence *= i < contrastAt ? BEFORE_CONTRAST : i > contrastAt ? AFTER_CONTRAST : 1;
            }
            sum += valence;
            terms.add(item.word());
        }
        if (sum != 0) {
            sum += Math.signum(sum) * punctuationEmphasis(text);
        }
        double score = sum == 0 ? 0 : Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));
        return new Sentiment(score, tables.thresholds().label(score), language, terms);
    }

    private Double valenceOf(Language tables, Item item) {
        return item.emoji() ? emoji.get(item.word()) : lookup(tables.valences(), item.word());
    }

    private static boolean neBefore(List<Item> items, int at) {
        for (int back = 1; back <= 3 && at - back >= 0; back++) {
            String word = items.get(at - back).word();
            if (word.equals("ne") || word.equals("n'")) {
                return true;
            }
        }
        return false;
    }

    /** VADER's emphasis: 0.292 per '!' (at most 4); for more than one '?', 0.18 each up to 3, else 0.96. */
    static double punctuationEmphasis(String text) {
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!') {
                exclamations++;
            } else if (c == '?') {
                questions++;
            }
        }
        double emphasis = Math.min(exclamations, 4) * 0.292;
        if (questions > 1) {
            emphasis += questions <= 3 ? questions * 0.18 : 0.96;
        }
        return emphasis;
    }

    /** Looks a normalised word up, then with letter runs shortened, then without common endings. */
    static Double lookup(Map<String, Double> valences, String word) {
        Double found = valences.get(word);
        if (found != null) {
            return found;
        }
        String collapsed = collapseRuns(word, 1);
        if (!collapsed.equals(word)) {
            found = valences.get(collapsed);
            if (found == null) {
                found = valences.get(collapseRuns(word, 2));
            }
            if (found != null) {
                return found;
            }
        }
        for (String stem : stems(collapsed)) {
            found = valences.get(stem);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    // Plural and feminine endings in French, plural and inflections in English; only removed, never added
    // (except "aux" -> "al" and "ing" -> "e": "géniaux" -> "génial", "loving" -> "love").
    private static List<String> stems(String word) {
        List<String> stems = new ArrayList<>(4);
        int length = word.length();
        if (length > 4 && word.endsWith("aux")) {
            stems.add(word.substring(0, length - 3) + "al");   // géniaux -> génial
        }
        if (length > 3 && (word.endsWith("s") || word.endsWith("x"))) {
            String singular = word.substring(0, length - 1);
            stems.add(singular);
            if (singular.endsWith("e")) {
                stems.add(singular.substring(0, singular.length() - 1));
            }
        }
        if (length > 3 && word.endsWith("e")) {
            stems.add(word.substring(0, length - 1));
        }
        if (length > 4 && word.endsWith("ed")) {
            stems.add(word.substring(0, length - 2));
            stems.add(word.substring(0, length - 1));
        }
        if (length > 5 && word.endsWith("ing")) {
            stems.add(word.substring(0, length - 3));
            stems.add(word.substring(0, length - 3) + "e");
        }
        return stems;
    }

    /** Runs of three or more of one character shortened to {@code keep} ("nuuuul" -> "nul" with 1, "gooood" -> "good" with 2). */
    static String collapseRuns(String word, int keep) {
        StringBuilder out = new StringBuilder(word.length());
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            int j = i;
            while (j < word.length() && word.charAt(j) == c) {
                j++;
            }
            int run = j - i;
            int copies = run >= 3 ? keep : run;
            for (int k = 0; k < copies; k++) {
                out.append(c);
            }
            i = j;
        }
        return out.toString();
    }

    /** The normalised words and hashtag bodies of a text, as the lexicon look-up sees them (for lexicon derivation). */
    public List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (Item item : items(text)) {
            if (!item.emoji()) {
                words.add(item.word());
            }
        }
        return words;
    }

    private List<Item> items(String text) {
        List<Item> items = new ArrayList<>();
        for (Token token : tokenizer.tokenize(text)) {
            TokenType type = token.type();
            if (type == TokenType.WORD) {
                items.add(new Item(Lexicon.normalise(token.text()), isCaps(token.text()), false, token.start()));
            } else if (type == TokenType.HASHTAG) {
                items.add(new Item(Lexicon.normalise(token.text().substring(1)), false, false, token.start()));
            } else if (type == TokenType.EMOJI) {
                items.add(new Item(bareEmoji(token.text()), false, true, token.start()));
            }
        }
        Matcher emoticons = EMOTICON.matcher(text);
        boolean found = false;
        while (emoticons.find()) {
            items.add(new Item(emoticons.group(), false, true, emoticons.start()));
            found = true;
        }
        if (found) {
            items.sort((a, b) -> Integer.compare(a.start(), b.start()));
        }
        return items;
    }

    // Emoji are looked up without variation selectors, skin tones and joiners' tails.
    private static String bareEmoji(String emoji) {
        int first = emoji.codePointAt(0);
        return new String(Character.toChars(first));
    }

    private static boolean isCaps(String word) {
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    // VADER emphasises capitals only when the text also has words that are not in capitals.
    private static boolean capsDifferential(List<Item> items) {
        int caps = 0;
        int words = 0;
        for (Item item : items) {
            if (!item.emoji()) {
                words++;
                if (item.caps()) {
                    caps++;
                }
            }
        }
        return caps > 0 && caps < words;
    }

    private static List<Item> mergePhrases(List<Item> items, RuleWords rules) {
        List<Item> merged = new ArrayList<>(items.size());
        int i = 0;
        while (i < items.size()) {
            Item item = items.get(i);
            int taken = 1;
            for (int length = 3; length >= 2 && taken == 1; length--) {
                if (i + length > items.size()) {
                    continue;
                }
                StringBuilder phrase = new StringBuilder(item.word());
                for (int k = 1; k < length; k++) {
                    phrase.append(' ').append(items.get(i + k).word());
                }
                String candidate = phrase.toString();
                if (rules.boosters().containsKey(candidate) || rules.contrasts().contains(candidate)) {
                    merged.add(new Item(candidate, item.caps(), false, item.start()));
                    taken = length;
                }
            }
            if (taken == 1) {
                merged.add(item);
            }
            i += taken;
        }
        return merged;
    }

    private SentimentLanguage guess(List<Item> items) {
        int french = 0;
        int english = 0;
        RuleWords fr = languages.get(SentimentLanguage.FRENCH).rules();
        RuleWords en = languages.get(SentimentLanguage.ENGLISH).rules();
        for (Item item : items) {
            if (fr.functionWords().contains(item.word())) {
                french++;
            }
            if (en.functionWords().contains(item.word())) {
                english++;
            }
        }
        return english > french ? SentimentLanguage.ENGLISH : SentimentLanguage.FRENCH;
    }
}
