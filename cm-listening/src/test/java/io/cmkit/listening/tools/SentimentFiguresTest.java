package io.cmkit.listening.tools;

import io.cmkit.listening.sentiment.internal.ClassificationReport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The figures reported in docs/listening-alerts.md, with floors set from what was measured. */
class SentimentFiguresTest {

    static Path data(String name) throws URISyntaxException {
        return Path.of(SentimentFiguresTest.class.getResource("/data/" + name).toURI());
    }

    @Test
    @DisplayName("French validation split (UMSAB/DEFT 2017): macro-F1 at least 0.60 (measured 0.6016)")
    void frenchValidation() throws Exception {
        ClassificationReport report = EvaluateSentiment.run(new String[] {
                "--texts", data("sentiment-fr/val_text.txt").toString(),
                "--labels", data("sentiment-fr/val_labels.txt").toString(), "--language", "fr"});
        System.out.println("French validation split, default analyser:\n" + report.format());
        assertThat(report.total()).isEqualTo(324);
        assertThat(report.macroF1()).isGreaterThanOrEqualTo(0.60);
        assertThat(report.accuracy()).isGreaterThanOrEqualTo(0.60);
    }

    @Test
    @DisplayName("French validation split with the hand-written seed lexicon alone: macro-F1 at least 0.35")
    void frenchValidationSeedOnly() throws Exception {
        ClassificationReport report = EvaluateSentiment.run(new String[] {
                "--texts", data("sentiment-fr/val_text.txt").toString(),
                "--labels", data("sentiment-fr/val_labels.txt").toString(), "--language", "fr", "--lexicon", "seed"});
        System.out.println("French validation split, seed lexicon only:\n" + report.format());
        assertThat(report.macroF1()).isGreaterThanOrEqualTo(0.35);
    }

    @Test
    @DisplayName("self-made English set: accuracy at least 0.85 (measured 0.8718), with the language guessed at least 0.80")
    void english() throws Exception {
        String[] args = {"--texts", data("sentiment-en/selfmade_text.txt").toString(),
                "--labels", data("sentiment-en/selfmade_labels.txt").toString(), "--language", "en"};
        ClassificationReport report = EvaluateSentiment.run(args);
        System.out.println("Self-made English set:\n" + report.format());
        assertThat(report.total()).isEqualTo(78);
        assertThat(report.accuracy()).isGreaterThanOrEqualTo(0.85);
        args[5] = "auto";
        ClassificationReport guessed = EvaluateSentiment.run(args);
        System.out.println("Self-made English set, language guessed: accuracy " + guessed.accuracy());
        assertThat(guessed.accuracy()).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    @DisplayName("the shipped derived lexicon is exactly what DeriveLexicon makes from the training split with seed 42")
    void derivedLexiconIsReproducible() throws Exception {
        String regenerated = DeriveLexicon.derive(data("sentiment-fr/train_text.txt"), data("sentiment-fr/train_labels.txt"), 42, 5);
        try (InputStream shipped = getClass().getResourceAsStream("/io/cmkit/listening/sentiment/fr-derived.txt")) {
            assertThat(regenerated).isEqualTo(new String(shipped.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    @DisplayName("files that do not pair up, bad labels and unknown options are refused with file, line or option")
    void errors(@TempDir Path dir) throws IOException {
        Path texts = Files.writeString(dir.resolve("t.txt"), "bon\nnul\n");
        Path labels = Files.writeString(dir.resolve("l.txt"), "2\n");
        assertThatThrownBy(() -> EvaluateSentiment.run(new String[] {"--texts", texts.toString(), "--labels", labels.toString()}))
                .hasMessageContaining("has 2 lines but").hasMessageContaining("l.txt has 1");
        Files.writeString(labels, "2\npositive\n");
        assertThatThrownBy(() -> EvaluateSentiment.run(new String[] {"--texts", texts.toString(), "--labels", labels.toString()}))
                .hasMessageContaining("l.txt line 2").hasMessageContaining("got 'positive'");
        assertThatThrownBy(() -> EvaluateSentiment.run(new String[] {"--text", texts.toString()}))
                .hasMessageContaining("'--text' is not an option");
        assertThatThrownBy(() -> EvaluateSentiment.run(new String[] {"--texts", texts.toString()}))
                .hasMessage("EvaluateSentiment: option --labels is required");
    }
}
