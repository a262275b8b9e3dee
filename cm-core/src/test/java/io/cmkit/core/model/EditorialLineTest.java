package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static io.cmkit.core.model.Samples.cadence;
import static io.cmkit.core.model.Samples.pillar;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("EditorialLine")
class EditorialLineTest {

    private static final List<ContentPillar> PILLARS = List.of(pillar("behind the scenes", 40),
            pillar("coffee education", 35), pillar("community", 25));

    @Test
    @DisplayName("keeps tone, languages, pillars, banned terms and cadences")
    void accessors() {
        EditorialLine line = new EditorialLine(" warm, witty ", List.of(Locale.FRENCH, Locale.ENGLISH), PILLARS,
                List.of(), List.of(" cheap "), List.of(cadence(Platform.MASTODON)));

        assertThat(line.tone()).isEqualTo("warm, witty");
        assertThat(line.languages()).containsExactly(Locale.FRENCH, Locale.ENGLISH);
        assertThat(line.mainLanguage()).isEqualTo(Locale.FRENCH);
        assertThat(line.pillars()).isEqualTo(PILLARS);
        assertThat(line.bannedTerms()).containsExactly("cheap");
        assertThat(line.cadenceFor(Platform.MASTODON)).contains(cadence(Platform.MASTODON));
        assertThat(line.cadenceFor(Platform.X)).isEmpty();
    }

    @Test
    @DisplayName("finds a pillar by name, ignoring case")
    void pillarByName() {
        assertThat(line(PILLARS).pillar("Coffee Education")).contains(PILLARS.get(1));
        assertThat(line(PILLARS).pillar("recipes")).isEmpty();
    }

    @Test
    @DisplayName("strips the '#' from hashtags")
    void hashtags() {
        EditorialLine line = withHashtags(List.of("#CafeLumiere", " #LatteArt ", "lyon_cafe", "café"));

        assertThat(line.hashtags()).containsExactly("CafeLumiere", "LatteArt", "lyon_cafe", "café");
    }

    @Test
    @DisplayName("keeps its own copies of the lists")
    void defensiveCopy() {
        List<ContentPillar> pillars = new ArrayList<>(PILLARS);
        List<String> hashtags = new ArrayList<>(List.of("CafeLumiere"));
        EditorialLine line = new EditorialLine("warm", List.of(Locale.FRENCH), pillars, hashtags, List.of(),
                List.of());

        pillars.clear();
        hashtags.add("Other");

        assertThat(line.pillars()).hasSize(3);
        assertThat(line.hashtags()).containsExactly("CafeLumiere");
    }

    @Nested
    @DisplayName("pillar shares")
    class Shares {

        @Test
        @DisplayName("33.3 + 33.3 + 33.4 make 100%")
        void thirds() {
            assertThat(line(List.of(pillar("a", 33.3), pillar("b", 33.3), pillar("c", 33.4))).pillars()).hasSize(3);
        }

        @Test
        @DisplayName("33.3 three times is within the 0.5 tolerance")
        void withinTolerance() {
            assertThat(EditorialLine.SHARE_TOLERANCE).isEqualTo(0.5);
            assertThat(line(List.of(pillar("a", 33.3), pillar("b", 33.3), pillar("c", 33.3))).pillars()).hasSize(3);
            assertThat(line(List.of(pillar("a", 50.5), pillar("b", 50))).pillars()).hasSize(2);
        }

        @Test
        @DisplayName("shares adding up to 90% are rejected, saying how much they add up to")
        void ninety() {
            assertRejected(() -> line(List.of(pillar("a", 50), pillar("b", 40))), "EditorialLine", "pillars",
                    "EditorialLine.pillars target shares must add up to 100% (got 90%)");
        }

        @Test
        @DisplayName("just outside the tolerance either way is rejected")
        void outsideTolerance() {
            assertRejected(() -> line(List.of(pillar("a", 50), pillar("b", 49.4))), "EditorialLine", "pillars",
                    "EditorialLine.pillars target shares must add up to 100% (got 99.4%)");
            assertRejected(() -> line(List.of(pillar("a", 60), pillar("b", 40.6))), "EditorialLine", "pillars",
                    "EditorialLine.pillars target shares must add up to 100% (got 100.6%)");
        }
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a blank tone")
        void blankTone() {
            assertRejected(() -> new EditorialLine(" ", List.of(Locale.FRENCH), PILLARS, List.of(), List.of(), List.of()),
                    "EditorialLine", "tone", "EditorialLine.tone must not be blank");
        }

        @Test
        @DisplayName("no language, the same language twice, or a locale that names no language")
        void badLanguages() {
            assertRejected(() -> withLanguages(List.of()), "EditorialLine", "languages",
                    "EditorialLine.languages must not be empty");
            assertRejected(() -> withLanguages(List.of(Locale.FRENCH, Locale.ENGLISH, Locale.forLanguageTag("fr"))),
                    "EditorialLine", "languages[2]", "EditorialLine.languages[2] duplicates language 'fr'");
            assertRejected(() -> withLanguages(List.of(Locale.FRENCH, Locale.ROOT)), "EditorialLine", "languages[1]",
                    "EditorialLine.languages[1] must name a language");
        }

        @Test
        @DisplayName("no pillar at all")
        void noPillar() {
            assertRejected(() -> line(List.of()), "EditorialLine", "pillars", "EditorialLine.pillars must not be empty");
        }

        @Test
        @DisplayName("two pillars with the same name, ignoring case")
        void duplicatePillar() {
            assertRejected(() -> line(List.of(pillar("Community", 50), pillar("community", 50))), "EditorialLine",
                    "pillars[1]", "EditorialLine.pillars[1] duplicates pillar 'community'");
        }

        @Test
        @DisplayName("a hashtag that is empty once its '#' is dropped, or holds other than letters, digits and '_'")
        void badHashtag() {
            assertRejected(() -> withHashtags(List.of("CafeLumiere", "#")), "EditorialLine", "hashtags[1]",
                    "EditorialLine.hashtags[1] must be letters, digits or '_' only, got ''");
            assertRejected(() -> withHashtags(List.of("cafe-lumiere")), "EditorialLine", "hashtags[0]",
                    "EditorialLine.hashtags[0] must be letters, digits or '_' only, got 'cafe-lumiere'");
            assertRejected(() -> withHashtags(List.of("#cafe lumiere")), "EditorialLine", "hashtags[0]",
                    "EditorialLine.hashtags[0] must be letters, digits or '_' only, got 'cafe lumiere'");
            assertRejected(() -> withHashtags(List.of(" ")), "EditorialLine", "hashtags[0]",
                    "EditorialLine.hashtags[0] must not be blank");
        }

        @Test
        @DisplayName("the same hashtag twice, with or without '#', ignoring case")
        void duplicateHashtag() {
            assertRejected(() -> withHashtags(List.of("#LatteArt", "latteart")), "EditorialLine", "hashtags[1]",
                    "EditorialLine.hashtags[1] duplicates hashtag 'latteart'");
        }

        @Test
        @DisplayName("a blank banned term")
        void blankBannedTerm() {
            assertRejected(() -> new EditorialLine("warm", List.of(Locale.FRENCH), PILLARS, List.of(),
                            List.of("cheap", ""), List.of()),
                    "EditorialLine", "bannedTerms[1]", "EditorialLine.bannedTerms[1] must not be blank");
        }

        @Test
        @DisplayName("two cadences for the same platform")
        void duplicateCadence() {
            assertRejected(() -> new EditorialLine("warm", List.of(Locale.FRENCH), PILLARS, List.of(), List.of(),
                            List.of(cadence(Platform.MASTODON), cadence(Platform.BLUESKY), cadence(Platform.MASTODON))),
                    "EditorialLine", "cadences[2]", "EditorialLine.cadences[2] duplicates cadence for platform 'mastodon'");
        }
    }

    private static EditorialLine line(List<ContentPillar> pillars) {
        return new EditorialLine("warm", List.of(Locale.FRENCH), pillars, List.of(), List.of(), List.of());
    }

    private static EditorialLine withHashtags(List<String> hashtags) {
        return new EditorialLine("warm", List.of(Locale.FRENCH), PILLARS, hashtags, List.of(), List.of());
    }

    private static EditorialLine withLanguages(List<Locale> languages) {
        return new EditorialLine("warm", languages, PILLARS, List.of(), List.of(), List.of());
    }
}
