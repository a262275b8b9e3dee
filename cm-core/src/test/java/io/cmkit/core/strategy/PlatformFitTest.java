package io.cmkit.core.strategy;

import io.cmkit.core.model.AgeRange;
import io.cmkit.core.model.Audience;
import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Strategy;
import io.cmkit.core.strategy.FitReason.Factor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.cmkit.core.model.Platform.FACEBOOK;
import static io.cmkit.core.model.Platform.INSTAGRAM;
import static io.cmkit.core.model.Platform.LINKEDIN;
import static io.cmkit.core.model.Platform.TIKTOK;
import static io.cmkit.core.strategy.FitFixtures.B2B_BUYERS;
import static io.cmkit.core.strategy.FitFixtures.YOUNG_FASHION;
import static io.cmkit.core.strategy.FitFixtures.audience;
import static io.cmkit.core.strategy.FitFixtures.strategy;
import static io.cmkit.core.strategy.FitFixtures.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Platform fit")
class PlatformFitTest {

    private final PlatformFit fit = new PlatformFit(PlatformReference.defaults());

    private static double score(PlatformRanking ranking, Platform platform) {
        return ranking.scoreOf(platform).orElseThrow().score();
    }

    @Nested
    @DisplayName("ranks platforms by audience")
    class Ranking {

        @Test
        @DisplayName("a young, video- and fashion-minded French audience ranks TikTok and Instagram above LinkedIn and Facebook")
        void youngFashion() {
            PlatformRanking ranking = fit.rank(strategy(YOUNG_FASHION));

            assertThat(ranking.order().subList(0, 2)).containsExactlyInAnyOrder(TIKTOK, INSTAGRAM);
            assertThat(Math.min(score(ranking, TIKTOK), score(ranking, INSTAGRAM)))
                    .isGreaterThan(Math.max(score(ranking, LINKEDIN), score(ranking, FACEBOOK)));
        }

        @Test
        @DisplayName("a B2B professional audience ranks LinkedIn first")
        void b2b() {
            PlatformRanking ranking = fit.rank(strategy(B2B_BUYERS));

            assertThat(ranking.best()).map(PlatformScore::platform).contains(LINKEDIN);
        }

        @Test
        @DisplayName("all the reference's platforms are ranked, best first")
        void everyReferencePlatform() {
            PlatformRanking ranking = fit.rank(strategy(YOUNG_FASHION));

            assertThat(ranking.order()).containsExactlyInAnyOrderElementsOf(Platform.wellKnown());
            assertThat(ranking.excluded()).isEmpty();
            assertThat(ranking.scores()).extracting(PlatformScore::score)
                    .isSortedAccordingTo(Collections.reverseOrder())
                    .allSatisfy(s -> assertThat(s).isBetween(0.0, 100.0));
        }

        @Test
        @DisplayName("the weightier audience leads the ranking")
        void audienceWeightsMatter() {
            PlatformRanking mostlyYoung = fit.rank(strategy(weighted(YOUNG_FASHION, 9), B2B_BUYERS));
            PlatformRanking mostlyB2b = fit.rank(strategy(YOUNG_FASHION, weighted(B2B_BUYERS, 9)));

            assertThat(mostlyYoung.best()).map(PlatformScore::platform).get().isIn(TIKTOK, INSTAGRAM);
            assertThat(mostlyB2b.best()).map(PlatformScore::platform).contains(LINKEDIN);
        }

        @Test
        @DisplayName("a platform's score is the mean of its audiences' scores, weighted by audience weight")
        void audiencesCombineByWeight() {
            double young = score(fit.rank(strategy(YOUNG_FASHION)), LINKEDIN);
            double b2b = score(fit.rank(strategy(B2B_BUYERS)), LINKEDIN);

            double both = score(fit.rank(strategy(weighted(YOUNG_FASHION, 3), B2B_BUYERS)), LINKEDIN);

            assertThat(both).isCloseTo((3 * young + b2b) / 4, within(1e-9));
        }

        @Test
        @DisplayName("only the candidates asked for are ranked")
        void candidates() {
            PlatformRanking ranking = fit.rank(strategy(YOUNG_FASHION), List.of(LINKEDIN, FACEBOOK));

            assertThat(ranking.order()).containsExactly(FACEBOOK, LINKEDIN);
        }

        @Test
        @DisplayName("results are deterministic, whatever the order of the candidates")
        void deterministic() {
            Strategy strategy = strategy(YOUNG_FASHION, B2B_BUYERS);
            List<Platform> shuffled = new ArrayList<>(Platform.wellKnown());
            Collections.reverse(shuffled);

            PlatformRanking first = fit.rank(strategy);

            assertThat(fit.rank(strategy)).isEqualTo(first);
            assertThat(fit.rank(strategy, shuffled)).isEqualTo(first);
        }

        @Test
        @DisplayName("equal scores are ordered by platform id")
        void tiesByPlatformId() {
            PlatformReference twins = FitFixtures.reference("twins.csv", """
                    [interest]
                    interest,zeta,alpha,mid
                    coffee,70,70,40
                    """);
            Audience coffee = audience("Coffee lovers", 1, "", "", "coffee", "");

            PlatformRanking ranking = new PlatformFit(twins).rank(strategy(coffee), List.of(Platform.of("zeta"),
                    Platform.of("mid"), Platform.of("alpha")));

            assertThat(ranking.order()).extracting(Platform::id).containsExactly("alpha", "zeta", "mid");
        }
    }

    @Nested
    @DisplayName("explains every score")
    class Explanations {

        private final Audience professionals = new Audience("Young urban professionals", 1,
                List.of(AgeRange.parse("22-40")), Set.of("FR"), Set.of("coffee"), Set.of(), List.of());

        @Test
        @DisplayName("every score has reasons, and their contributions add up to the score")
        void contributionsAddUp() {
            for (Strategy strategy : List.of(strategy(YOUNG_FASHION), strategy(B2B_BUYERS),
                    strategy(weighted(YOUNG_FASHION, 2), B2B_BUYERS, professionals))) {
                for (PlatformScore score : fit.rank(strategy).scores()) {
                    assertThat(score.reasons()).as(score.platform().id()).isNotEmpty();
                    assertThat(score.reasons().stream().mapToDouble(FitReason::contribution).sum())
                            .as(score.platform().id()).isCloseTo(score.score(), within(1e-9));
                    double byFactor = 0;
                    for (Factor factor : Factor.values()) {
                        byFactor += score.contributionOf(factor);
                    }
                    assertThat(byFactor).isCloseTo(score.score(), within(1e-9));
                }
            }
        }

        @Test
        @DisplayName("reasons read like a community manager would say them, largest contribution first")
        void readableReasons() {
            PlatformScore instagram = fit.rank(strategy(professionals)).scoreOf(INSTAGRAM).orElseThrow();

            assertThat(instagram.reasons()).extracting(FitReason::explanation).containsExactlyInAnyOrder(
                    "age: 16% of the audience 'Young urban professionals' is 18-24, where Instagram has 30% of its users (population: 14%)",
                    "age: 53% of the audience 'Young urban professionals' is 25-34, where Instagram has 31% of its users (population: 19%)",
                    "age: 32% of the audience 'Young urban professionals' is 35-44, where Instagram has 16% of its users (population: 17%)",
                    "country: FR penetration 55% (audience 'Young urban professionals')",
                    "interest 'coffee': good affinity, 75/100 (audience 'Young urban professionals')");
            assertThat(instagram.reasons()).extracting(FitReason::contribution)
                    .isSortedAccordingTo(Collections.reverseOrder());
            assertThat(instagram.reasons()).extracting(FitReason::audience).containsOnly("Young urban professionals");
        }

        @Test
        @DisplayName("the score follows the documented method")
        void documentedMethod() {
            // 22-40 is 19 years: 3 in 18-24, 10 in 25-34, 6 in 35-44. A band fits fully when the
            // platform has twice the population's share of it; Instagram: 30/14, 31/19, 16/17.
            double age = (3 * Math.min(1, 30.0 / 14 / 2) + 10 * Math.min(1, 31.0 / 19 / 2)
                    + 6 * Math.min(1, 16.0 / 17 / 2)) / 19;
            double country = 0.55;  // FR penetration
            double interest = 0.75; // coffee affinity
            // default weights age 0.3, country 0.2, interest 0.3; no behaviours, so behaviour is left out
            double expected = 100 * (0.3 * age + 0.2 * country + 0.3 * interest) / (0.3 + 0.2 + 0.3);

            assertThat(score(fit.rank(strategy(professionals)), INSTAGRAM)).isCloseTo(expected, within(1e-9));
        }

        @Test
        @DisplayName("an open-ended range such as 60+ is spread over the years up to 79")
        void openEndedAges() {
            Audience seniors = audience("Seniors", 1, "60+", "", "", "");

            PlatformScore facebook = fit.rank(strategy(seniors)).scoreOf(FACEBOOK).orElseThrow();

            assertThat(facebook.reasons()).extracting(FitReason::explanation).containsExactlyInAnyOrder(
                    "age: 25% of the audience 'Seniors' is 55-64, where Facebook has 9% of its users (population: 12%)",
                    "age: 75% of the audience 'Seniors' is 65+, where Facebook has 6% of its users (population: 13%)");
        }

        @Test
        @DisplayName("explanations are in French for a French-speaking brand")
        void french() {
            Strategy strategy = strategy(Locale.FRENCH, List.of(INSTAGRAM), professionals);

            List<String> reasons = fit.rank(strategy).scoreOf(INSTAGRAM).orElseThrow().reasons().stream()
                    .map(r -> r.explanation().replace('\u00a0', ' ')).toList();

            assertThat(reasons).contains(
                    "âge : 53 % de l'audience « Young urban professionals » a 25-34 ans, tranche qui réunit 31 % des utilisateurs d'Instagram (population : 19 %)",
                    "pays : FR, pénétration 55 % (audience « Young urban professionals »)",
                    "intérêt « coffee » : affinité élevée, 75/100 (audience « Young urban professionals »)");
        }

        @Test
        @DisplayName("French elides before a vowel sound only: d'Instagram, de YouTube")
        void frenchElision() {
            Strategy strategy = strategy(Locale.FRENCH, List.of(Platform.YOUTUBE), professionals);

            assertThat(fit.rank(strategy).scoreOf(Platform.YOUTUBE).orElseThrow().reasons())
                    .extracting(FitReason::explanation)
                    .anySatisfy(r -> assertThat(r).contains("des utilisateurs de YouTube"))
                    .noneSatisfy(r -> assertThat(r).contains("d'YouTube"));
        }

        @Test
        @DisplayName("small figures keep their decimals, in each language's notation")
        void smallFigures() {
            Audience india = audience("Developers", 1, "", "IN", "", "");

            assertThat(fit.rank(strategy(india)).scoreOf(Platform.MASTODON).orElseThrow().reasons())
                    .extracting(FitReason::explanation)
                    .containsExactly("country: IN penetration 0.05% (audience 'Developers')");
            assertThat(fit.explainingIn(Locale.FRENCH).rank(strategy(india)).scoreOf(Platform.MASTODON).orElseThrow()
                    .reasons()).extracting(r -> r.explanation().replace('\u00a0', ' '))
                    .containsExactly("pays : IN, pénétration 0,05 % (audience « Developers »)");
        }

        @Test
        @DisplayName("the language of explanations can be chosen whatever the brand's")
        void explainingIn() {
            Strategy french = strategy(Locale.FRENCH, List.of(INSTAGRAM), professionals);

            PlatformScore english = fit.explainingIn(Locale.ENGLISH).rank(french).scoreOf(INSTAGRAM).orElseThrow();
            PlatformScore inFrench = fit.rank(french).scoreOf(INSTAGRAM).orElseThrow();

            assertThat(english.reasons()).extracting(FitReason::explanation)
                    .contains("country: FR penetration 55% (audience 'Young urban professionals')");
            assertThat(english.score()).isEqualTo(inFrench.score());
        }
    }

    @Nested
    @DisplayName("never gives a silent zero")
    class MissingData {

        @Test
        @DisplayName("a candidate the reference lacks is excluded with the reason")
        void unknownCandidate() {
            Platform pixelfed = Platform.of("pixelfed");

            PlatformRanking ranking = fit.rank(strategy(YOUNG_FASHION), List.of(pixelfed, INSTAGRAM));

            assertThat(ranking.order()).containsExactly(INSTAGRAM);
            assertThat(ranking.scoreOf(pixelfed)).isEmpty();
            assertThat(ranking.exclusionOf(pixelfed)).map(PlatformRanking.Excluded::reason)
                    .contains("no reference data for 'pixelfed' in cmkit platform-reference.csv");
        }

        @Test
        @DisplayName("a platform the brand is on but the reference lacks is listed as excluded")
        void brandPlatformNotInReference() {
            Platform pixelfed = Platform.of("pixelfed");
            Strategy strategy = strategy(Locale.ENGLISH, List.of(INSTAGRAM, pixelfed), YOUNG_FASHION);

            PlatformRanking ranking = fit.rank(strategy);

            assertThat(ranking.order()).hasSize(Platform.wellKnown().size());
            assertThat(ranking.excluded()).extracting(PlatformRanking.Excluded::platform).containsExactly(pixelfed);
        }

        @Test
        @DisplayName("an interest the reference does not know is left out, not counted as zero")
        void unknownInterest() {
            Audience plain = audience("Crafters", 1, "25-34", "FR", "diy", "");
            Audience withKnitting = new Audience("Crafters", 1, plain.ageRanges(), plain.countries(),
                    Set.of("diy", "knitting"), Set.of(), List.of());

            PlatformRanking without = fit.rank(strategy(plain));
            PlatformRanking with = fit.rank(strategy(withKnitting));

            for (Platform platform : Platform.wellKnown()) {
                assertThat(score(with, platform)).as(platform.id()).isCloseTo(score(without, platform), within(1e-9));
            }
            assertThat(with.scoreOf(INSTAGRAM).orElseThrow().leftOut())
                    .containsExactly("interest 'knitting': no reference data for Instagram, left out for the audience 'Crafters'");
            assertThat(with.scoreOf(INSTAGRAM).orElseThrow().reasons())
                    .noneMatch(r -> r.explanation().contains("knitting"));
        }

        @Test
        @DisplayName("a factor without data is left out and the others share its weight")
        void missingFactorSkipped() {
            PlatformReference noDefaultCountry = FitFixtures.reference("no-default.csv", """
                    [country]
                    country,instagram
                    FR,55
                    [interest]
                    interest,instagram
                    coffee,75
                    """);
            PlatformFit custom = new PlatformFit(noDefaultCountry);

            PlatformScore inNewZealand = custom.rank(strategy(audience("Kiwis", 1, "", "NZ", "coffee", "")))
                    .scoreOf(INSTAGRAM).orElseThrow();

            assertThat(inNewZealand.score()).isCloseTo(75, within(1e-9));
            assertThat(inNewZealand.contributionOf(Factor.COUNTRY)).isZero();
            assertThat(inNewZealand.leftOut())
                    .containsExactly("country: no data for NZ on Instagram, left out for the audience 'Kiwis'");
        }

        @Test
        @DisplayName("a country the reference does not list takes the reference's default row")
        void defaultCountry() {
            PlatformScore instagram = fit.rank(strategy(audience("Kiwis", 1, "", "NZ", "", "")))
                    .scoreOf(INSTAGRAM).orElseThrow();

            assertThat(instagram.score()).isCloseTo(35, within(1e-9));
            assertThat(instagram.reasons()).extracting(FitReason::explanation).containsExactly(
                    "country: NZ penetration 35% (the reference's default for countries it does not list; audience 'Kiwis')");
        }

        @Test
        @DisplayName("a real zero in the data counts as zero")
        void realZero() {
            PlatformScore tiktok = fit.rank(strategy(audience("Students", 1, "18-24", "IN", "", "")))
                    .scoreOf(TIKTOK).orElseThrow();

            assertThat(tiktok.reasons()).filteredOn(r -> r.factor() == Factor.COUNTRY)
                    .singleElement().satisfies(r -> {
                        assertThat(r.contribution()).isZero();
                        assertThat(r.explanation()).isEqualTo("country: IN penetration 0% (audience 'Students')");
                    });
            assertThat(tiktok.score()).isCloseTo(60, within(1e-9)); // age 1.0 x 0.3 + country 0 x 0.2, over 0.5
        }

        @Test
        @DisplayName("a platform without age figures is scored on the other factors, and says so")
        void platformWithoutAges() {
            PlatformReference partial = FitFixtures.reference("partial.csv", """
                    [age]
                    band,population,mastodon,pixelfed
                    18-34,40,50,
                    35+,60,50,
                    [interest]
                    interest,mastodon,pixelfed
                    art,70,90
                    """);
            Platform pixelfed = Platform.of("pixelfed");

            PlatformScore score = new PlatformFit(partial).rank(strategy(audience("Artists", 1, "18-34", "", "art", "")))
                    .scoreOf(pixelfed).orElseThrow();

            assertThat(score.score()).isCloseTo(90, within(1e-9));
            assertThat(score.leftOut()).containsExactly("age: no age data for Pixelfed, left out for the audience 'Artists'");
        }

        @Test
        @DisplayName("ages outside the reference's bands are left out")
        void agesOutsideBands() {
            PlatformReference adultsOnly = FitFixtures.reference("adults.csv", """
                    [age]
                    band,population,instagram
                    18-34,40,60
                    35+,60,40
                    """);

            PlatformScore score = new PlatformFit(adultsOnly).rank(strategy(audience("Teens and students", 1, "13-24", "", "", "")))
                    .scoreOf(INSTAGRAM).orElseThrow();

            assertThat(score.score()).isCloseTo(75, within(1e-9)); // 60/40 = index 1.5, fit 0.75
            assertThat(score.leftOut()).containsExactly(
                    "age: ages 13-17 of the audience 'Teens and students' are outside the reference's age bands, left out");
        }

        @Test
        @DisplayName("an audience that says nothing the reference covers does not count")
        void silentAudience() {
            Audience unknown = audience("Newsletter readers", 5, "", "", "knitting", "");

            PlatformRanking alone = fit.rank(strategy(unknown));
            PlatformRanking mixed = fit.rank(strategy(unknown, B2B_BUYERS));

            assertThat(alone.scores()).isEmpty();
            assertThat(alone.exclusionOf(LINKEDIN)).map(PlatformRanking.Excluded::reason).contains(
                    "none of the strategy's audiences has an age, country, interest or behaviour that the reference covers for LinkedIn");
            assertThat(score(mixed, LINKEDIN)).isCloseTo(score(fit.rank(strategy(B2B_BUYERS)), LINKEDIN), within(1e-9));
            assertThat(mixed.scoreOf(LINKEDIN).orElseThrow().leftOut()).contains(
                    "the audience 'Newsletter readers' has no age, country, interest or behaviour that the reference covers for LinkedIn; it does not count for this platform");
        }

        @Test
        @DisplayName("a strategy without audiences has every platform excluded")
        void noAudiences() {
            PlatformRanking ranking = fit.rank(strategy());

            assertThat(ranking.scores()).isEmpty();
            assertThat(ranking.excluded()).hasSize(Platform.wellKnown().size())
                    .allSatisfy(e -> assertThat(e.reason()).isEqualTo("the strategy has no audiences to compare platforms with"));
        }
    }

    @Nested
    @DisplayName("weighs factors as configured")
    class Weights {

        @Test
        @DisplayName("with only the country factor, the score is the mean penetration")
        void countryOnly() {
            PlatformFit countryOnly = new PlatformFit(PlatformReference.defaults(), new FitWeights(0, 1, 0, 0));
            Audience europe = new Audience("Europe", 1, List.of(AgeRange.parse("25-34")), Set.of("FR", "DE"),
                    Set.of("coffee"), Set.of("photo"), List.of());

            PlatformScore instagram = countryOnly.rank(strategy(europe)).scoreOf(INSTAGRAM).orElseThrow();

            assertThat(instagram.score()).isCloseTo((55 + 45) / 2.0, within(1e-9));
            assertThat(instagram.reasons()).extracting(FitReason::factor).containsOnly(Factor.COUNTRY);
        }

        @Test
        @DisplayName("a factor weighted 0 brings no reason")
        void zeroWeight() {
            PlatformFit noCountry = new PlatformFit(PlatformReference.defaults(), new FitWeights(0.3, 0, 0.3, 0.2));

            PlatformScore score = noCountry.rank(strategy(YOUNG_FASHION)).scoreOf(INSTAGRAM).orElseThrow();

            assertThat(score.reasons()).extracting(FitReason::factor).doesNotContain(Factor.COUNTRY);
            assertThat(score.leftOut()).isEmpty();
        }

        @Test
        @DisplayName("only the ratios of the weights matter")
        void ratios() {
            PlatformFit scaled = new PlatformFit(PlatformReference.defaults(), new FitWeights(3, 2, 3, 2));

            assertThat(scaled.rank(strategy(YOUNG_FASHION, B2B_BUYERS)).scores())
                    .zipSatisfy(fit.rank(strategy(YOUNG_FASHION, B2B_BUYERS)).scores(), (a, b) -> {
                        assertThat(a.platform()).isEqualTo(b.platform());
                        assertThat(a.score()).isCloseTo(b.score(), within(1e-9));
                    });
        }

        @Test
        @DisplayName("weights must be 0 or more, and not all 0")
        void invalidWeights() {
            assertThatThrownBy(() -> new FitWeights(-1, 1, 1, 1)).isInstanceOf(InvalidModelException.class)
                    .hasMessageContaining("FitWeights.age");
            assertThatThrownBy(() -> new FitWeights(0, 0, 0, 0)).isInstanceOf(InvalidModelException.class)
                    .hasMessageContaining("at least one weight must be above 0");
            assertThat(FitWeights.defaults()).isEqualTo(new FitWeights(0.3, 0.2, 0.3, 0.2));
        }
    }
}
