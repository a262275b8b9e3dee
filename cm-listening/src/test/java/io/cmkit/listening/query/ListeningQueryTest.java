package io.cmkit.listening.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.listening.query.QueryNode.And;
import io.cmkit.listening.query.QueryNode.Filter;
import io.cmkit.listening.query.QueryNode.Near;
import io.cmkit.listening.query.QueryNode.Not;
import io.cmkit.listening.query.QueryNode.Or;
import io.cmkit.listening.query.QueryNode.Phrase;
import io.cmkit.listening.query.QueryNode.Prefix;
import io.cmkit.listening.query.QueryNode.Term;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListeningQueryTest {

    private static QueryNode parse(String q) {
        return ListeningQuery.parse(q).root();
    }

    @Nested
    @DisplayName("constructs")
    class Constructs {

        @Test
        @DisplayName("a word is normalised: case, accents, look-alike letters")
        void word() {
            assertThat(parse("Café")).isEqualTo(new Term("cafe"));
            assertThat(parse("ÉTÉ")).isEqualTo(new Term("ete"));
            // Cyrillic 'а' and 'е' read as Latin letters
            assertThat(parse("c\u0430f\u0435")).isEqualTo(new Term("cafe"));
        }

        @Test
        @DisplayName("a quoted phrase is its tokens in order; one token in quotes is a word")
        void phrase() {
            assertThat(parse("\"Café  Lumière\"")).isEqualTo(new Phrase(List.of("cafe", "lumiere")));
            assertThat(parse("\"lumière\"")).isEqualTo(new Term("lumiere"));
            assertThat(parse("«café lumière»")).isEqualTo(new Phrase(List.of("cafe", "lumiere")));
        }

        @Test
        @DisplayName("a bare term with punctuation inside becomes a phrase of its parts")
        void punctuatedTerm() {
            assertThat(parse("l'arnaque")).isEqualTo(new Phrase(List.of("l", "arnaque")));
            assertThat(parse("e-mail")).isEqualTo(new Phrase(List.of("e", "mail")));
        }

        @Test
        @DisplayName("hashtags and mentions keep their sign")
        void hashtagsAndMentions() {
            assertThat(parse("#BadBuzz")).isEqualTo(new Term("#badbuzz"));
            assertThat(((Term) parse("#BadBuzz")).kind()).isEqualTo(QueryNode.TermKind.HASHTAG);
            assertThat(parse("@Cafe_Lumiere")).isEqualTo(new Term("@cafe_lumiere"));
            assertThat(((Term) parse("@alice.bsky.social")).kind()).isEqualTo(QueryNode.TermKind.MENTION);
        }

        @Test
        @DisplayName("a prefix wildcard keeps its stem, also on hashtags")
        void prefix() {
            assertThat(parse("Arnaq*")).isEqualTo(new Prefix("arnaq"));
            assertThat(parse("#cafe*")).isEqualTo(new Prefix("#cafe"));
        }

        @Test
        @DisplayName("AND, OR, NOT and - build the tree; && and || are synonyms")
        void booleans() {
            assertThat(parse("a AND b")).isEqualTo(new And(List.of(new Term("a"), new Term("b"))));
            assertThat(parse("a && b")).isEqualTo(parse("a AND b"));
            assertThat(parse("a OR b")).isEqualTo(new Or(List.of(new Term("a"), new Term("b"))));
            assertThat(parse("a || b")).isEqualTo(parse("a OR b"));
            assertThat(parse("a NOT b")).isEqualTo(new And(List.of(new Term("a"), new Not(new Term("b")))));
            assertThat(parse("a -b")).isEqualTo(parse("a AND NOT b"));
            assertThat(parse("a -\"b c\"")).isEqualTo(new And(List.of(new Term("a"), new Not(new Phrase(List.of("b", "c"))))));
        }

        @Test
        @DisplayName("juxtaposed terms are joined by an implicit AND")
        void implicitAnd() {
            assertThat(parse("cafe lumiere")).isEqualTo(new And(List.of(new Term("cafe"), new Term("lumiere"))));
            assertThat(parse("cafe (a OR b)")).isEqualTo(parse("cafe AND (a OR b)"));
        }

        @Test
        @DisplayName("lower-case and, or, not are plain words")
        void lowerCaseOperators() {
            assertThat(parse("salt and pepper")).isEqualTo(
                    new And(List.of(new Term("salt"), new Term("and"), new Term("pepper"))));
        }

        @Test
        @DisplayName("NEAR/n joins words, phrases, wildcards and OR-groups")
        void near() {
            assertThat(parse("cafe NEAR/3 arnaq*")).isEqualTo(new Near(new Term("cafe"), new Prefix("arnaq"), 3));
            assertThat(parse("\"cafe lumiere\" NEAR/0 (froid OR tiede)")).isEqualTo(new Near(
                    new Phrase(List.of("cafe", "lumiere")), new Or(List.of(new Term("froid"), new Term("tiede"))), 0));
        }

        @Test
        @DisplayName("filters: lang, from, site, platform, with their values tidied")
        void filters() {
            assertThat(parse("cafe lang:FR")).isEqualTo(new And(List.of(new Term("cafe"), new Filter(FilterField.LANG, "fr"))));
            assertThat(parse("cafe lang:fr-CA")).isEqualTo(parse("cafe lang:fr"));
            assertThat(parse("cafe from:@Alice")).isEqualTo(new And(List.of(new Term("cafe"), new Filter(FilterField.FROM, "alice"))));
            assertThat(parse("cafe site:https://www.Exemple.fr/a")).isEqualTo(
                    new And(List.of(new Term("cafe"), new Filter(FilterField.SITE, "www.exemple.fr"))));
            assertThat(parse("cafe platform:Twitter")).isEqualTo(
                    new And(List.of(new Term("cafe"), new Filter(FilterField.PLATFORM, "x"))));
            assertThat(parse("cafe -platform:x")).isEqualTo(
                    new And(List.of(new Term("cafe"), new Not(new Filter(FilterField.PLATFORM, "x")))));
        }

        @Test
        @DisplayName("the text is kept as written")
        void text() {
            ListeningQuery q = ListeningQuery.parse("  Café -promo ");
            assertThat(q.text()).isEqualTo("  Café -promo ");
            assertThat(q.toString()).isEqualTo("  Café -promo ");
        }
    }

    @Nested
    @DisplayName("precedence: NOT, then NEAR, then AND, then OR")
    class Precedence {

        @ParameterizedTest(name = "{0}  reads  {1}")
        @CsvSource(delimiter = '|', value = {
            "a OR b c                | a OR (b AND c)",
            "a b OR c                | (a AND b) OR c",
            "a OR b AND c OR d       | a OR (b AND c) OR d",
            "(a OR b) c              | (a OR b) AND c",
            "a NEAR/2 b c            | (a NEAR/2 b) AND c",
            "a NEAR/2 b OR c         | (a NEAR/2 b) OR c",
            "a NEAR/2 b NEAR/3 c     | (a NEAR/2 b) NEAR/3 c",
            "a OR b NEAR/1 c         | a OR (b NEAR/1 c)",
            "a -b c                  | a AND NOT b AND c",
            "a NOT b OR c            | (a AND NOT b) OR c",
            "a -(b OR c)             | a AND NOT (b OR c)",
            "a AND (b AND c) AND d   | a AND b AND c AND d",
            "((a))                   | a",
        })
        void readsAs(String query, String canonical) {
            assertThat(parse(query).toString()).isEqualTo(canonical);
        }
    }

    @Nested
    @DisplayName("errors name the column, the token and what to do")
    class Errors {

        @ParameterizedTest(name = "[{index}] ''{0}''")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "cafe lumiere NEAR/x a          | 14 | NEAR/x       | NEAR/n needs a number, e.g. NEAR/3",
            "cafe NEAR a                    | 6  | NEAR         | NEAR/n needs a number, e.g. NEAR/3",
            "cafe NEAR/101 a                | 6  | NEAR/101     | NEAR/n allows at most 100 words between its sides",
            "cafe AND                       | 9  | end of query | 'AND' needs a word, phrase or group after it",
            "OR cafe                        | 1  | OR           | 'OR' needs a word, phrase or group on both sides",
            "cafe OR OR the                 | 9  | OR           | 'OR' needs a word, phrase or group after it",
            "(cafe OR the                   | 1  | (            | this '(' is not closed: add a ')'",
            "cafe)                          | 5  | )            | this ')' closes nothing: remove it or add a '(' before",
            "cafe ()                        | 6  | (            | these parentheses are empty: put a word inside or remove them",
            "`cafe \"lumiere`                | 6  | \"lumiere    | this phrase is not closed: add a \" at its end",
            "`\"!!\" a`                       | 1  | \"!!\"       | this phrase has no letters or digits to look for",
            "`\"caf* lumiere\"`               | 1  | \"caf* lumiere\" | wildcards (*) do not work inside quotes: remove the *, or write the words with NEAR/0",
            "*cafe                          | 1  | *cafe        | only prefix wildcards work: put one * at the end of a word, e.g. brand*",
            "ca*fe                          | 1  | ca*fe        | only prefix wildcards work: put one * at the end of a word, e.g. brand*",
            "a*                             | 1  | a*           | a wildcard needs at least 2 letters before the * (it would match too many words)",
            "cafe-lum*                      | 1  | cafe-lum*    | a wildcard works on one word, and 'cafe-lum' is several: quote the words before it, or drop the *",
            "cafe !!!                       | 6  | !!!          | '!!!' has no letters or digits to look for",
            "cafe - promo                   | 6  | -            | '-' excludes the word stuck to it: write -promo, without a space",
            "-promo                         | 1  | -            | NOT (or -) only excludes: write what to look for beside it, e.g. 'cafe -promo'",
            "NOT a NOT b                    | 1  | NOT          | NOT (or -) only excludes: write what to look for beside it, e.g. 'cafe -promo'",
            "cafe OR -promo                 | 9  | -            | NOT (or -) cannot be an alternative of OR: write 'a -b' or 'a AND NOT b' to exclude b from a",
            "cafe NOT NOT promo             | 6  | NOT          | two NOTs in a row cancel out: remove both",
            "cafe NEAR/3 -promo             | 13 | -            | NEAR/3 joins words, phrases, wildcards, or OR-groups of them; put AND, NOT and filters outside it",
            "(a b) NEAR/3 c                 | 1  | (            | NEAR/3 joins words, phrases, wildcards, or OR-groups of them; put AND, NOT and filters outside it",
            "cafe NEAR/2 lang:fr            | 13 | lang:fr      | NEAR/2 joins words, phrases, wildcards, or OR-groups of them; put AND, NOT and filters outside it",
            "lang:fr                        | 1  | lang:fr      | the query needs a word, phrase, #hashtag or @mention to look for (NOT and lang:, from:, site:, platform: only narrow a search)",
            "cafe OR lang:fr                | 9  | lang:fr      | each side of OR needs a word, phrase, #hashtag or @mention to look for (a filter alone would match every post it allows)",
            "cafe lang:                     | 6  | lang:        | lang: needs a value right after the colon, e.g. lang:fr",
            "cafe lang:french               | 6  | lang:french  | lang: needs a language code such as fr or en",
            "cafe site:nodot                | 6  | site:nodot   | site: needs a domain such as example.fr",
            "cafe platform:?!               | 6  | platform:?!  | platform: needs a platform name such as x, mastodon or bluesky",
            "cafe from:@                    | 6  | from:@       | from: needs the author's handle, e.g. from:cafe_lumiere",
            "cafe color:red                 | 6  | color:red    | unknown field 'color:': use lang:, from:, site: or platform: (or quote it to look for the text)",
            "`   `                          | 1  | end of query | the query is empty: write at least one word to look for",
        })
        void rejected(String query, int column, String token, String problem) {
            assertThatThrownBy(() -> ListeningQuery.parse(query))
                    .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                        assertThat(e.problem()).isEqualTo(problem);
                        assertThat(e.column()).isEqualTo(column);
                        assertThat(e.token()).isEqualTo(token);
                        assertThat(e.getMessage()).isEqualTo(problem + " (column " + column + ", at '" + token + "')");
                    });
        }

        @Test
        @DisplayName("the message says what, where and how to fix it")
        void message() {
            assertThatThrownBy(() -> ListeningQuery.parse("cafe lumiere NEAR/x a"))
                    .hasMessage("NEAR/n needs a number, e.g. NEAR/3 (column 14, at 'NEAR/x')");
        }
    }

    @Test
    @DisplayName("TextAnalysis splits words, hashtags and mentions of normalised text")
    void analysis() {
        assertThat(TextAnalysis.tokens("L'ÉTÉ chez @Cafe_Lumiere, #BonPlan ! mail: a@b.fr #1 x#y"))
                .containsExactly("l", "ete", "chez", "@cafe_lumiere", "#bonplan", "mail", "a", "b", "fr", "#1", "x", "y");
    }
}
