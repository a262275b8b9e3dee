package io.cmkit.examples.demo;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Strategy;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.strategy.BrandKitException;
import io.cmkit.core.strategy.BrandKitLoader;
import io.cmkit.core.strategy.PlatformFit;
import io.cmkit.core.strategy.PlatformRanking;
import io.cmkit.core.strategy.PlatformReference;
import io.cmkit.core.strategy.PlatformScore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The README's demo: a community manager's week, end to end. Loads a brand kit, prints the
 * strategy and the platform ranking, plans the week from past sandbox data, takes the posts
 * through approval and schedules them, runs the simulated week (publishing, inbox, moderation,
 * listening and alerts, a live launch), boosts the best posts within a budget, writes the client
 * dashboard and prints a summary. Deterministic for a given {@code --seed}.
 */
public final class Demo {

    static final String BUNDLED_KIT = "brand-kits/cafe-lumiere.fr.yaml";

    private final PrintStream out;
    private final PrintStream err;

    Demo(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = new Demo(out, err).run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the demo; 0 on success, 2 on bad options or a bad brand kit, 1 on any other failure. */
    int run(String... args) {
        final DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        final Strategy strategy;
        try {
            strategy = loadKit(options);
        } catch (BrandKitException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            return run(options, strategy);
        } catch (ConnectorException | IOException | RuntimeException e) {
            err.println("the demo failed: " + e);
            return 1;
        }
    }

    private static Strategy loadKit(DemoOptions options) throws BrandKitException {
        if (options.brandKit().isPresent()) {
            return BrandKitLoader.load(options.brandKit().get());
        }
        try (InputStream in = Demo.class.getClassLoader().getResourceAsStream(BUNDLED_KIT)) {
            if (in == null) {
                throw new IllegalStateException("the bundled brand kit " + BUNDLED_KIT + " is missing from the class path");
            }
            return BrandKitLoader.load(in, "cafe-lumiere.fr.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled brand kit " + BUNDLED_KIT, e);
        }
    }

    private int run(DemoOptions options, Strategy strategy) throws ConnectorException, IOException {
        Locale language = options.language();
        Labels labels = new Labels(language);
        out.println(labels.get("title") + "  (seed " + options.seed() + ", " + options.days() + " " + labels.get("day")
                + (options.days() > 1 ? "s" : "") + ")");

        StrategySummary summary = new StrategySummary(out, language);
        summary.print(strategy);
        PlatformRanking ranking = new PlatformFit(PlatformReference.defaults()).explainingIn(language).rank(strategy);
        summary.print(ranking, strategy);

        // The brand's accounts, best-fitting platform first.
        List<Account> accounts = new ArrayList<>(strategy.brand().accounts());
        accounts.sort((a, b) -> Double.compare(scoreOf(ranking, b.platform()), scoreOf(ranking, a.platform())));

        CommunityWeek.Outcome week = new CommunityWeek(out, options, strategy, accounts).run();
        WeekSummary.printModeration(out, labels, week.tally());
        List<io.cmkit.analytics.objective.ObjectiveProgress> objectives = WeekObjectives.track(strategy, week);
        List<Path> files = new Dashboard(strategy, options, week, objectives).write();
        WeekSummary.print(out, labels, options, week, objectives, files);
        out.println();
        out.println(labels.get("done"));
        return 0;
    }

    private static double scoreOf(PlatformRanking ranking, Platform platform) {
        return ranking.scoreOf(platform).map(PlatformScore::score).orElse(-1.0);
    }

    static String oneLine(String text) {
        return oneLine(text, 90);
    }

    static String oneLine(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > max ? flat.substring(0, max - 1) + "…" : flat;
    }

    private void heading(String title) {
        out.println();
        out.println(title);
        out.println("─".repeat(Math.min(72, title.length() + 4)));
    }
}
