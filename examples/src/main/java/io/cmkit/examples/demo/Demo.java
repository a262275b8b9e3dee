package io.cmkit.examples.demo;

import io.cmkit.connectors.sandbox.InteractionFacts;
import io.cmkit.connectors.sandbox.Intent;
import io.cmkit.connectors.sandbox.SandboxConfig;
import io.cmkit.connectors.sandbox.SandboxWorld;
import io.cmkit.connectors.sandbox.SimulatedClock;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.model.Strategy;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorContext;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Connectors;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Pager;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The README's demo: loads a brand kit, prints the strategy and the platform ranking, publishes a
 * post on each of the brand's platforms in the sandbox, lets the simulated audience react for a
 * few days and prints what happened. Deterministic for a given {@code --seed}.
 */
public final class Demo {

    /** The simulated Monday the demo's week starts on, at 09:00 in the brand's time zone. */
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 2);
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
        } catch (ConnectorException e) {
            err.println(e.getMessage());
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

    private int run(DemoOptions options, Strategy strategy) throws ConnectorException {
        Locale language = options.language();
        Labels labels = new Labels(language);
        out.println(labels.get("title") + "  (seed " + options.seed() + ")");

        StrategySummary summary = new StrategySummary(out, language);
        summary.print(strategy);
        PlatformRanking ranking = new PlatformFit(PlatformReference.defaults()).explainingIn(language).rank(strategy);
        summary.print(ranking, strategy);

        // The brand's accounts, best-fitting platform first.
        List<Account> accounts = new ArrayList<>(strategy.brand().accounts());
        accounts.sort((a, b) -> Double.compare(scoreOf(ranking, b.platform()), scoreOf(ranking, a.platform())));

        var zone = strategy.brand().timeZone();
        SimulatedClock clock = SimulatedClock.at(ZonedDateTime.of(FIRST_DAY, LocalTime.of(9, 0), zone).toInstant());
        // The sandbox audience writes French and English; other languages of the line are left to real audiences.
        Locale[] audienceLanguages = strategy.editorialLine().languages().stream()
                .filter(l -> l.getLanguage().equals("fr") || l.getLanguage().equals("en"))
                .toArray(Locale[]::new);
        SandboxWorld.Builder builder = SandboxWorld.builder().seed(options.seed()).clock(clock).zone(zone)
                .languages(audienceLanguages.length > 0 ? audienceLanguages : new Locale[] {Locale.ENGLISH});
        for (Account account : accounts) {
            builder.brandName(account, strategy.brand().name());
        }
        SandboxWorld world = builder.build();
        Connectors connectors = Connectors.discover(Demo.class.getClassLoader(), new ConnectorContext(clock));

        heading(labels.get("publishing"));
        LaunchPost launch = new LaunchPost(strategy);
        Map<Account, Connector> connected = new LinkedHashMap<>();
        Map<Account, PublishedPost> published = new LinkedHashMap<>();
        for (Account account : accounts) {
            Connector connector = connectors.open(new SandboxConfig(account, world));
            connected.put(account, connector);
            PostVariant variant = launch.variantFor(account.platform(), connector.limits());
            String key = "demo-" + options.seed() + "-" + account.key();
            PublishedPost post = connector.require(Publishing.class).publish(PublishRequest.now(variant, key));
            published.put(account, post);
            out.printf("  ✓ %-10s %s  %d/%d %s  %s%n", account.platform().displayName(), labels.get("published"),
                    connector.limits().lengthOf(variant.text()), connector.limits().maxTextLength(),
                    connector.limits().counting().description(), post.ref().url().map(Object::toString).orElse(post.ref().id()));
        }

        heading(labels.get("simulating"));
        DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(language);
        Map<Account, List<Interaction>> comments = new LinkedHashMap<>();
        Map<Account, List<Interaction>> mentions = new LinkedHashMap<>();
        for (int day = 1; day <= options.days(); day++) {
            clock.advance(Duration.ofDays(1));
            int newComments = 0;
            int newMentions = 0;
            for (Account account : accounts) {
                Connector connector = connected.get(account);
                newComments += readAll(connector.require(CommentModeration.class), published.get(account), comments, account);
                newMentions += readAllMentions(connector.require(MentionFeed.class), mentions, account);
            }
            out.printf("  %s %d/%d — %s: +%d %s, +%d %s%n", labels.get("day"), day, options.days(),
                    clock.instant().atZone(zone).minusDays(1).format(dayFormat), newComments,
                    labels.get("comments"), newMentions, labels.get("mentions"));
        }

        heading(labels.get("results"));
        out.printf("  %-10s %10s %10s %10s %12s %12s %12s%n", labels.get("platform"), labels.get("likes"),
                labels.get("shares"), labels.get("comments"), labels.get("mentions"), labels.get("followers"),
                labels.get("impressions"));
        long totalComments = 0;
        long totalMentions = 0;
        for (Account account : accounts) {
            Connector connector = connected.get(account);
            var metrics = connector.metrics().orElseThrow();
            MetricSnapshot post = metrics.snapshot(published.get(account).ref());
            MetricSnapshot profile = metrics.accountSnapshot();
            totalComments += comments.getOrDefault(account, List.of()).size();
            totalMentions += mentions.getOrDefault(account, List.of()).size();
            out.printf("  %-10s %10s %10s %10d %12d %12s %12s%n", account.platform().displayName(),
                    value(post, Metric.LIKES, labels), value(post, Metric.SHARES, labels),
                    comments.getOrDefault(account, List.of()).size(), mentions.getOrDefault(account, List.of()).size(),
                    value(profile, Metric.FOLLOWERS, labels), value(post, Metric.IMPRESSIONS, labels));
        }
        out.printf("  %-10s %10s %10s %10d %12d%n", "Σ", "", "", totalComments, totalMentions);

        // Moderation arrives in cm-moderation; here the sandbox's own labels show what awaits it.
        heading(labels.get("sample"));
        Map<Intent, Integer> intents = new EnumMap<>(Intent.class);
        List<Interaction> all = new ArrayList<>();
        comments.values().forEach(all::addAll);
        mentions.values().forEach(all::addAll);
        for (Interaction interaction : all) {
            world.facts(interaction).flatMap(InteractionFacts::intent).ifPresent(i -> intents.merge(i, 1, Integer::sum));
        }
        out.println("  " + intents.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                .reduce((a, b) -> a + " · " + b).orElse("—"));
        long harmful = intents.entrySet().stream().filter(e -> e.getKey().isHarmful()).mapToLong(Map.Entry::getValue).sum();
        out.println("  " + labels.get("toModerate") + ": " + harmful);
        for (Intent intent : List.of(Intent.QUESTION, Intent.CRITIQUE, Intent.SPAM, Intent.INSULT, Intent.DEFAMATION)) {
            all.stream().filter(i -> world.facts(i).flatMap(InteractionFacts::intent).filter(intent::equals).isPresent())
                    .findFirst()
                    .ifPresent(i -> out.printf("  [%s] %s @%s: %s%n", intent.name().toLowerCase(Locale.ROOT),
                            i.platform().displayName(), i.author().handle(), oneLine(i.text())));
        }
        out.println();
        out.println(labels.get("done"));
        connected.values().forEach(Connector::close);
        return 0;
    }

    private static int readAll(CommentModeration moderation, PublishedPost post, Map<Account, List<Interaction>> into,
                               Account account) throws ConnectorException {
        // A demo reads from the start each day; the inbox (a later module) keeps cursors instead.
        List<Interaction> all = Pager.from(Optional.empty(), from -> moderation.comments(post.ref(), from))
                .collect(Integer.MAX_VALUE);
        int before = into.getOrDefault(account, List.of()).size();
        into.put(account, all);
        return all.size() - before;
    }

    private static int readAllMentions(MentionFeed feed, Map<Account, List<Interaction>> into, Account account)
            throws ConnectorException {
        List<Interaction> all = Pager.from(Optional.empty(), feed::mentions).collect(Integer.MAX_VALUE);
        int before = into.getOrDefault(account, List.of()).size();
        into.put(account, all);
        return all.size() - before;
    }

    private static double scoreOf(PlatformRanking ranking, Platform platform) {
        return ranking.scoreOf(platform).map(PlatformScore::score).orElse(-1.0);
    }

    private static String value(MetricSnapshot snapshot, Metric metric, Labels labels) {
        return snapshot.value(metric).map(String::valueOf).orElse(labels.get("na"));
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 90 ? flat.substring(0, 89) + "…" : flat;
    }

    private void heading(String title) {
        out.println();
        out.println(title);
        out.println("─".repeat(Math.min(72, title.length() + 4)));
    }
}
