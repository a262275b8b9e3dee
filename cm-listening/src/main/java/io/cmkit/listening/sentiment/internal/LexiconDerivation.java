package io.cmkit.listening.sentiment.internal;

import io.cmkit.listening.sentiment.LabelThresholds;
import io.cmkit.listening.sentiment.SentimentAnalyzer;
import io.cmkit.listening.sentiment.SentimentLanguage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Derives French word valences from a labelled training split, and tunes the derivation's
 * parameters and the label thresholds by cross-validation on that split alone.
 *
 * <p>For each word (normalised as the analyser looks it up) the number of training texts of each
 * class containing it, {@code c0, c1, c2}, is rescaled so that every class weighs the same; its
 * polarity is {@code (r2 - r0) / (r0 + r1 + r2 + prior)}, in (-1, 1), and its valence
 * {@code clamp(gain * polarity, -4, 4)}. A word is kept when it occurs in at least {@code minCount}
 * texts and {@code |polarity| >= minPolarity}. Words of the seed lexicon, rule words (negators,
 * intensifiers, contrasts), function words and words shorter than three characters are left out.
 * Deterministic: folds are drawn from the seed, every map is sorted.
 */
public final class LexiconDerivation {

    /** The derivation's parameters. */
    public record Params(int minCount, double prior, double gain, double minPolarity) { }

    /** What tuning chose, with the cross-validated macro-F1 it reached and the lexicon derived from the whole split. */
    public record Result(Params params, LabelThresholds thresholds, double crossValidatedMacroF1,
                         Map<String, Double> lexicon) { }

    static final List<Params> GRID;

    static {
        List<Params> grid = new ArrayList<>();
        for (int minCount : new int[] {1, 2, 3, 5}) {
            for (double prior : new double[] {1, 3}) {
                for (double gain : new double[] {1, 2, 4}) {
                    for (double minPolarity : new double[] {0.4, 0.6, 0.8}) {
                        grid.add(new Params(minCount, prior, gain, minPolarity));
                    }
                }
            }
        }
        GRID = List.copyOf(grid);
    }

    private final Scorer wordSource = wordSource();
    private final Set<String> excluded = excluded();

    /**
     * Tunes on the split by {@code folds}-fold cross-validation, then derives from the whole split.
     *
     * @param texts the training texts
     * @param labels their labels, 0 negative, 1 neutral, 2 positive
     */
    public Result tune(List<String> texts, int[] labels, long seed, int folds) {
        if (texts.size() != labels.length) {
            throw new IllegalArgumentException(texts.size() + " texts but " + labels.length + " labels");
        }
        if (folds < 2 || folds > texts.size()) {
            throw new IllegalArgumentException("folds must lie in 2.." + texts.size() + ", got " + folds);
        }
        List<Set<String>> words = new ArrayList<>(texts.size());
        for (String text : texts) {
            words.add(new LinkedHashSet<>(wordSource.words(text)));
        }
        int[] fold = folds(texts.size(), seed, folds);
        double[][] scores = new double[GRID.size()][texts.size()];
        for (int f = 0; f < folds; f++) {
            Map<String, int[]> counts = new HashMap<>();
            int[] classSizes = new int[3];
            for (int i = 0; i < texts.size(); i++) {
                if (fold[i] != f) {
                    count(words.get(i), labels[i], counts, classSizes);
                }
            }
            for (int g = 0; g < GRID.size(); g++) {
                SentimentAnalyzer analyzer = analyzer(derive(counts, classSizes, GRID.get(g)), LabelThresholds.VADER);
                for (int i = 0; i < texts.size(); i++) {
                    if (fold[i] == f) {
                        scores[g][i] = analyzer.analyze(texts.get(i), SentimentLanguage.FRENCH).score();
                    }
                }
            }
        }
        Params bestParams = null;
        LabelThresholds bestCut = null;
        double best = -1;
        for (int g = 0; g < GRID.size(); g++) {
            for (int n = -12; n <= 4; n++) {
                for (int p = n; p <= 12; p++) {
                    LabelThresholds cut = new LabelThresholds(n * 0.05, p * 0.05);
                    double macroF1 = macroF1(scores[g], labels, cut);
                    if (macroF1 > best + 1e-12) {
                        best = macroF1;
                        bestParams = GRID.get(g);
                        bestCut = cut;
                    }
                }
            }
        }
        Map<String, int[]> counts = new HashMap<>();
        int[] classSizes = new int[3];
        for (int i = 0; i < texts.size(); i++) {
            count(words.get(i), labels[i], counts, classSizes);
        }
        return new Result(bestParams, bestCut, best, derive(counts, classSizes, bestParams));
    }

    /** The lexicon file: a header saying how it was made, the thresholds directive, then sorted entries. */
    public static String format(Result result, List<String> header) {
        StringBuilder out = new StringBuilder();
        for (String line : header) {
            out.append("# ").append(line).append('\n');
        }
        Params p = result.params();
        out.append(String.format(Locale.ROOT, "# parameters: minCount=%d prior=%s gain=%s minPolarity=%s%n",
                p.minCount(), p.prior(), p.gain(), p.minPolarity()));
        out.append(String.format(Locale.ROOT, "# cross-validated macro-F1 on the training split: %.4f%n",
                result.crossValidatedMacroF1()));
        out.append(String.format(Locale.ROOT, "@thresholds fr %.2f %.2f%n",
                result.thresholds().negativeBelow(), result.thresholds().positiveAbove()));
        for (Map.Entry<String, Double> entry : new TreeMap<>(result.lexicon()).entrySet()) {
            out.append(String.format(Locale.ROOT, "%s %.2f%n", entry.getKey(), entry.getValue()));
        }
        return out.toString();
    }

    static int[] folds(int size, long seed, int folds) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(seed));
        int[] fold = new int[size];
        for (int position = 0; position < size; position++) {
            fold[order.get(position)] = position % folds;
        }
        return fold;
    }

    private void count(Set<String> words, int label, Map<String, int[]> counts, int[] classSizes) {
        classSizes[label]++;
        for (String word : words) {
            if (word.length() >= 3 && !excluded.contains(word) && word.chars().anyMatch(Character::isLetter)) {
                counts.computeIfAbsent(word, w -> new int[3])[label]++;
            }
        }
    }

    static Map<String, Double> derive(Map<String, int[]> counts, int[] classSizes, Params params) {
        int total = classSizes[0] + classSizes[1] + classSizes[2];
        double[] weight = new double[3];
        for (int c = 0; c < 3; c++) {
            weight[c] = classSizes[c] == 0 ? 0 : total / (3.0 * classSizes[c]);
        }
        Map<String, Double> lexicon = new TreeMap<>();
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int[] c = entry.getValue();
            if (c[0] + c[1] + c[2] < params.minCount()) {
                continue;
            }
            double r0 = c[0] * weight[0];
            double r1 = c[1] * weight[1];
            double r2 = c[2] * weight[2];
            double polarity = (r2 - r0) / (r0 + r1 + r2 + params.prior());
            if (Math.abs(polarity) >= params.minPolarity()) {
                double valence = Math.max(-4, Math.min(4, params.gain() * polarity));
                lexicon.put(entry.getKey(), Math.round(valence * 100) / 100.0);
            }
        }
        return lexicon;
    }

    static SentimentAnalyzer analyzer(Map<String, Double> derived, LabelThresholds cut) {
        return SentimentAnalyzer.builder().derivedFrenchLexicon(derived).thresholds(SentimentLanguage.FRENCH, cut).build();
    }

    private static double macroF1(double[] scores, int[] labels, LabelThresholds cut) {
        int[] predicted = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = cut.label(scores[i]).code();
        }
        return ClassificationReport.of(labels, predicted).macroF1();
    }

    private static Scorer wordSource() {
        return new Scorer(Map.of(
                SentimentLanguage.FRENCH, new Scorer.Language(RuleWords.of(SentimentLanguage.FRENCH), Map.of(), LabelThresholds.VADER),
                SentimentLanguage.ENGLISH, new Scorer.Language(RuleWords.of(SentimentLanguage.ENGLISH), Map.of(), LabelThresholds.VADER)),
                Map.of());
    }

    private static Set<String> excluded() {
        RuleWords rules = RuleWords.of(SentimentLanguage.FRENCH);
        Set<String> excluded = new HashSet<>(Lexicon.resource("fr.txt").valences().keySet());
        excluded.addAll(rules.negators());
        excluded.addAll(rules.negatorsNeedingNe());
        excluded.addAll(rules.postNegators());
        excluded.addAll(rules.boosters().keySet());
        excluded.addAll(rules.contrasts());
        excluded.addAll(rules.functionWords());
        return excluded;
    }
}
