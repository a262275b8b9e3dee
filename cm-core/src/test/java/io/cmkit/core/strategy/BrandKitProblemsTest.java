package io.cmkit.core.strategy;

import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Strategy;
import io.cmkit.core.strategy.BrandKitException.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cmkit.core.strategy.KitFragments.BRAND;
import static io.cmkit.core.strategy.KitFragments.ONE_PILLAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * What a brand kit loader says about a broken kit. Every problem names the path of the value in
 * the document and its line and column; the kits below are numbered from line 1, and
 * {@link KitFragments#BRAND}, where a kit starts with it, is its lines 1 to 6.
 */
@DisplayName("A broken brand kit")
class BrandKitProblemsTest {

    static List<Problem> problemsOf(String yaml) {
        try {
            Strategy strategy = BrandKitLoader.parse(yaml, "kit.yaml");
            return fail("expected a BrandKitException, but the kit loaded: %s", strategy);
        } catch (BrandKitException e) {
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.source()).isEqualTo("kit.yaml"));
            return e.problems();
        }
    }

    static Strategy load(String yaml) throws BrandKitException {
        return BrandKitLoader.parse(yaml, "kit.yaml");
    }

    @Nested
    @DisplayName("has its keys checked:")
    class Keys {

        @Test
        @DisplayName("an unknown key is an error that suggests the closest known key")
        void unknownKeyWithSuggestion() {
            List<Problem> problems = problemsOf(BRAND + """
                      accounts:
                        - platform: instagram
                          handle: cafe.lumiere.lyon
                    objectifs:
                      - id: notoriete
                    """ + ONE_PILLAR);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("objectifs", 10, 1, "unknown key 'objectifs'; did you mean 'objectives'?"));
        }

        @Test
        @DisplayName("an unknown key with no close match lists the keys allowed there")
        void unknownKeyWithoutSuggestion() {
            List<Problem> problems = problemsOf(BRAND + """
                      accounts:
                        - platform: instagram
                          handle: cafe.lumiere.lyon
                          url: https://instagram.com/cafe.lumiere.lyon
                    """ + ONE_PILLAR);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("brand.accounts[0].url", 10, 7,
                            "unknown key 'url'; expected one of: platform, handle"));
        }

        @Test
        @DisplayName("a camelCase spelling of a key is pointed to its snake_case form")
        void camelCaseKey() {
            List<Problem> problems = problemsOf("""
                    cmkit: 1
                    brand:
                      id: cafe-lumiere
                      name: Café Lumière
                      timeZone: Europe/Paris
                      default_language: fr
                    """ + ONE_PILLAR);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(
                            tuple("brand.time_zone", 2, 1, "missing required key 'time_zone'"),
                            tuple("brand.timeZone", 5, 3, "unknown key 'timeZone'; did you mean 'time_zone'?"));
        }

        @Test
        @DisplayName("a missing required key is reported at the line of the mapping that lacks it")
        void missingRequiredKey() {
            List<Problem> problems = problemsOf("""
                    cmkit: 1
                    brand:
                      id: cafe-lumiere
                      name: Café Lumière
                      default_language: fr
                    objectives:
                      - id: notoriete
                        title: Se faire connaître à Lyon
                        targets:
                          - metric: followers
                            target: 5000
                    """ + ONE_PILLAR);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(
                            tuple("brand.time_zone", 2, 1, "missing required key 'time_zone'"),
                            tuple("objectives[0].targets[0].period", 10, 9, "missing required key 'period'"));
        }

        @Test
        @DisplayName("a key written twice in one mapping is an error; the first value is the one checked")
        void duplicateYamlKey() {
            List<Problem> problems = problemsOf(BRAND + """
                      name: Cafe Lumiere
                    """ + ONE_PILLAR);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("brand.name", 7, 3,
                            "duplicate key 'name' (first at line 4); only the first is used"));
        }

        @Test
        @DisplayName("the format version is required, and only version 1 is read")
        void formatVersion() {
            assertThat(problemsOf("""
                    brand:
                      id: cafe-lumiere
                      name: Café Lumière
                      time_zone: Europe/Paris
                      default_language: fr
                    """ + ONE_PILLAR)).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("cmkit", 1, 1,
                            "missing required key 'cmkit', the format version; write 'cmkit: 1' first"));

            assertThat(problemsOf("""
                    cmkit: 2
                    brand:
                      id: cafe-lumiere
                      name: Café Lumière
                      time_zone: Europe/Paris
                      default_language: fr
                    """ + ONE_PILLAR)).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("cmkit", 1, 8,
                            "unsupported format version 2; this version of cmkit reads 'cmkit: 1'"));
        }
    }

    @Nested
    @DisplayName("has its values read and checked:")
    class Values {

        @Test
        @DisplayName("a value of the wrong type says what was expected and what was found")
        void wrongType() {
            List<Problem> problems = problemsOf(BRAND + """
                      accounts: instagram
                    objectives:
                      - id: notoriete
                        title: Se faire connaître à Lyon
                        targets:
                          - metric: followers
                            target: abc
                            period: 2026-Q2
                    editorial_line:
                      tone: [chaleureux, drôle]
                      languages: [fr]
                      pillars:
                        - name: Recettes
                          share: 100
                    """);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(
                            tuple("brand.accounts", 7, 13,
                                    "expected a list, got 'instagram'; write [instagram] for a list of one"),
                            tuple("objectives[0].targets[0].target", 13, 17, "expected a number, got 'abc'"),
                            tuple("editorial_line.tone", 16, 3, "expected a text, got a list"));
        }

        @Test
        @DisplayName("a time zone must exist; a near miss is suggested")
        void badTimeZone() {
            List<Problem> problems = problemsOf("""
                    cmkit: 1
                    brand:
                      id: cafe-lumiere
                      name: Café Lumière
                      time_zone: Europe/Pariss
                      default_language: fr
                    """ + ONE_PILLAR);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("brand.time_zone", 5, 14,
                            "unknown time zone 'Europe/Pariss'; did you mean 'Europe/Paris'?"));
        }

        @Test
        @DisplayName("languages are BCP 47 tags: 'fr_FR' is not one, and 'xx' is no language")
        void badLanguage() {
            List<Problem> problems = problemsOf("""
                    cmkit: 1
                    brand:
                      id: cafe-lumiere
                      name: Café Lumière
                      time_zone: Europe/Paris
                      default_language: fr_FR
                    editorial_line:
                      tone: chaleureux
                      languages: [fr, xx]
                      pillars:
                        - name: Recettes
                          share: 100
                    """);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(
                            tuple("brand.default_language", 6, 21,
                                    "'fr_FR' is not a BCP 47 language tag; did you mean 'fr-FR'?"),
                            tuple("editorial_line.languages[1]", 9, 19,
                                    "unknown language 'xx' in 'xx' (not an ISO 639 code)"));
        }

        @Test
        @DisplayName("a period is a year, a quarter, a month or a range of days")
        void badPeriod() {
            List<Problem> problems = problemsOf(BRAND + """
                    objectives:
                      - id: notoriete
                        title: Se faire connaître à Lyon
                        targets:
                          - metric: followers
                            target: 5000
                            period: 2026-Q5
                          - metric: reach
                            target: 100000
                            period: 2026-06-30..2026-04-01
                    """ + ONE_PILLAR);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(
                            tuple("objectives[0].targets[0].period", 13, 17, "must be a year (2026), a quarter "
                                    + "(2026-Q1), a month (2026-03) or 'YYYY-MM-DD..YYYY-MM-DD', got '2026-Q5'"),
                            tuple("objectives[0].targets[1].period", 16, 17,
                                    "end must not be before start 2026-06-30 (got 2026-04-01)"));
        }

        @Test
        @DisplayName("a direction is at_least (the default) or at_most")
        void direction() throws BrandKitException {
            String kit = BRAND + """
                    objectives:
                      - id: relation
                        title: Répondre vite
                        targets:
                          - metric: response_time_median_minutes
                            target: 90
                            direction: %s
                            period: 2026
                          - metric: response_rate
                            target: 0.95
                            period: 2026
                    """ + ONE_PILLAR;

            assertThat(load(kit.formatted("at_most")).objectives().get(0).targets())
                    .extracting(KpiTarget::direction)
                    .containsExactly(KpiTarget.Direction.AT_MOST, KpiTarget.Direction.AT_LEAST);
            assertThat(problemsOf(kit.formatted("less")))
                    .extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("objectives[0].targets[0].direction", 13, 20,
                            "unknown direction 'less'; expected 'at_least' or 'at_most'"));
        }

        @Test
        @DisplayName("a cadence names weekdays and HH:mm times")
        void badWeekdayAndTime() {
            List<Problem> problems = problemsOf(BRAND + """
                      accounts:
                        - platform: instagram
                          handle: cafe.lumiere.lyon
                    editorial_line:
                      tone: chaleureux
                      languages: [fr]
                      pillars:
                        - name: Recettes
                          share: 100
                      cadences:
                        instagram:
                          posts_per_week: 3
                          days: [mon, mercredi, fri]
                          times: ["8:30", "25:00"]
                    """);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(
                            tuple("editorial_line.cadences.instagram.days[1]", 19, 19,
                                    "unknown weekday 'mercredi'; expected monday to sunday, or mon to sun"),
                            tuple("editorial_line.cadences.instagram.times[1]", 20, 23,
                                    "expected a time of day as HH:mm, from 00:00 to 23:59, got '25:00'"));
        }

        @Test
        @DisplayName("an empty brand name, quoted or not, must not be blank")
        void emptyBrandName() {
            String kit = """
                    cmkit: 1
                    brand:
                      id: cafe-lumiere
                      name:%s
                      time_zone: Europe/Paris
                      default_language: fr
                    """ + ONE_PILLAR;

            assertThat(problemsOf(kit.formatted(" \"\"")))
                    .extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("brand.name", 4, 9, "must not be blank"));
            assertThat(problemsOf(kit.formatted("")))
                    .extracting(Problem::path, Problem::line, Problem::message)
                    .containsExactly(tuple("brand.name", 4, "must not be blank"));
        }

        @Test
        @DisplayName("a percentage is written without its '%' sign")
        void percentSign() {
            List<Problem> problems = problemsOf(BRAND + """
                    editorial_line:
                      tone: chaleureux
                      languages: [fr]
                      pillars:
                        - name: Recettes
                          share: 100%
                    """);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("editorial_line.pillars[0].share", 12, 14,
                            "expected a number, got '100%'; write percentages without '%' (100)"));
        }
    }

    @Nested
    @DisplayName("breaks the rules of a strategy:")
    class Rules {

        @Test
        @DisplayName("the same account twice is reported at the second, naming the first")
        void duplicateAccount() {
            List<Problem> problems = problemsOf(BRAND + """
                      accounts:
                        - platform: instagram
                          handle: cafe.lumiere.lyon
                        - platform: mastodon
                          handle: "@cafelumiere@piaille.fr"
                        - platform: instagram
                          handle: Cafe.Lumiere.Lyon
                    """ + ONE_PILLAR);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("brand.accounts[2]", 12, 7,
                            "duplicates account 'instagram:cafe.lumiere.lyon' (first at line 8)"));
        }

        @Test
        @DisplayName("pillar shares that do not add up to 100 are reported at the pillars, with the sum")
        void pillarSharesNot100() {
            List<Problem> problems = problemsOf(BRAND + """
                    editorial_line:
                      tone: chaleureux
                      languages: [fr]
                      pillars:
                        - name: Du grain à la tasse
                          share: 40
                        - name: Recettes
                          share: 35
                        - name: Coulisses
                          share: 20
                    """);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("editorial_line.pillars", 10, 3,
                            "pillar shares must add up to 100% (got 40 + 35 + 20 = 95%)"));
        }

        @Test
        @DisplayName("a negative target is reported at the target value")
        void negativeTarget() {
            List<Problem> problems = problemsOf(BRAND + """
                    objectives:
                      - id: notoriete
                        title: Se faire connaître à Lyon
                        targets:
                          - metric: followers
                            target: 5000
                            period: 2026-Q2
                          - metric: reach
                            target: -3
                            period: 2026-Q2
                    """ + ONE_PILLAR);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("objectives[0].targets[1].target", 15, 17,
                            "must not be negative (got -3.0)"));
        }

        @Test
        @DisplayName("a cadence on a platform the brand has no account on is reported at that platform")
        void cadenceWithoutAccount() {
            List<Problem> problems = problemsOf(BRAND + """
                      accounts:
                        - platform: instagram
                          handle: cafe.lumiere.lyon
                    editorial_line:
                      tone: chaleureux
                      languages: [fr]
                      pillars:
                        - name: Recettes
                          share: 100
                      cadences:
                        instagram:
                          posts_per_week: 4
                          days: [tue, thu, sat, sun]
                        tiktok:
                          posts_per_week: 2
                          days: [wed, sat]
                    """);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("editorial_line.cadences.tiktok", 20, 5,
                            "a cadence for TikTok, but the brand has no TikTok account; add one under brand.accounts"));
        }

        @Test
        @DisplayName("a target bound to a platform the brand has no account on is reported at that platform")
        void targetWithoutAccount() {
            List<Problem> problems = problemsOf(BRAND + """
                      accounts:
                        - platform: instagram
                          handle: cafe.lumiere.lyon
                    objectives:
                      - id: notoriete
                        title: Se faire connaître à Lyon
                        targets:
                          - metric: followers
                            target: 5000
                            period: 2026-Q2
                            platform: instagran
                    """ + ONE_PILLAR);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("objectives[0].targets[0].platform", 17, 19,
                            "a target for Instagran, but the brand has no Instagran account; did you mean 'instagram'?"));
        }

        @Test
        @DisplayName("a rule only a record knows is traced back to the field it names")
        void recordRuleTracedToField() {
            List<Problem> problems = problemsOf("""
                    cmkit: 1
                    brand:
                      id: Café Lumière
                      name: Café Lumière
                      time_zone: Europe/Paris
                      default_language: fr
                      accounts:
                        - platform: instagram
                          handle: cafe.lumiere.lyon
                    editorial_line:
                      tone: chaleureux
                      languages: [fr]
                      pillars:
                        - name: Recettes
                          share: 100
                      cadences:
                        instagram:
                          posts_per_week: 2
                          days: [tue, sat]
                          times: ["18:00", "09:00"]
                    """);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(
                            tuple("brand.id", 3, 7,
                                    "must be lower-case letters, digits or '-' (at most 64), got 'Café Lumière'"),
                            tuple("editorial_line.cadences.instagram.times[1]", 20, 24,
                                    "must be later than 18:00 (got 09:00)"));
        }

        @Test
        @DisplayName("objective ids and audience names are unique, each repeat reported")
        void uniqueNames() {
            List<Problem> problems = problemsOf(BRAND + """
                    objectives:
                      - id: notoriete
                        title: Se faire connaître
                        targets: [{metric: reach, target: 1000, period: 2026}]
                      - id: notoriete
                        title: Se faire reconnaître
                        targets: [{metric: followers, target: 1000, period: 2026}]
                    audiences:
                      - name: Amateurs
                      - name: amateurs
                    """ + ONE_PILLAR);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(
                            tuple("objectives[1]", 11, 5, "duplicates objective id 'notoriete' (first at line 8)"),
                            tuple("audiences[1]", 16, 5, "duplicates audience 'amateurs' (first at line 15)"));
        }
    }

    @Nested
    @DisplayName("is not plain YAML data:")
    class Yaml {

        @Test
        @DisplayName("a syntax error is reported with its line and column")
        void syntaxError() {
            List<Problem> problems = problemsOf("""
                    cmkit: 1
                    brand:
                      id: cafe-lumiere
                      name: Café Lumière
                       time_zone: Europe/Paris
                    """);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("", 5, 13, "YAML syntax error: mapping values are not allowed here"));
        }

        @Test
        @DisplayName("an unquoted value starting with '@' is a syntax error that says to quote it")
        void unquotedAt() {
            List<Problem> problems = problemsOf("""
                    cmkit: 1
                    brand:
                      accounts:
                        - platform: mastodon
                          handle: @cafelumiere@piaille.fr
                    """);

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(5);
                assertThat(p.column()).isEqualTo(15);
                assertThat(p.message()).startsWith("YAML syntax error: found character '@' that cannot start any token")
                        .endsWith("; a value that starts with '@' or '`' must be quoted");
            });
        }

        @Test
        @DisplayName("anchors, aliases and merge keys are refused: each value is written out")
        void aliasesRefused() {
            List<Problem> problems = problemsOf(BRAND + """
                      accounts:
                        - &insta
                          platform: instagram
                          handle: cafe.lumiere.lyon
                        - *insta
                        - <<: *insta
                          handle: cafelumiere
                    """ + ONE_PILLAR);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(
                            tuple("brand.accounts[0]", 8, 7,
                                    "anchors (here '&insta') are not supported; write each value out in full"),
                            tuple("brand.accounts[1]", 11, 7,
                                    "aliases (here '*insta') are not supported; write the value out in full"),
                            tuple("brand.accounts[2].<<", 12, 7,
                                    "merge keys ('<<') are not supported; write the keys out in full"),
                            tuple("brand.accounts[2].platform", 12, 7, "missing required key 'platform'"));
        }

        @Test
        @DisplayName("YAML tags are refused: no type is ever built from the document")
        void tagsRefused() {
            List<Problem> problems = problemsOf("""
                    cmkit: 1
                    brand: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x"]]]]
                    """);

            assertThat(problems).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .contains(
                            tuple("brand", 2, 8, "YAML tags (here '!!javax.script.ScriptEngineManager') are not "
                                    + "supported; write the plain value, quoted if it must stay text"),
                            tuple("brand[0]", 2, 44, "YAML tags (here '!!java.net.URLClassLoader') are not "
                                    + "supported; write the plain value, quoted if it must stay text"),
                            tuple("brand", 2, 1, "expected a mapping of keys, got a list"));
        }

        @Test
        @DisplayName("a kit is one document: an empty one or a second one is an error")
        void oneDocument() {
            assertThat(problemsOf("# nothing yet\n"))
                    .extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("", 1, 1, "the document is empty; a brand kit starts with 'cmkit: 1'"));
            assertThat(problemsOf(BRAND + """
                    editorial_line:
                      tone: chaleureux
                      languages: [fr]
                      pillars: [{name: Recettes, share: 100}]
                    ---
                    cmkit: 1
                    """)).extracting(Problem::path, Problem::line, Problem::message)
                    .containsExactly(tuple("", 12, "a brand kit is a single YAML document, but a second one starts here"));
        }

        @Test
        @DisplayName("a document that is a list or a text is not a kit")
        void notAMapping() {
            assertThat(problemsOf("- cmkit: 1\n"))
                    .extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(tuple("", 1, 1, "a brand kit is a mapping of keys (cmkit, brand, objectives, "
                            + "audiences, editorial_line), but the document is a list"));
        }

        @Test
        @DisplayName("nesting deeper than the limit stops the reading at the first level too deep")
        void tooDeep() {
            String deep = "cmkit: " + "[".repeat(30) + "]".repeat(30) + "\n";

            assertThat(problemsOf(deep)).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.column()).isEqualTo(8 + BrandKitLoader.MAX_DEPTH - 1);
                assertThat(p.message()).isEqualTo("the document nests deeper than 20 levels; a brand kit never needs more than 6");
            });
        }
    }

    @Nested
    @DisplayName("with many mistakes")
    class AllAtOnce {

        private static final String KIT = """
                cmkit: 1
                brand:
                  id: cafe-lumiere
                  name: ""
                  time_zone: Europe/Lyon
                  default_language: fr
                  accounts:
                    - platform: instagram
                      handle: cafe.lumiere.lyon
                    - platform: instagram
                      handle: cafe.lumiere.lyon
                objectifs: []
                objectives:
                  - id: notoriete
                    title: Se faire connaître à Lyon
                    targets:
                      - metric: followers
                        target: -3
                        period: 2026-Q2
                      - metric: reach
                        target: lots
                        period: 2026-T2
                audiences:
                  - name: Amateurs
                    weight: 2
                    countries: [FR, UK]
                editorial_line:
                  tone: chaleureux
                  languages: [fr]
                  pillars:
                    - name: Recettes
                      share: 60
                    - name: Coulisses
                      share: 30
                  cadences:
                    linkedin:
                      posts_per_week: 2
                      days: [tue, thu]
                """;

        @Test
        @DisplayName("reports every problem in one exception, in document order")
        void everyProblemAtOnce() {
            assertThat(problemsOf(KIT)).extracting(Problem::path, Problem::line, Problem::column, Problem::message)
                    .containsExactly(
                            tuple("brand.name", 4, 9, "must not be blank"),
                            tuple("brand.time_zone", 5, 14,
                                    "unknown time zone 'Europe/Lyon'; use a region name such as 'Europe/Paris' or 'America/Denver'"),
                            tuple("brand.accounts[1]", 10, 7,
                                    "duplicates account 'instagram:cafe.lumiere.lyon' (first at line 8)"),
                            tuple("objectifs", 12, 1, "unknown key 'objectifs'; did you mean 'objectives'?"),
                            tuple("objectives[0].targets[0].target", 18, 17, "must not be negative (got -3.0)"),
                            tuple("objectives[0].targets[1].target", 21, 17, "expected a number, got 'lots'"),
                            tuple("objectives[0].targets[1].period", 22, 17, "must be a year (2026), a quarter "
                                    + "(2026-Q1), a month (2026-03) or 'YYYY-MM-DD..YYYY-MM-DD', got '2026-T2'"),
                            tuple("audiences[0].countries[1]", 26, 21,
                                    "'UK' is not an ISO 3166-1 alpha-2 country code; the United Kingdom is 'GB'"),
                            tuple("editorial_line.pillars", 30, 3, "pillar shares must add up to 100% (got 60 + 30 = 90%)"),
                            tuple("editorial_line.cadences.linkedin", 36, 5,
                                    "a cadence for LinkedIn, but the brand has no LinkedIn account; add one under brand.accounts"));
        }

        @Test
        @DisplayName("and its message lists them one per line as source:line:column: path: message")
        void messageListsEveryProblem() {
            try {
                BrandKitLoader.parse(KIT, "cafe-lumiere.yaml");
                fail("expected a BrandKitException");
            } catch (BrandKitException e) {
                assertThat(e.getMessage().lines()).hasSize(e.problems().size())
                        .startsWith("cafe-lumiere.yaml:4:9: brand.name: must not be blank")
                        .contains("cafe-lumiere.yaml:18:17: objectives[0].targets[0].target: must not be negative (got -3.0)");
            }
        }
    }
}
