package io.cmkit.core.strategy;

import io.cmkit.core.model.AgeRange;
import io.cmkit.core.model.Audience;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.Objective;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostingCadence;
import io.cmkit.core.model.Strategy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assumptions.assumeThat;

@DisplayName("The example brand kits")
class ExampleBrandKitsTest {

    /** Maven runs tests in the module directory; the examples live beside cm-core. */
    private static final Path EXAMPLES = Path.of("..", "examples", "brand-kits");

    private static Strategy cafeLumiere() throws BrandKitException, IOException {
        try (InputStream in = ExampleBrandKitsTest.class.getResourceAsStream("/brand-kits/cafe-lumiere.fr.yaml")) {
            assertThat(in).as("test resource brand-kits/cafe-lumiere.fr.yaml").isNotNull();
            return BrandKitLoader.load(in, "cafe-lumiere.fr.yaml");
        }
    }

    private static Path example(String name) {
        Path file = EXAMPLES.resolve(name);
        assumeThat(file).as("the examples folder next to cm-core").exists();
        return file;
    }

    @Nested
    @DisplayName("Café Lumière, a specialty coffee roaster in Lyon, written in French,")
    class CafeLumiere {

        @Test
        @DisplayName("loads its brand: id, name, Paris time zone, French by default")
        void brand() throws Exception {
            Strategy strategy = cafeLumiere();

            assertThat(strategy.brand().id()).isEqualTo("cafe-lumiere");
            assertThat(strategy.brand().name()).isEqualTo("Café Lumière");
            assertThat(strategy.brand().timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
            assertThat(strategy.brand().defaultLanguage()).isEqualTo(Locale.forLanguageTag("fr-FR"));
        }

        @Test
        @DisplayName("has one account on each of Mastodon, Bluesky, Instagram, X and LinkedIn, leading '@' dropped")
        void accounts() throws Exception {
            Strategy strategy = cafeLumiere();

            assertThat(strategy.brand().platforms()).containsExactly(
                    Platform.MASTODON, Platform.BLUESKY, Platform.INSTAGRAM, Platform.X, Platform.LINKEDIN);
            assertThat(strategy.brand().accountOn(Platform.MASTODON)).hasValueSatisfying(
                    a -> assertThat(a.handle()).isEqualTo("cafelumiere@piaille.fr"));
            assertThat(strategy.brand().accountOn(Platform.BLUESKY)).hasValueSatisfying(
                    a -> assertThat(a.handle()).isEqualTo("cafelumiere.bsky.social"));
        }

        @Test
        @DisplayName("has three objectives whose targets read periods, directions and platforms")
        void objectives() throws Exception {
            Strategy strategy = cafeLumiere();
            DateRange q2 = new DateRange(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30));

            assertThat(strategy.objectives()).extracting(Objective::id)
                    .containsExactly("notoriete-lyon", "abonnement-en-ligne", "relation-communaute");
            assertThat(strategy.objective("notoriete-lyon").orElseThrow().targets()).containsExactly(
                    new KpiTarget(Metric.FOLLOWERS, 6000, KpiTarget.Direction.AT_LEAST, q2, Optional.of(Platform.INSTAGRAM)),
                    KpiTarget.atLeast(Metric.REACH, 250_000, q2));
            assertThat(strategy.objective("abonnement-en-ligne").orElseThrow().targets().get(0).period())
                    .as("an explicit range of days").isEqualTo(q2);
            assertThat(strategy.objective("relation-communaute").orElseThrow().targets()).containsExactly(
                    KpiTarget.atMost(Metric.RESPONSE_TIME_MEDIAN_MINUTES, 90, DateRange.parse("2026")),
                    KpiTarget.atLeast(Metric.RESPONSE_RATE, 0.95, DateRange.parse("2026")));
        }

        @Test
        @DisplayName("has two weighted audiences with age ranges, countries, interests and personas")
        void audiences() throws Exception {
            Strategy strategy = cafeLumiere();

            assertThat(strategy.audiences()).extracting(Audience::name, Audience::weight).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Amateurs de café de spécialité", 3.0),
                    org.assertj.core.groups.Tuple.tuple("Professionnels CHR et bureaux", 1.5));
            Audience amateurs = strategy.audiences().get(0);
            assertThat(amateurs.ageRanges()).containsExactly(new AgeRange(25, 34), new AgeRange(35, 44));
            assertThat(amateurs.countries()).containsExactlyInAnyOrder("FR", "BE", "CH");
            assertThat(amateurs.interests()).contains("coffee", "food");
            assertThat(amateurs.personas()).hasSize(2);
            assertThat(amateurs.personas().get(0).name()).isEqualTo("Camille, 29 ans, graphiste indépendante");
            assertThat(amateurs.personas().get(0).profile())
                    .as("a folded block, stripped").startsWith("Travaille depuis chez elle").doesNotEndWith("\n");
            assertThat(amateurs.personas().get(0).socialBehaviour()).hasSize(3);
            assertThat(strategy.audiences().get(1).personas()).singleElement()
                    .satisfies(p -> assertThat(p.expectations()).contains("une formation barista sur place"));
        }

        @Test
        @DisplayName("has an editorial line: French then English, four pillars adding to 100, hashtags, banned terms")
        void editorialLine() throws Exception {
            var line = cafeLumiere().editorialLine();

            assertThat(line.languages()).containsExactly(Locale.forLanguageTag("fr-FR"), Locale.ENGLISH);
            assertThat(line.pillars()).hasSize(4);
            assertThat(line.pillars().stream().mapToDouble(p -> p.targetShare()).sum()).isEqualTo(100.0);
            assertThat(line.pillar("du grain à la tasse")).hasValueSatisfying(p -> {
                assertThat(p.targetShare()).isEqualTo(35.0);
                assertThat(p.description()).isEqualTo("origines, producteurs, récoltes et torréfaction");
            });
            assertThat(line.hashtags()).containsExactly("CafeLumiere", "CafeDeSpecialite", "Lyon", "Torrefaction");
            assertThat(line.bannedTerms()).contains("meilleur café du monde");
        }

        @Test
        @DisplayName("posts on every platform it has an account on, on named weekdays at set times")
        void cadences() throws Exception {
            Strategy strategy = cafeLumiere();

            assertThat(strategy.editorialLine().cadences()).extracting(PostingCadence::platform)
                    .containsExactlyInAnyOrderElementsOf(strategy.brand().platforms());
            assertThat(strategy.editorialLine().cadenceFor(Platform.INSTAGRAM)).hasValue(new PostingCadence(
                    Platform.INSTAGRAM, 4,
                    Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                    List.of(LocalTime.of(8, 30), LocalTime.of(18, 0))));
            assertThat(strategy.editorialLine().cadenceFor(Platform.X).orElseThrow().times())
                    .containsExactly(LocalTime.of(12, 0), LocalTime.of(17, 30));
        }

        @Test
        @DisplayName("is the same file in the examples folder and in the test resources")
        void copyIsCurrent() throws Exception {
            Path original = example("cafe-lumiere.fr.yaml");
            try (InputStream copy = getClass().getResourceAsStream("/brand-kits/cafe-lumiere.fr.yaml")) {
                assertThat(new String(copy.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .as("cm-core/src/test/resources/brand-kits/cafe-lumiere.fr.yaml must be a copy of %s", original)
                        .isEqualTo(Files.readString(original));
            }
        }
    }

    @Nested
    @DisplayName("Northwind Outdoors, an outdoor gear brand, written in English,")
    class NorthwindOutdoors {

        @Test
        @DisplayName("loads from the examples folder with its brand, accounts and Denver time zone")
        void brand() throws Exception {
            Strategy strategy = BrandKitLoader.load(example("northwind-outdoors.en.yaml"));

            assertThat(strategy.brand().id()).isEqualTo("northwind-outdoors");
            assertThat(strategy.brand().timeZone()).isEqualTo(ZoneId.of("America/Denver"));
            assertThat(strategy.brand().defaultLanguage()).isEqualTo(Locale.US);
            assertThat(strategy.brand().accountsOn(Platform.FACEBOOK)).as("a main and a help handle").hasSize(2);
            assertThat(strategy.brand().platforms()).containsExactly(Platform.INSTAGRAM, Platform.YOUTUBE,
                    Platform.TIKTOK, Platform.BLUESKY, Platform.FACEBOOK);
        }

        @Test
        @DisplayName("has objectives over a quarter, a month, a year and a range of days")
        void objectives() throws Exception {
            Strategy strategy = BrandKitLoader.load(example("northwind-outdoors.en.yaml"));

            Objective launch = strategy.objective("trail-line-launch").orElseThrow();
            assertThat(launch.targets().get(0)).isEqualTo(new KpiTarget(Metric.VIDEO_VIEWS, 500_000,
                    KpiTarget.Direction.AT_LEAST, DateRange.parse("2026-Q2"), Optional.of(Platform.YOUTUBE)));
            assertThat(launch.targets().get(2).period())
                    .isEqualTo(new DateRange(LocalDate.of(2026, 4, 15), LocalDate.of(2026, 6, 30)));
            assertThat(strategy.objective("community-care").orElseThrow().targets().get(0).direction())
                    .isEqualTo(KpiTarget.Direction.AT_MOST);
            assertThat(strategy.objective("grow-the-crew").orElseThrow().targets().get(1).period())
                    .isEqualTo(new DateRange(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)));
        }

        @Test
        @DisplayName("has audiences whose weight defaults to 1 and whose age ranges may be open-ended")
        void audiences() throws Exception {
            Strategy strategy = BrandKitLoader.load(example("northwind-outdoors.en.yaml"));

            Audience ultralight = strategy.audiences().get(1);
            assertThat(ultralight.weight()).isEqualTo(1.0);
            assertThat(ultralight.ageRanges()).last().isEqualTo(new AgeRange(65, AgeRange.OPEN_ENDED));
            assertThat(strategy.editorialLine().languages())
                    .containsExactly(Locale.forLanguageTag("en-US"), Locale.forLanguageTag("es-US"));
            assertThat(strategy.editorialLine().cadenceFor(Platform.FACEBOOK).orElseThrow().times())
                    .as("times may be left to analytics").isEmpty();
        }
    }

    @Test
    @DisplayName("the annotated kit in docs/brand-kit.md loads without a single problem")
    void documentedKitLoads() throws Exception {
        Path doc = Path.of("..", "docs", "brand-kit.md");
        assumeThat(doc).as("the docs folder next to cm-core").exists();
        String markdown = Files.readString(doc);
        int start = markdown.indexOf("```yaml\n") + "```yaml\n".length();
        String kit = markdown.substring(start, markdown.indexOf("```", start));

        Strategy strategy = BrandKitLoader.parse(kit, "docs/brand-kit.md (annotated kit)");

        assertThat(strategy.brand().id()).isEqualTo("cafe-lumiere");
        assertThat(strategy.editorialLine().cadences()).hasSize(2);
    }

    @Test
    @DisplayName("every kit in the examples folder loads without a single problem")
    void everyExampleLoads() throws IOException {
        assumeThat(EXAMPLES).as("the examples folder next to cm-core").isDirectory();
        List<Path> kits = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(EXAMPLES, "*.{yaml,yml}")) {
            files.forEach(kits::add);
        }

        assertThat(kits).hasSizeGreaterThanOrEqualTo(2);
        for (Path kit : kits) {
            assertThatCode(() -> BrandKitLoader.load(kit)).as(kit.toString()).doesNotThrowAnyException();
        }
    }
}
