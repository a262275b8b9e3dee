package io.cmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The demo's counted words agree with their number, in French and in English")
class LabelsTest {

    private final Labels french = new Labels(Locale.FRENCH);
    private final Labels english = new Labels(Locale.ENGLISH);

    @Test
    @DisplayName("French takes the singular for 0 and 1, English for 1 only")
    void agreement() {
        assertThat(french.count(0, "alerts")).isEqualTo("0 alerte");
        assertThat(french.count(1, "postsPublished")).isEqualTo("1 publiée");
        assertThat(french.count(2, "postsPublished")).isEqualTo("2 publiées");
        assertThat(french.count(1, "action.HIDE")).isEqualTo("1 masqué");
        assertThat(french.count(3, "action.FLAG")).isEqualTo("3 signalés");
        assertThat(english.count(0, "alerts")).isEqualTo("0 alerts");
        assertThat(english.count(1, "comments")).isEqualTo("1 comment");
        assertThat(english.count(1, "action.REPLY")).isEqualTo("1 reply");
        assertThat(english.count(12, "action.REPLY")).isEqualTo("12 replies");
        // The plan's lines too ("1 publications au calendrier" was printed for a one-day week).
        assertThat(french.count(1, "entries")).isEqualTo("1 publication au calendrier");
        assertThat(french.count(1, "approvedScheduled")).isEqualTo("1 publication relue, approuvée et programmée");
        assertThat(french.count(19, "approvedScheduled")).isEqualTo("19 publications relues, approuvées et programmées");
        assertThat(english.count(1, "entries")).isEqualTo("1 calendar entry");
        assertThat(english.count(1, "postsMeasured")).isEqualTo("1 post measured");
        assertThat(french.agreeing(1, "scheduled")).isEqualTo("programmée");
        assertThat(french.agreeing(2, "scheduled")).isEqualTo("programmées");
        assertThat(english.count(1, "perWeek")).isEqualTo("1 post/week");
        assertThat(french.count(5, "perWeek")).isEqualTo("5 posts/semaine");
        assertThat(english.percent("40")).isEqualTo("40%");
        assertThat(french.percent("40")).isEqualTo("40 %");
    }

    @Test
    @DisplayName("an unknown label is a programming error that names the key")
    void unknownKey() {
        assertThatThrownBy(() -> french.count(2, "nope")).hasMessageContaining("'nope'");
    }
}
