package io.cmkit.moderation.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.moderation.classifier.Classifiers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the Train and Evaluate commands")
class CommandsTest {

    @Test
    @DisplayName("train a model from a CSV, then evaluate the lexicons and the model on another, per group")
    void trainThenEvaluate(@TempDir Path dir) throws Exception {
        Path train = dir.resolve("train.csv");
        Path val = dir.resolve("val.csv");
        StringBuilder t = new StringBuilder("text,label,kind\n");
        for (int i = 0; i < 30; i++) {
            t.append("\"free followers, click the link #").append(i).append("\",1,promo\n");
            t.append("\"thanks for the answer, it helped, really (").append(i).append(")\",0,chat\n");
        }
        Files.writeString(train, t);
        Files.writeString(val, "text,label,kind\n\"check out my channel\nfree likes\",1,promo\nmerci beaucoup,0,chat\n");
        Path model = dir.resolve("m.cmkc");
        String trained = capture(() -> Train.main(new String[] {"--file", train.toString(), "--text", "text",
                "--label", "label", "--positive", "1", "--model", model.toString(), "--epochs", "2", "--folds", "3"}));
        assertThat(trained).contains("trained lr on 60 comments (30 positive)").contains("threshold");
        assertThat(Classifiers.load(model).examples()).isEqualTo(120);

        String out = capture(() -> Evaluate.main(new String[] {"--file", val.toString(), "--text", "text",
                "--label", "label", "--positive", "1", "--categories", "spam,scam", "--model", model.toString(),
                "--group", "kind"}));
        assertThat(out).contains("val.csv: 2 comments, 1 positive")
                .contains("lexicon                P 1.000  R 1.000  F1 1.000  (TP 1  FP 0  FN 0  TN 1)")
                .contains("rules: the default rules + the classifier rule")
                .contains("rules                  P 1.000  R 1.000  F1 1.000  (TP 1  FP 0  FN 0  TN 1)")
                .contains("rules removed 0").contains("classifier").contains("promo").contains("chat");
    }

    interface Body {
        void run() throws Exception;
    }

    private static String capture(Body body) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(old);
        }
        String s = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(s);
        return s;
    }
}
