package io.cmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The demo")
class DemoTest {

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Demo(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Nested
    @DisplayName("with the bundled French brand kit")
    class French {

        private final Run run = run("--days", "2", "--seed", "7");

        @Test
        @DisplayName("prints the strategy summary and a platform ranking with reasons")
        void printsStrategyAndRanking() {
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("Stratégie — Café Lumière", "Objectifs", "notoriete-lyon",
                    "Classement des plateformes", "pourquoi:");
        }

        @Test
        @DisplayName("publishes one post on each of the brand's five accounts, within each platform's limits")
        void publishesOnEveryAccount() {
            List<String> published = run.out().lines().filter(l -> l.contains("✓") && l.contains("publié")).toList();
            assertThat(published).hasSize(5);
            for (String platform : List.of("Mastodon", "Bluesky", "Instagram", "X ", "LinkedIn")) {
                assertThat(published).anyMatch(l -> l.contains(platform));
            }
            Matcher lengths = Pattern.compile("(\\d+)/(\\d+) ").matcher(String.join("\n", published));
            int checked = 0;
            while (lengths.find()) {
                assertThat(Integer.parseInt(lengths.group(1))).isLessThanOrEqualTo(Integer.parseInt(lengths.group(2)));
                checked++;
            }
            assertThat(checked).isEqualTo(5);
        }

        @Test
        @DisplayName("prints a line per simulated day, and totals that agree with the table above them")
        void totalsAgree() {
            assertThat(run.out()).contains("jour 1/2", "jour 2/2");
            List<String> rows = run.out().lines()
                    .dropWhile(l -> !l.startsWith("Ce qui s'est passé")).skip(3)
                    .takeWhile(l -> !l.isBlank()).toList();
            List<String> platformRows = rows.subList(0, rows.size() - 1);
            assertThat(platformRows).hasSize(5);
            long comments = 0;
            long mentions = 0;
            for (String row : platformRows) {
                String[] cells = row.strip().split("\\s+");
                comments += Long.parseLong(cells[3]);
                mentions += Long.parseLong(cells[4]);
            }
            String[] total = rows.get(rows.size() - 1).strip().split("\\s+");
            assertThat(total[0]).isEqualTo("Σ");
            assertThat(Long.parseLong(total[1])).isEqualTo(comments);
            assertThat(Long.parseLong(total[2])).isEqualTo(mentions);
            assertThat(comments + mentions).isPositive();
        }

        @Test
        @DisplayName("shows Mastodon and Bluesky impressions as not available rather than zero")
        void impressionsNotAvailable() {
            assertThat(run.out().lines().filter(l -> l.strip().startsWith("Mastodon") || l.strip().startsWith("Bluesky"))
                    .filter(l -> l.strip().endsWith("n/d"))).hasSize(2);
        }

        @Test
        @DisplayName("gives the same output for the same seed, and another for another seed")
        void deterministic() {
            assertThat(run("--days", "2", "--seed", "7").out()).isEqualTo(run.out());
            assertThat(run("--days", "2", "--seed", "8").out()).isNotEqualTo(run.out());
        }
    }

    @Test
    @DisplayName("speaks English with --lang en and loads another kit with --brand-kit")
    void englishAndAnotherKit() {
        Path kit = Path.of("brand-kits", "northwind-outdoors.en.yaml");
        Run run = run("--lang", "en", "--days", "1", "--brand-kit", kit.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Strategy — Northwind Outdoors", "Platform ranking", "published", "What happened");
    }

    @Nested
    @DisplayName("refuses bad input with a clear message and exit code 2")
    class BadInput {

        @Test
        @DisplayName("an unknown option is named, with the usage")
        void unknownOption() {
            Run run = run("--bogus");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("unknown option '--bogus'", "usage: Demo");
            assertThat(run.out()).isEmpty();
        }

        @Test
        @DisplayName("a value out of range names the option, the limits and the value")
        void daysOutOfRange() {
            Run run = run("--days", "0");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("--days must be between 1 and 31 (got 0)");
        }

        @Test
        @DisplayName("a language the demo does not speak is refused")
        void unknownLanguage() {
            assertThat(run("--lang", "de").err()).contains("--lang must be 'fr' or 'en' (got 'de')");
        }

        @Test
        @DisplayName("a broken brand kit is reported with its file, line and column")
        void brokenKit(@TempDir Path dir) throws IOException {
            Path kit = dir.resolve("broken.yaml");
            List<String> lines = Files.readAllLines(Path.of("brand-kits", "cafe-lumiere.fr.yaml"));
            String[] edited = lines.toArray(String[]::new);
            int line = Arrays.asList(edited).indexOf("  name: Café Lumière");
            edited[line] = "  nom: Café Lumière";
            Files.write(kit, Arrays.asList(edited));
            Run run = run("--brand-kit", kit.toString());
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("broken.yaml:" + (line + 1) + ":3", "unknown key 'nom'");
            assertThat(run.out()).isEmpty();
        }
    }
}
