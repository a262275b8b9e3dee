package io.cmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.cmkit.moderation.Action;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The week's tally")
class WeekTallyTest {

    private static WeekTally.Moderated moderated(Action action, String text) {
        return new WeekTally.Moderated(action, "insult", "someone", text, "Rule 'insults'");
    }

    @Test
    @DisplayName("keeps one example per action, a comment shown under two actions giving way to one not shown yet")
    void oneExamplePerActionPreferringDistinctComments() {
        WeekTally tally = new WeekTally();
        tally.moderated(moderated(Action.HIDE, "guignol"));
        tally.moderated(moderated(Action.REPLY, "guignol"));      // the same decision: hide + reply
        tally.moderated(moderated(Action.HIDE, "clown"));        // HIDE's example gives way: "guignol" is shown twice
        tally.moderated(moderated(Action.REPLY, "idiot"));       // REPLY's stays: "guignol" is now shown once
        tally.moderated(moderated(Action.DELETE, "spam"));

        assertThat(tally.examples).extracting(WeekTally.Moderated::action, WeekTally.Moderated::text)
                .containsExactly(tuple(Action.HIDE, "clown"), tuple(Action.REPLY, "guignol"), tuple(Action.DELETE, "spam"));
        assertThat(tally.moderatedCount(Action.REPLY)).isEqualTo(2);
        assertThat(tally.moderatedCount(Action.HIDE)).isEqualTo(2);
    }
}
