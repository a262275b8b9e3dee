package io.cmkit.examples.demo;

import io.cmkit.analytics.kpi.KpiValue;
import io.cmkit.analytics.kpi.MetricNames;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Audience;
import io.cmkit.core.model.EditorialLine;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Objective;
import io.cmkit.core.model.PostingCadence;
import io.cmkit.core.model.Strategy;
import io.cmkit.core.strategy.FitReason;
import io.cmkit.core.strategy.PlatformRanking;
import io.cmkit.core.strategy.PlatformScore;
import java.io.PrintStream;
import java.text.NumberFormat;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a strategy and a platform ranking the way a community manager would read them. */
final class StrategySummary {

    private final PrintStream out;
    private final Labels labels;
    private final Locale locale;

    StrategySummary(PrintStream out, Locale locale) {
        this.out = out;
        this.locale = locale;
        this.labels = new Labels(locale);
    }

    void print(Strategy strategy) {
        var brand = strategy.brand();
        heading(labels.get("strategy") + " — " + brand.name());
        out.printf("  %-16s %s (%s)%n", labels.get("brand"), brand.name(), brand.id());
        out.printf("  %-16s %s%n", labels.get("timezone"), brand.timeZone());
        out.printf("  %-16s %s%n", labels.get("accounts"), brand.accounts().stream()
                .map(a -> a.platform().displayName() + " " + handle(a)).collect(Collectors.joining(", ")));

        out.println();
        out.println("  " + labels.get("objectives"));
        for (Objective objective : strategy.objectives()) {
            out.println("  • " + objective.title() + " [" + objective.id() + "]");
            for (KpiTarget target : objective.targets()) {
                out.printf("      %s %s %s — %s%s%n", MetricNames.of(target.metric(), locale),
                        labels.get(target.direction() == KpiTarget.Direction.AT_LEAST ? "atLeast" : "atMost"),
                        WeekSummary.value(locale, target.metric(), KpiValue.of(target.target())), target.period(),
                        target.platform().map(p -> " (" + p.displayName() + ")").orElse(""));
            }
        }

        out.println();
        out.println("  " + labels.get("audiences"));
        for (Audience audience : strategy.audiences()) {
            out.printf("  • %s (×%s) — %s; %s; %s%n", audience.name(), number(audience.weight()),
                    audience.ageRanges().stream().map(Object::toString).collect(Collectors.joining(", ")),
                    String.join(", ", audience.countries()), labels.count(audience.personas().size(), "personas"));
        }

        EditorialLine line = strategy.editorialLine();
        out.println();
        out.println("  " + labels.get("editorial"));
        out.printf("    %-14s %s%n", labels.get("tone"), line.tone());
        out.printf("    %-14s %s%n", labels.get("languages"),
                line.languages().stream().map(Locale::toLanguageTag).collect(Collectors.joining(", ")));
        out.printf("    %-14s %s%n", labels.get("pillars"), line.pillars().stream()
                .map(p -> p.name() + " " + labels.percent(number(p.targetShare()))).collect(Collectors.joining(" · ")));
        for (PostingCadence cadence : line.cadences()) {
            out.printf("    %-14s %s%s%s (%s)%n", labels.get("cadence"), cadence.platform().displayName(),
                    labels.colon(), labels.count(cadence.postsPerWeek(), "perWeek"),
                    cadence.days().stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale))
                            .collect(Collectors.joining(" ")));
        }
    }

    void print(PlatformRanking ranking, Strategy strategy) {
        heading(labels.get("ranking"));
        int rank = 1;
        for (PlatformScore score : ranking.scores()) {
            boolean hasAccount = strategy.brand().accountOn(score.platform()).isPresent();
            out.printf(locale, "  %d. %-10s %5.1f  %s%n", rank++, score.platform().displayName(), score.score(),
                    hasAccount ? "✓ " + labels.get("account") : "  " + labels.get("noAccount"));
            score.reasons().stream()
                    .sorted(Comparator.comparingDouble(FitReason::contribution).reversed())
                    .limit(2)
                    .forEach(reason -> out.println("       " + labels.get("why") + labels.colon() + reason.explanation()));
            if (!score.leftOut().isEmpty()) {
                out.println("       " + labels.get("noData") + ": " + String.join("; ", score.leftOut()));
            }
        }
        for (PlatformRanking.Excluded excluded : ranking.excluded()) {
            out.printf("  -  %-10s %s%s%s%n", excluded.platform().displayName(), labels.get("excluded"), labels.colon(),
                    excluded.reason());
        }
    }

    private void heading(String title) {
        out.println();
        out.println(title);
        out.println("─".repeat(Math.min(72, title.length() + 4)));
    }

    private String number(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(3);
        return format.format(value);
    }

    private static String handle(Account account) {
        return "@" + account.handle();
    }
}
