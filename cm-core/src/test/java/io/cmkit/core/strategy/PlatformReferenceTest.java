package io.cmkit.core.strategy;

import io.cmkit.core.model.AgeRange;
import io.cmkit.core.model.Platform;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.cmkit.core.strategy.FitFixtures.YOUNG_FASHION;
import static io.cmkit.core.strategy.FitFixtures.audience;
import static io.cmkit.core.strategy.FitFixtures.reference;
import static io.cmkit.core.strategy.FitFixtures.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Platform reference")
class PlatformReferenceTest {

    @Nested
    @DisplayName("the shipped defaults")
    class Defaults {

        private final PlatformReference defaults = PlatformReference.defaults();

        @Test
        @DisplayName("cover the nine well-known platforms")
        void platforms() {
            assertThat(defaults.platforms()).containsExactlyInAnyOrderElementsOf(Platform.wellKnown());
            assertThat(defaults.sourceName()).isEqualTo("cmkit platform-reference.csv");
        }

        @Test
        @DisplayName("have the usual age bands, from 13-17 to 65+")
        void ageBands() {
            assertThat(defaults.ageBands()).extracting(AgeRange::toString)
                    .containsExactly("13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+");
        }

        @Test
        @DisplayName("list the main French-speaking and Western markets, with a default for the others")
        void countries() {
            assertThat(defaults.countries()).contains("FR", "BE", "CH", "CA", "GB", "US", "DE", "ES", "IT")
                    .doesNotContain("*");
            assertThat(new PlatformFit(defaults).rank(strategy(audience("Kiwis", 1, "", "NZ", "", "")))
                    .excluded()).isEmpty();
        }

        @Test
        @DisplayName("offer a vocabulary of interests and behaviours to describe audiences with")
        void vocabulary() {
            assertThat(defaults.interests()).contains("fashion", "beauty", "food", "coffee", "travel", "gaming",
                    "tech", "b2b", "finance", "sport", "outdoor", "music", "art", "news", "politics", "education",
                    "parenting", "sustainability");
            assertThat(defaults.behaviours()).contains("video", "short-video", "photo", "professional-networking",
                    "news-reading", "live", "community-discussion", "shopping", "open-source");
        }

        @Test
        @DisplayName("say where each block comes from, and that the figures are approximations")
        void documented() throws IOException {
            String text;
            try (InputStream in = PlatformReference.class.getResourceAsStream("platform-reference.csv")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }

            assertThat(text).contains("APPROXIMATION", "PlatformReference.load(Path)", "docs/platform-fit.md",
                    "World Population Prospects 2024", "Digital 2025", "Pew Research Center", "estimates");
            for (String section : List.of("[age]", "[country]", "[interest]", "[behaviour]")) {
                String block = text.substring(text.indexOf(section));
                assertThat(block.lines().skip(1).takeWhile(l -> l.startsWith("#")).toList())
                        .as("comments under " + section).anyMatch(l -> l.matches(".*20(24|25).*"));
            }
        }
    }

    @Nested
    @DisplayName("a host's own table")
    class Custom {

        private static final String PIXELFED = """
                # Our agency's panel, 2025-Q3
                [age]
                band,population,pixelfed,instagram
                18-34,40,70,60
                35+,60,30,40

                [country]
                country,pixelfed,instagram
                FR,2,55
                *,1,35

                [interest]
                interest,pixelfed,instagram
                photography,95,80
                """;

        @Test
        @DisplayName("replaces the defaults: only its platforms and figures are used")
        void replacesDefaults() {
            PlatformReference ours = reference("agency-panel.csv", PIXELFED);
            Platform pixelfed = Platform.of("pixelfed");

            PlatformRanking ranking = new PlatformFit(ours).rank(strategy(audience("Photographers", 1, "18-34", "FR",
                    "photography", "")));

            assertThat(ours.platforms()).containsExactly(Platform.INSTAGRAM, pixelfed);
            assertThat(ranking.order()).containsExactlyInAnyOrder(pixelfed, Platform.INSTAGRAM);
            assertThat(ranking.scoreOf(pixelfed).orElseThrow().reasons()).extracting(FitReason::explanation)
                    .contains("interest 'photography': strong affinity, 95/100 (audience 'Photographers')");
            assertThat(new PlatformFit(ours).rank(strategy(YOUNG_FASHION), List.of(Platform.TIKTOK)).excluded())
                    .extracting(PlatformRanking.Excluded::reason)
                    .containsExactly("no reference data for 'tiktok' in agency-panel.csv");
        }

        @Test
        @DisplayName("loads from a file, which names it in messages")
        void fromFile(@TempDir Path dir) throws IOException {
            Path good = Files.writeString(dir.resolve("panel.csv"), PIXELFED);
            Path bad = Files.writeString(dir.resolve("broken.csv"), PIXELFED.replace("FR,2,55", "FR,2,5S"));

            assertThat(PlatformReference.load(good).sourceName()).isEqualTo(good.toString());
            assertThatThrownBy(() -> PlatformReference.load(bad))
                    .isInstanceOf(PlatformReferenceException.class)
                    .hasMessageStartingWith(bad + ", line 9, column 3: '5S' for FR on 'instagram' is not a percentage");
        }

        @Test
        @DisplayName("may leave cells empty for no data, use CRLF line ends and start with a byte order mark")
        void lenientText() {
            PlatformReference ours = reference("windows.csv", "\uFEFF# exported from a spreadsheet\r\n"
                    + "[interest]\r\ninterest,pixelfed,instagram\r\nphotography,95,\r\n\r\n"
                    + "[behaviour]\r\nbehaviour,instagram\r\nphoto,100\r\n");

            assertThat(ours.platforms()).extracting(Platform::id).containsExactly("instagram", "pixelfed");
            assertThat(ours.interests()).containsExactly("photography");
            PlatformScore instagram = new PlatformFit(ours)
                    .rank(strategy(audience("Photographers", 1, "", "", "photography", "photo")))
                    .scoreOf(Platform.INSTAGRAM).orElseThrow();
            assertThat(instagram.score()).isCloseTo(100, within(1e-9));
            assertThat(instagram.leftOut()).containsExactly(
                    "interest 'photography': no reference data for Instagram, left out for the audience 'Photographers'");
        }
    }

    @Nested
    @DisplayName("a malformed table")
    class Malformed {

        static Stream<Arguments> tables() {
            return Stream.of(
                    Arguments.of("a cell that is not a number", """
                            [interest]
                            interest,x,instagram
                            coffee,30,7O
                            """, 3, 3, "'7O' for coffee on 'instagram' is not a percentage from 0 to 100"),
                    Arguments.of("a percentage above 100", """
                            [interest]
                            interest,x
                            coffee,130
                            """, 3, 2, "'130' for coffee on 'x' is not a percentage from 0 to 100"),
                    Arguments.of("a decimal comma", """
                            [country]
                            country,x,instagram
                            FR,22,5,55
                            """, 3, 0, "has 4 cells but the header of [country] (line 2) has 3; write decimals with '.', not ','"),
                    Arguments.of("data before any section", """
                            # figures
                            interest,x
                            """, 2, 0, "expected a section header such as [age]"),
                    Arguments.of("an unknown section", """
                            [interests]
                            """, 1, 0, "unknown section [interests]"),
                    Arguments.of("a section given twice", """
                            [interest]
                            interest,x
                            [interest]
                            """, 3, 0, "section [interest] appears twice"),
                    Arguments.of("a section without header", """
                            [behaviour]
                            """, 1, 0, "section [behaviour] has no header row"),
                    Arguments.of("a header with the wrong first cell", """
                            [age]
                            age,population,x
                            """, 2, 1, "the header of [age] starts with 'band', got 'age'"),
                    Arguments.of("a column that is not a platform id", """
                            [interest]
                            interest,x,Face Book
                            """, 2, 3, "'Face Book' is not a platform id"),
                    Arguments.of("a platform given twice", """
                            [interest]
                            interest,x,Twitter
                            """, 2, 3, "column 'Twitter' names platform 'x' a second time"),
                    Arguments.of("a tag given twice", """
                            [interest]
                            interest,x
                            coffee,30
                            Coffee,40
                            """, 4, 1, "'coffee' is already given on line 3"),
                    Arguments.of("an unknown country code", """
                            [country]
                            country,x
                            FRA,20
                            """, 3, 1, "'FRA' is not an ISO 3166-1 alpha-2 country code"),
                    Arguments.of("an age band that cannot be read", """
                            [age]
                            band,population,x
                            18 to 24,100,100
                            """, 3, 1, "'18 to 24' is not an age band like 18-24 or 65+"),
                    Arguments.of("overlapping age bands", """
                            [age]
                            band,population,x
                            18-24,50,50
                            20-29,50,50
                            """, 4, 1, "band 20-29 overlaps band 18-24 of line 3"),
                    Arguments.of("an age section without population", """
                            [age]
                            band,x
                            """, 2, 0, "the header of [age] needs a 'population' column"),
                    Arguments.of("age shares that do not add up to 100", """
                            [age]
                            band,population,x,instagram
                            18-34,40,60,50
                            35+,60,40,20
                            """, 2, 4, "the age shares of 'instagram' add up to 70%, not 100% (±2)"),
                    Arguments.of("an age column with a hole", """
                            [age]
                            band,population,x
                            18-34,40,100
                            35+,60,
                            """, 4, 3, "the share of 35+ for 'x' is missing; give every band a share, or leave the whole column empty"),
                    Arguments.of("a table with no platform", """
                            # nothing yet
                            """, 0, 0, "the table names no platform"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("tables")
        @DisplayName("fails naming the file, the line and the column")
        void failsWithPlace(String what, String text, int line, int column, String problem) {
            PlatformReferenceException e = catchThrowableOfType(PlatformReferenceException.class,
                    () -> reference("custom.csv", text));

            assertThat(e).as(what).isNotNull();
            assertThat(e.source()).isEqualTo("custom.csv");
            assertThat(e.line()).as(what).isEqualTo(line);
            assertThat(e.column()).as(what).isEqualTo(column);
            assertThat(e.problem()).as(what).startsWith(problem);
            String place = "custom.csv" + (line > 0 ? ", line " + line : "") + (column > 0 ? ", column " + column : "");
            assertThat(e).hasMessage(place + ": " + e.problem());
        }

        @Test
        @DisplayName("changes nothing: the defaults and references already loaded are untouched")
        void changesNothing() {
            PlatformFit before = new PlatformFit(PlatformReference.defaults());
            PlatformRanking ranking = before.rank(strategy(YOUNG_FASHION));

            assertThatThrownBy(() -> reference("platform-reference.csv", "[interest]\ninterest,instagram\nfashion,lots\n"))
                    .isInstanceOf(PlatformReferenceException.class);

            assertThat(PlatformReference.defaults().interests()).contains("fashion");
            assertThat(before.rank(strategy(YOUNG_FASHION))).isEqualTo(ranking);
            assertThat(new PlatformFit(PlatformReference.defaults()).rank(strategy(YOUNG_FASHION))).isEqualTo(ranking);
        }
    }
}
