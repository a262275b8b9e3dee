package io.cmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.analytics.kpi.MetricNames;
import io.cmkit.core.model.Metric;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The demo")
class DemoTest {

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {

        /** The summary table's rows, label to value, as printed. */
        Map<String, String> summary(String heading) {
            Map<String, String> rows = new LinkedHashMap<>();
            out.lines().dropWhile(l -> !l.startsWith(heading)).skip(2).takeWhile(l -> !l.isBlank())
                    .forEach(l -> {
                        String[] cells = l.strip().split("\\s{2,}", 2);
                        rows.put(cells[0], cells.length > 1 ? cells[1] : "");
                    });
            return rows;
        }

        /** Everything printed but the line naming the output folder, which differs between runs. */
        String withoutFolder() {
            return out.lines().filter(l -> !l.contains("écrit dans") && !l.contains("written to"))
                    .reduce("", (a, b) -> a + b + "\n");
        }
    }

    static String section(String out, String heading) {
        return out.substring(out.indexOf(heading), out.indexOf("\n\n", out.indexOf(heading)));
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Demo(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("two days with the bundled French brand kit")
    class French {

        Path folder;
        Run run;
        Map<String, String> summary;

        @BeforeAll
        void runTwoDays(@TempDir Path dir) {
            folder = dir;
            run = run("--days", "2", "--seed", "7", "--out", folder.toString());
            summary = run.summary("Résumé de la semaine");
        }

        @Test
        @DisplayName("prints the strategy summary and a platform ranking with reasons")
        void printsStrategyAndRanking() {
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("Stratégie — Café Lumière", "Objectifs", "notoriete-lyon",
                    "Classement des plateformes", "pourquoi : ");
            // Scores with a decimal comma, in French.
            assertThat(section(run.out(), "Classement des plateformes")).containsPattern("1\\. \\S+ +\\d+,\\d  ")
                    .doesNotContainPattern("\\d\\.\\d  ");
        }

        @Test
        @DisplayName("plans from the past weeks' best times, within each platform's limits, with a rejected draft")
        void plansTheWeek() {
            assertThat(run.out()).contains("Meilleurs moments pour publier", "meilleurs créneaux",
                    "refusé par lea", "« meilleur café du monde »", "relues, approuvées et programmées");
            Matcher lengths = Pattern.compile("\\s(\\d+)/(\\d+)\\s").matcher(
                    run.out().substring(run.out().indexOf("Calendrier éditorial"), run.out().indexOf("Simulation")));
            int checked = 0;
            while (lengths.find()) {
                assertThat(Integer.parseInt(lengths.group(1))).isLessThanOrEqualTo(Integer.parseInt(lengths.group(2)));
                checked++;
            }
            assertThat(checked).isPositive();
        }

        @Test
        @DisplayName("prints a line per simulated day and the live launch with its questions")
        void linePerDay() {
            assertThat(run.out()).contains("jour 1/2 — lundi 4 mai 2026", "jour 2/2 — mardi 5 mai 2026",
                    "Direct « Lancement de notre nouveauté »", "questions recueillies");
            assertThat(Long.parseLong(summary.get("publications du direct"))).isEqualTo(10);
            assertThat(Long.parseLong(summary.get("questions du direct"))).isGreaterThanOrEqualTo(5);
        }

        @Test
        @DisplayName("writes the dashboard in French as HTML, PDF and CSV, and names the folder")
        void writesTheDashboard() throws IOException {
            assertThat(run.out()).contains("Tableau de bord client écrit dans " + folder.toAbsolutePath().normalize());
            String html = Files.readString(folder.resolve("tableau-de-bord.html"));
            assertThat(html).contains("<svg", "Chiffres clés", "Café Lumière");
            byte[] pdf = Files.readAllBytes(folder.resolve("tableau-de-bord.pdf"));
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            for (String csv : List.of("kpis", "objectives", "engagement", "pillar-mix", "best-times", "top-posts",
                    "bottom-posts", "sentiment", "moderation")) {
                assertThat(folder.resolve("csv").resolve(csv + ".csv")).isNotEmptyFile();
            }
        }

        @Test
        @DisplayName("publishes what the calendar planned: the summary's count is the calendar file's")
        void publishedAgreesWithCalendar() throws IOException {
            // One record per entry, each starting with its date (texts may hold line breaks inside quotes).
            long records = Files.readAllLines(folder.resolve("calendar.csv")).stream()
                    .filter(l -> l.matches("^\\d{4}-\\d{2}-\\d{2},.*")).count();
            long published = Long.parseLong(summary.get("publications publiées"));
            assertThat(published).isPositive().isEqualTo(records);
            String kpis = Files.readString(folder.resolve("csv").resolve("kpis.csv"));
            assertThat(kpis).contains("Publications,posts,COUNT," + published + ",");
        }

        @Test
        @DisplayName("moderates comments, and the summary's count per action is the dashboard's")
        void moderationAgreesWithDashboard() throws IOException {
            Map<String, Long> fromCsv = new LinkedHashMap<>();
            for (String line : Files.readAllLines(folder.resolve("csv").resolve("moderation.csv")).subList(1,
                    Files.readAllLines(folder.resolve("csv").resolve("moderation.csv")).size())) {
                String[] cells = line.split(",");
                fromCsv.merge(cells[0], Long.parseLong(cells[2]), Long::sum);
            }
            long total = 0;
            Labels labels = new Labels(java.util.Locale.FRENCH);
            for (String action : List.of("HIDE", "DELETE", "REPLY", "FLAG", "ESCALATE", "BLOCK_AUTHOR")) {
                // The summary names each action in French ("masqués"); the CSV keeps the code.
                long printed = Long.parseLong(summary.get(labels.get("action." + action)));
                assertThat(fromCsv.getOrDefault(action, 0L)).as(action).isEqualTo(printed);
                total += printed;
            }
            assertThat(Long.parseLong(summary.get("commentaires modérés"))).isEqualTo(total);
            for (String action : List.of("HIDE", "DELETE", "REPLY", "FLAG")) {
                assertThat(fromCsv.getOrDefault(action, 0L)).as(action).isPositive();
                assertThat(run.out()).contains("[" + labels.get("one." + action) + "] @");
                assertThat(run.out()).doesNotContain("[" + action + "] @");
            }
            assertThat(run.out()).contains("→ Règle « ");
        }

        @Test
        @DisplayName("raises the planted bad buzz as an alert, and the summary's alerts are the alert file's")
        void badBuzzAlert() throws IOException {
            List<String> alerts = Files.readAllLines(folder.resolve("alerts.txt"));
            assertThat(Long.parseLong(summary.get("alertes levées"))).isEqualTo(alerts.size());
            // The alert file is for the client: in French, the kind in words, the series as its identifier.
            assertThat(alerts).anyMatch(a -> a.startsWith("bad buzz brand:cafe-lumiere:negative : "))
                    .allMatch(a -> a.contains(" dans la tranche du ") && !a.contains("baseline"));
            assertThat(run.out()).contains("⚠", "BAD BUZZ");
            // Each alert is printed under the line of the day it was raised on ("⚠ mar. 11:00" under "jour 2/2 — mardi").
            String day = null;
            int alertLines = 0;
            for (String line : run.out().lines().toList()) {
                if (line.startsWith("  jour ")) {
                    day = line.substring(line.indexOf("— ") + 2);
                } else if (line.contains("⚠ ")) {
                    String weekday = line.substring(line.indexOf("⚠ ") + 2, line.indexOf('.', line.indexOf("⚠ ")));
                    assertThat(day).as(line).isNotNull().startsWith(weekday);
                    alertLines++;
                }
            }
            assertThat(alertLines).isEqualTo(alerts.size());
        }

        @Test
        @DisplayName("tags mentions of the brand and of the competitor, scores their sentiment and boosts within the budget")
        void listensAndBoosts() {
            String[] tagged = summary.get("mentions étiquetées (marque / concurrent)").split(" / ");
            assertThat(Long.parseLong(tagged[0])).isPositive();
            assertThat(Long.parseLong(tagged[1])).isPositive();
            long scored = Arrays.stream(summary.get("sentiment (positif / neutre / négatif)").split(" / "))
                    .mapToLong(Long::parseLong).sum();
            assertThat(scored).isEqualTo(Long.parseLong(summary.get("mentions reçues")));
            // Amounts written the French way: "150,00 / 300,00 EUR".
            Matcher boosts = Pattern.compile("(\\d+) \\((\\d+,\\d\\d) / 300,00 EUR\\)").matcher(summary.get("publications sponsorisées"));
            assertThat(boosts.matches()).isTrue();
            assertThat(Double.parseDouble(boosts.group(2).replace(',', '.'))).isLessThanOrEqualTo(300.0);
            // Each funded post is named by when it went out and how it starts, not by its platform id.
            String section = run.out().substring(run.out().indexOf("Publications à sponsoriser"));
            List<String> funded = section.lines().filter(l -> l.contains(" EUR  (")).toList();
            assertThat(funded).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .matches("  \\S+ +(lun|mar|mer|jeu|ven|sam|dim)\\. \\d{1,2} \\S+ \\d\\d:\\d\\d « .+ » +[\\d\\h,]+ EUR  \\(.*")
                    .doesNotContain("at://", "s42-"));
        }

        @Test
        @DisplayName("runs the week in the objectives' period: the first Monday 4 weeks after the latest period start")
        void weekInsideTheObjectives() {
            // The kit's latest-starting period is 2026-Q2: 1 April + 4 weeks = 29 April, a Wednesday.
            assertThat(run.out()).contains("Objectifs au 5 mai 2026 (réel / cible, rythme)");
        }

        @Test
        @DisplayName("gives each objective the sandbox can measure an actual and a pacing, the same in the CSV and the summary")
        void objectivesAgreeWithDashboard() throws IOException {
            List<String> csv = Files.readAllLines(folder.resolve("csv").resolve("objectives.csv"));
            assertThat(csv.get(0)).startsWith("objective,metric,target,actual,forecast,completion,pacing,objective_id");
            Labels labels = new Labels(java.util.Locale.FRENCH);
            Map<String, String[]> rows = new LinkedHashMap<>();
            for (String line : csv.subList(1, csv.size())) {
                // Titles hold no commas in this kit; the last columns are machine values.
                String[] cells = line.split(",", -1);
                rows.put(cells[1] + "|" + cells[11], cells);
            }
            assertThat(rows).hasSize(6);
            String printed = section(run.out(), "Objectifs au");
            for (String measurable : List.of("followers|instagram", "reach|", "clicks|", "response_rate|",
                    "response_time_median_minutes|")) {
                String[] cells = rows.get(measurable);
                assertThat(cells[3]).as(measurable + " actual").isNotEmpty();
                assertThat(Double.parseDouble(cells[3])).as(measurable).isFinite().isPositive();
                assertThat(cells[4]).as(measurable + " forecast").isNotEmpty();
                assertThat(cells[6]).as(measurable + " pacing").isIn("AHEAD", "ON_TRACK", "BEHIND");
                // The summary's line for this KPI shows the same actual and the same pacing.
                String metric = measurable.substring(0, measurable.indexOf('|'));
                String name = MetricNames.of(Metric.of(metric), java.util.Locale.FRENCH);
                String line = printed.lines().filter(l -> l.contains(" " + name + " ") || l.contains(" " + name + " ("))
                        .findFirst().orElseThrow(() -> new AssertionError("no summary line for " + metric));
                assertThat(line).contains(labels.get("pacing." + cells[6]));
                double actual = Double.parseDouble(cells[3]);
                String shown = metric.equals("response_rate")
                        ? String.format(java.util.Locale.FRENCH, "%.2f %%", actual * 100)
                        : metric.startsWith("response_time") ? String.format("%.0f min", actual)
                        : java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRENCH).format(Math.round(actual));
                assertThat(line).contains(" " + shown + " / ");
            }
            // Instagram reports no clicks: its CTR is not available, with the reason, never 0.
            String[] ctr = rows.get("click_through_rate|instagram");
            assertThat(ctr[3]).isEmpty();
            assertThat(ctr[6]).isEqualTo("NOT_AVAILABLE");
            assertThat(printed).contains("taux de clic (Instagram)", "n.d. — clics : non fourni par Instagram")
                    .doesNotContain("click_through_rate", "is not exposed");
            // The dashboard says why under its objectives table, in French too.
            String html = Files.readString(folder.resolve("tableau-de-bord.html"));
            assertThat(html).contains("<td>taux de clic (Instagram)</td>",
                    "n.d. pour taux de clic (Instagram) — clics : non fourni par Instagram")
                    .doesNotContain("is not exposed", "<td>click_through_rate");
        }

        @Test
        @DisplayName("gives the same output for the same seed, and another for another seed")
        void deterministic(@TempDir Path other) {
            assertThat(run("--days", "2", "--seed", "7", "--out", other.toString()).withoutFolder())
                    .isEqualTo(run.withoutFolder());
            // Another seed, another audience: other past weeks, so other best times.
            Run otherSeed = run("--days", "1", "--seed", "8", "--out", other.toString());
            assertThat(otherSeed.code()).as(otherSeed.err()).isZero();
            assertThat(section(otherSeed.out(), "Meilleurs moments")).isNotEqualTo(section(run.out(), "Meilleurs moments"));
        }
    }

    @Test
    @DisplayName("speaks English with --lang en, in the terminal and in the dashboard, with another kit and a JDBC URL")
    void englishWithAnotherKit(@TempDir Path folder) throws IOException {
        Path kit = Path.of("brand-kits", "northwind-outdoors.en.yaml");
        Run run = run("--lang", "en", "--days", "1", "--out", folder.toString(), "--brand-kit", kit.toString(),
                "--store", "jdbc:h2:mem:demo-test-en;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Strategy — Northwind Outdoors", "Platform ranking", "day 1/1", "The week in short",
                "Launch of our new product", "Client dashboard written to");
        // English quotes and dates, the same date style as the rest of the output ("Monday 4 May 2026").
        assertThat(run.out()).contains("Live “Launch of our new product”").doesNotContain("«", "»")
                .containsPattern("day 1/1 — (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \\d{1,2} [A-Z][a-z]+ \\d{4}:");
        assertThat(run.out()).containsPattern("Objectives on .* \\(actual / target, pacing\\)")
                .containsPattern("(ahead|on track|behind)");
        assertThat(Long.parseLong(run.summary("The week in short").get("live posts"))).isPositive();
        assertThat(Files.readString(folder.resolve("dashboard.html"))).contains("Key figures");
        assertThat(folder.resolve("schedule-store.mv.db")).doesNotExist();
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
            Run run = run("--days", "8");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("--days must be between 1 and 7 (got 8)");
            assertThat(run("--days", "two").err()).contains("--days takes a whole number (got 'two')");
        }

        @Test
        @DisplayName("--start takes an ISO date and names a bad one")
        void badStart() {
            Run run = run("--start", "4 mai");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("--start takes a date as YYYY-MM-DD (got '4 mai', unreadable at index 0)");
        }

        @Test
        @DisplayName("a language the demo does not speak is refused")
        void unknownLanguage() {
            Run run = run("--lang", "de");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("--lang must be 'fr' or 'en' (got 'de')");
        }

        @Test
        @DisplayName("a store that is not a JDBC URL is refused, its password hidden")
        void badStore() {
            Run run = run("--store", "mysql://db/x?password=hunter2");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("--store takes a jdbc:postgresql:... or jdbc:h2:... URL").doesNotContain("hunter2");
        }

        @Test
        @DisplayName("--bluesky needs a URL, a handle and a password")
        void incompleteBluesky() {
            Run run = run("--bluesky", "http://localhost:2583", "alice.test");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("--bluesky (app password, after the handle) needs a value");
            assertThat(run("--bluesky", "localhost", "a", "b").err()).contains("--bluesky takes an http(s) PDS URL first (got 'localhost')");
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
