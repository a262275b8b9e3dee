package io.cmkit.examples.demo;

import io.cmkit.listening.alert.Alert;
import io.cmkit.moderation.Action;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened during the simulated week, counted as it happens (from the scheduler's, the
 * inbox's, the moderator's and listening's own events), for the progress lines, the summary and
 * the dashboard.
 */
final class WeekTally {

    /** One carried-out moderation action, with the rule's category and the decision's explanation. */
    record Moderated(Action action, String category, String author, String text, String explanation) {
    }

    long published;
    long livePublished;
    long comments;
    long mentions;
    long questions;
    final Map<Action, Long> actions = new EnumMap<>(Action.class);
    final Map<String, Long> actionsByCategory = new TreeMap<>();
    final List<Moderated> examples = new ArrayList<>();
    final List<Alert> alerts = new ArrayList<>();

    synchronized void moderated(Moderated what) {
        actions.merge(what.action(), 1L, Long::sum);
        actionsByCategory.merge(what.action().name() + "|" + what.category(), 1L, Long::sum);
        // One example per action. One decision often carries several actions (hide + flag + reply),
        // so an example shown under another action too gives way to the next comment not shown yet.
        int same = -1;
        for (int i = 0; i < examples.size(); i++) {
            if (examples.get(i).action() == what.action()) {
                same = i;
            }
        }
        if (same < 0) {
            examples.add(what);
        } else if (shownTwice(examples.get(same)) && !shown(what.text())) {
            examples.set(same, what);
        }
    }

    private boolean shown(String text) {
        return examples.stream().anyMatch(e -> e.text().equals(text));
    }

    private boolean shownTwice(Moderated example) {
        return examples.stream().filter(e -> e.text().equals(example.text())).count() > 1;
    }

    synchronized long moderatedCount(Action action) {
        return actions.getOrDefault(action, 0L);
    }

    /** A copy of the counters, to print what one day added. */
    synchronized WeekTally snapshot() {
        WeekTally copy = new WeekTally();
        copy.published = published;
        copy.livePublished = livePublished;
        copy.comments = comments;
        copy.mentions = mentions;
        copy.questions = questions;
        copy.actions.putAll(actions);
        copy.alerts.addAll(alerts);
        return copy;
    }
}
