package io.cmkit.examples.inbox;

import io.cmkit.connectors.sandbox.Intent;
import io.cmkit.connectors.sandbox.InteractionFacts;
import io.cmkit.connectors.sandbox.SandboxWorld;
import io.cmkit.connectors.sandbox.SimulatedClock;
import io.cmkit.core.inbox.Inbox;
import io.cmkit.core.inbox.PollReport;
import io.cmkit.core.inbox.jdbc.JdbcInboxStore;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.listening.alert.Alert;
import io.cmkit.listening.alert.AlertKind;
import io.cmkit.listening.alert.SpikeConfig;
import io.cmkit.listening.inbox.ListeningInteractionHandler;
import io.cmkit.listening.inbox.TaggedInteraction;
import io.cmkit.listening.sentiment.SentimentLabel;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The inbox and listening together, on the sandbox: people mention a café's Mastodon account all
 * day, an inbox polls every hour into H2, and {@link ListeningInteractionHandler} tags each mention
 * with the brand's query, scores its sentiment and counts it. On the last day the sandbox plants a
 * bad buzz ({@code #BoycottCafeLumiere}); the bad-buzz alert, its evidence, and per intent the
 * sandbox gave its authors how sentiment labelled the mentions are printed.
 *
 * <p>Run {@link #main} from an IDE (arguments: seed, days; default 42 and 5), or through its test:
 * {@code mvn -q -pl examples -am verify -Dtest=InboxListeningTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
public final class InboxListening {

    private static final Account MASTODON = new Account(Platform.MASTODON, "cafelumiere@piaille.fr");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final AtomicInteger RUNS = new AtomicInteger();

    /**
     * How sentiment labelled the mentions of one intent.
     *
     * @param mentions mentions tagged
     * @param matched those that matched the brand's query
     * @param negative labelled negative
     * @param neutral labelled neutral
     * @param positive labelled positive
     */
    public record Row(int mentions, int matched, int negative, int neutral, int positive) {
    }

    /**
     * What a run saw and raised.
     *
     * @param polls polls made
     * @param collected interactions the inbox handed over
     * @param tagged mentions listening tagged
     * @param buzzStart when the planted bad buzz starts
     * @param alerts every alert raised, in order
     * @param byIntent per intent of the sandbox's authors (planted bad-buzz mentions included)
     */
    public record Summary(int polls, int collected, int tagged, Instant buzzStart, List<Alert> alerts, Map<Intent, Row> byIntent) {

        /** The first bad-buzz alert on the brand's negative series, if any. */
        public Optional<Alert> firstBadBuzz() {
            return alerts.stream().filter(a -> a.kind() == AlertKind.BAD_BUZZ && a.series().toString().startsWith("brand:"))
                    .findFirst();
        }
    }

    private InboxListening() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        run(seed, days, System.out);
    }

    /**
     * Runs {@code days} simulated days (at least 4: the detector needs three days of history) of
     * the world seeded {@code seed}, with a bad buzz from 18:00 Paris time on the last day, and
     * prints the summary to {@code out}.
     */
    public static Summary run(long seed, int days, PrintStream out) {
        if (days < 4) {
            throw new IllegalArgumentException("days must be at least 4 (three days of history, then the bad buzz), got " + days);
        }
        Instant start = Instant.parse("2026-03-02T00:00:00Z"); // a Monday, 01:00 in Paris
        SimulatedClock clock = SimulatedClock.at(start);
        SandboxWorld world = SandboxWorld.builder().seed(seed).clock(clock).zone(PARIS)
                .brandName("Café Lumière").mentionsPerDay(120).build();
        Instant buzzStart = start.plus(Duration.ofDays(days - 1)).plus(Duration.ofHours(17)); // 18:00 in Paris
        world.plantBadBuzz(MASTODON, "#BoycottCafeLumiere", buzzStart, Duration.ofHours(5), 60);

        List<Alert> alerts = new CopyOnWriteArrayList<>();
        List<TaggedInteraction> tagged = new CopyOnWriteArrayList<>();
        List<PollReport> reports = new ArrayList<>();
        try (ListeningInteractionHandler listening = ListeningInteractionHandler.builder(clock)
                     .brandQuery("q-cafe", "cafe-lumiere", "@cafelumiere@piaille.fr OR @cafelumiere OR \"cafe lumiere\" OR #boycottcafelumiere")
                     .spikes(SpikeConfig.defaults().withZone(PARIS))
                     .sink(alerts::add)
                     .onTagged(tagged::add)
                     .build();
             JdbcInboxStore store = JdbcInboxStore.h2InMemory("inbox-listening-" + seed + "-" + RUNS.incrementAndGet())) {
            Inbox inbox = Inbox.builder().account(world.connector(MASTODON)).store(store).handler(listening).clock(clock).build();
            inbox.getEventPublisher().onPolled(polled -> listening.listening().advance());
            for (int hour = 0; hour < days * 24; hour++) {
                clock.advance(Duration.ofHours(1));
                reports.add(inbox.poll());
            }
        }

        Map<Intent, int[]> counts = new EnumMap<>(Intent.class); // mentions, matched, negative, neutral, positive
        for (TaggedInteraction t : tagged) {
            Optional<Intent> intent = world.facts(t.interaction()).flatMap(InteractionFacts::intent);
            if (intent.isEmpty()) {
                continue;
            }
            int[] c = counts.computeIfAbsent(intent.get(), k -> new int[5]);
            c[0]++;
            c[1] += t.matches().isEmpty() ? 0 : 1;
            c[t.sentiment().label() == SentimentLabel.NEGATIVE ? 2 : t.sentiment().label() == SentimentLabel.NEUTRAL ? 3 : 4]++;
        }
        Map<Intent, Row> byIntent = new EnumMap<>(Intent.class);
        counts.forEach((intent, c) -> byIntent.put(intent, new Row(c[0], c[1], c[2], c[3], c[4])));
        Summary summary = new Summary(reports.size(), reports.stream().mapToInt(PollReport::fresh).sum(), tagged.size(),
                buzzStart, List.copyOf(alerts), byIntent);
        print(summary, days, seed, tagged, out);
        return summary;
    }

    private static void print(Summary s, int days, long seed, List<TaggedInteraction> tagged, PrintStream out) {
        out.printf("%d simulated days (seed %d): %d polls, %d interactions collected, %d mentions tagged; bad buzz planted at %s%n",
                days, seed, s.polls(), s.collected(), s.tagged(), s.buzzStart());
        out.printf("%-11s %8s %8s %8s %8s %8s%n", "intent", "mentions", "matched", "negative", "neutral", "positive");
        s.byIntent().forEach((intent, r) -> out.printf("%-11s %8d %8d %8d %8d %8d%n", intent, r.mentions(), r.matched(),
                r.negative(), r.neutral(), r.positive()));
        out.println("first tagged mentions:");
        tagged.stream().limit(3).forEach(t -> out.println("  " + t.summary() + "  | " + t.interaction().text()));
        out.println("alerts:");
        for (Alert a : s.alerts()) {
            out.println("  " + a.summary() + ", raised at " + a.raisedAt());
        }
        s.firstBadBuzz().ifPresent(a -> {
            out.println("bad-buzz evidence, top terms: " + a.evidence().topTerms());
            a.evidence().topMentions().stream().limit(3).forEach(m -> out.printf("  @%s (%s followers, %+.2f): %s%n",
                    m.authorHandle(), m.authorFollowers().map(String::valueOf).orElse("?"), m.sentimentScore(), m.text()));
        });
    }
}
