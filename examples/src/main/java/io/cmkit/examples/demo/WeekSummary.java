package io.cmkit.examples.demo;

import io.cmkit.analytics.kpi.Kpi;
import io.cmkit.analytics.kpi.KpiUnit;
import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.kpi.MetricNames;
import io.cmkit.analytics.objective.ObjectiveProgress;
import io.cmkit.analytics.objective.TargetProgress;
import io.cmkit.analytics.report.Pacing;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Metric;
import io.cmkit.listening.alert.Alert;
import io.cmkit.listening.sentiment.SentimentLabel;
import io.cmkit.moderation.Action;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Prints the week's explained moderation decisions and the closing summary table. */
final class WeekSummary {

    /** The moderation actions the summary lists, in this order. */
    static final List<Action> ACTIONS = List.of(Action.HIDE, Action.DELETE, Action.REPLY, Action.FLAG, Action.ESCALATE,
            Action.BLOCK_AUTHOR);

    private WeekSummary() {
    }

    static void printModeration(PrintStream out, Labels labels, WeekTally tally) {
        heading(out, labels.get("moderation"));
        for (WeekTally.Moderated m : tally.examples) {
            out.printf("  [%s] @%s: %s%n      → %s%n", labels.get("one." + m.action().name()), m.author(), Demo.oneLine(m.text(), 80),
                    Demo.oneLine(m.explanation(), 240));
        }
        if (tally.examples.isEmpty()) {
            out.println("  —");
        }
    }

    static void print(PrintStream out, Labels labels, DemoOptions options, CommunityWeek.Outcome week,
                      List<ObjectiveProgress> objectives, List<Path> files) {
        WeekTally tally = week.tally();
        heading(out, labels.get("summary"));
        row(out, labels.get("sum.posts"), String.valueOf(tally.published));
        row(out, labels.get("sum.live"), String.valueOf(tally.livePublished));
        row(out, labels.get("sum.comments"), String.valueOf(tally.comments));
        row(out, labels.get("sum.mentions"), String.valueOf(tally.mentions));
        Map<String, Long> tagged = week.listening().taggedByQuery();
        row(out, labels.get("sum.tagged"), tagged.getOrDefault("brand", 0L) + " / " + tagged.getOrDefault("competitor", 0L));
        long positive = 0;
        long neutral = 0;
        long negative = 0;
        for (Map<SentimentLabel, Long> day : week.listening().sentimentByDay().values()) {
            positive += day.getOrDefault(SentimentLabel.POSITIVE, 0L);
            neutral += day.getOrDefault(SentimentLabel.NEUTRAL, 0L);
            negative += day.getOrDefault(SentimentLabel.NEGATIVE, 0L);
        }
        row(out, labels.get("sum.sentiment"), positive + " / " + neutral + " / " + negative);
        long moderated = ACTIONS.stream().mapToLong(tally::moderatedCount).sum();
        row(out, labels.get("sum.moderated"), String.valueOf(moderated));
        for (Action action : ACTIONS) {
            row(out, "  " + labels.get("action." + action.name()), String.valueOf(tally.moderatedCount(action)));
        }
        row(out, labels.get("sum.questions"), String.valueOf(week.live().questions()));
        for (String question : week.live().topQuestions()) {
            out.println("    " + Demo.oneLine(question, 70));
        }
        row(out, labels.get("sum.alerts"), String.valueOf(tally.alerts.size()));
        for (Alert alert : tally.alerts) {
            row(out, "  " + labels.get("alert." + alert.kind().name()), alert.series().toString());
        }
        row(out, labels.get("sum.boosts"), week.boosts().applied() + " (" + Boosts.number(week.boosts().committed(), options.language())
                + " / " + Boosts.money(week.boosts().envelope(), options.language()) + ")");
        printObjectives(out, labels, options, objectives, week.firstDay().plusDays(options.days() - 1));
        out.println();
        out.println(labels.get("files") + " " + options.out().toAbsolutePath().normalize() + ":");
        for (Path file : files) {
            out.println("  " + options.out().relativize(file));
        }
    }

    /**
     * One line per objective target: objective, KPI, actual / target, pacing (the dashboard's), and
     * the forecast to the period's end; "not available" comes with its reason.
     */
    static void printObjectives(PrintStream out, Labels labels, DemoOptions options, List<ObjectiveProgress> objectives,
                                java.time.LocalDate asOf) {
        if (objectives.isEmpty()) {
            return;
        }
        heading(out, String.format(labels.get("sum.objectives"),
                asOf.format(DateTimeFormatter.ofPattern("d MMM yyyy", options.language()))));
        for (ObjectiveProgress objective : objectives) {
            for (TargetProgress target : objective.targets()) {
                KpiTarget goal = target.target();
                String kpi = MetricNames.of(goal.metric(), options.language()) + goal.platform().map(p -> " (" + p.displayName() + ")").orElse("");
                String direction = goal.direction() == KpiTarget.Direction.AT_MOST ? "≤ " : "≥ ";
                Pacing pacing = WeekObjectives.reportPacing(target);
                String line = String.format("  %-20s %-40s %s / %s%s  %s", objective.objective().id(), kpi,
                        value(options, goal.metric(), target.actual()), direction,
                        value(options, goal.metric(), KpiValue.of(goal.target())), labels.get("pacing." + pacing.name()));
                if (target.actual() instanceof KpiValue.NotAvailable missing) {
                    line += " — " + missing.reason().describe(options.language());
                } else if (target.forecast().isAvailable()) {
                    line += String.format(options.language(), options.french() ? " (%s %s, %.0f %% %s)" : " (%s %s, %.0f%% %s)",
                            labels.get("forecast"),
                            value(options, goal.metric(), target.forecast()), target.elapsed() * 100, labels.get("elapsed"));
                }
                out.println(line);
            }
        }
    }

    /** A KPI value as the summary prints it: a count rounded, a rate in per cent, a time in minutes. */
    static String value(DemoOptions options, Metric metric, KpiValue value) {
        return value(options.language(), metric, value);
    }

    /** The same in {@code language}: counts grouped by thousands as the language writes them (14 564, 14,564). */
    static String value(java.util.Locale language, Metric metric, KpiValue value) {
        if (!value.isAvailable()) {
            return language.getLanguage().equals("fr") ? "n.d." : "n/a";
        }
        double v = value.asDouble().getAsDouble();
        KpiUnit unit = Kpi.forMetric(metric).map(Kpi::unit).orElse(KpiUnit.COUNT);
        return switch (unit) {
            // French puts a space before the per cent sign, English does not.
            case RATIO -> String.format(language, language.getLanguage().equals("fr") ? "%.2f %%" : "%.2f%%", v * 100);
            case MINUTES -> String.format(language, "%.0f min", v);
            default -> java.text.NumberFormat.getIntegerInstance(language).format(Math.round(v));
        };
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf("  %-44s %s%n", label, value);
    }

    private static void heading(PrintStream out, String title) {
        out.println();
        out.println(title);
        out.println("─".repeat(Math.min(72, title.length() + 4)));
    }
}
