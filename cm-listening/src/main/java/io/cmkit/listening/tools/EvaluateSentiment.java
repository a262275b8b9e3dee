package io.cmkit.listening.tools;

import io.cmkit.listening.sentiment.SentimentAnalyzer;
import io.cmkit.listening.sentiment.SentimentLanguage;
import io.cmkit.listening.sentiment.internal.ClassificationReport;
import io.cmkit.listening.tools.internal.LineFiles;
import io.cmkit.listening.tools.internal.Options;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Scores a file of texts (one a line) against a file of labels (0 negative, 1 neutral, 2 positive)
 * and prints accuracy, per-class precision, recall and F1, macro-F1 and the confusion matrix.
 *
 * <p>Options: {@code --texts FILE --labels FILE [--language fr|en|auto] [--lexicon all|seed]}.
 */
public final class EvaluateSentiment {

    private EvaluateSentiment() {
    }

    public static void main(String[] args) throws IOException {
        try {
            System.out.print(run(args).format());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** Runs the evaluation and returns the report (also used by tests). */
    public static ClassificationReport run(String[] args) throws IOException {
        Options options = Options.parse("EvaluateSentiment", args, List.of("texts", "labels", "language", "lexicon"));
        Path textsFile = Path.of(options.required("texts"));
        Path labelsFile = Path.of(options.required("labels"));
        String language = options.optional("language").orElse("auto");
        String lexicon = options.optional("lexicon").orElse("all");
        if (!lexicon.equals("all") && !lexicon.equals("seed")) {
            throw new IllegalArgumentException("EvaluateSentiment: --lexicon must be 'all' (seed and derived) or 'seed', got '"
                    + lexicon + "'");
        }
        Optional<SentimentLanguage> fixed = language.equals("auto") ? Optional.empty()
                : Optional.of(SentimentLanguage.ofCode(language));
        List<String> texts = LineFiles.texts(textsFile);
        int[] gold = LineFiles.labels(labelsFile);
        LineFiles.requireSameLength(textsFile, texts.size(), labelsFile, gold.length);
        SentimentAnalyzer analyzer = lexicon.equals("all") ? SentimentAnalyzer.defaults()
                : SentimentAnalyzer.builder().derivedLexicon(false).build();
        int[] predicted = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            predicted[i] = (fixed.isPresent() ? analyzer.analyze(texts.get(i), fixed.get()) : analyzer.analyze(texts.get(i)))
                    .label().code();
        }
        return ClassificationReport.of(gold, predicted);
    }
}
