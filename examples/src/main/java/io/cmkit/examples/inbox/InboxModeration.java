package io.cmkit.examples.inbox;

import io.cmkit.connectors.sandbox.Intent;
import io.cmkit.connectors.sandbox.InteractionFacts;
import io.cmkit.connectors.sandbox.SandboxWorld;
import io.cmkit.connectors.sandbox.SimulatedClock;
import io.cmkit.core.inbox.Delivery;
import io.cmkit.core.inbox.Inbox;
import io.cmkit.core.inbox.InteractionHandler;
import io.cmkit.core.inbox.PollReport;
import io.cmkit.core.inbox.WatchedPost;
import io.cmkit.core.inbox.jdbc.JdbcInboxStore;
import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.jdbc.StoreDatabase;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.Publishing;
import io.cmkit.moderation.Action;
import io.cmkit.moderation.Decision;
import io.cmkit.moderation.ModerationEngine;
import io.cmkit.moderation.ModerationInteractionHandler;
import io.cmkit.moderation.Moderator;
import io.cmkit.moderation.RuleSet;
import io.cmkit.moderation.jdbc.JdbcAuditLog;
import io.cmkit.moderation.jdbc.JdbcReviewQueueStore;
import io.cmkit.moderation.lexicon.Lexicons;
import io.cmkit.moderation.review.ReviewQueue;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The inbox and moderation together, on the sandbox: a brand posts every morning on Mastodon and
 * Bluesky, its simulated audience comments (spam, insults and defamation among them), an inbox
 * polls every hour into H2, and the default rules and lexicons moderate each comment through the
 * account's own connector. Prints, per intent the sandbox gave its authors, what moderation did.
 *
 * <p>Run {@link #main} from an IDE (arguments: seed, days; default 42 and 3), or through its test,
 * which prints the summary:
 * {@code mvn -q -pl examples -am verify -Dtest=InboxModerationTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
public final class InboxModeration {

    private static final Account MASTODON = new Account(Platform.MASTODON, "cafelumiere@piaille.fr");
    private static final Account BLUESKY = new Account(Platform.BLUESKY, "cafelumiere.bsky.social");
    private static final AtomicInteger RUNS = new AtomicInteger();

    /**
     * What moderation did with the comments of one intent.
     *
     * @param comments comments and replies decided
     * @param removed hidden or deleted
     * @param flagged sent to review (and not removed)
     * @param other another action only (a reply, an alert)
     * @param untouched no action
     */
    public record Row(int comments, int removed, int flagged, int other, int untouched) {
    }

    /**
     * What a run saw and did.
     *
     * @param polls polls made
     * @param collected interactions the inbox handed over (comments, replies and mentions)
     * @param decisions decisions moderation took (comments and replies)
     * @param audited audit entries that are decisions ({@code DECIDE})
     * @param queued items waiting in the review queue
     * @param byIntent per intent of the sandbox's authors
     */
    public record Summary(int polls, int collected, int decisions, long audited, int queued, Map<Intent, Row> byIntent) {
    }

    private InboxModeration() {
    }

    public static void main(String[] args) throws ConnectorException {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        run(seed, days, System.out);
    }

    /** Runs {@code days} simulated days of the world seeded {@code seed}, and prints the summary to {@code out}. */
    public static Summary run(long seed, int days, PrintStream out) throws ConnectorException {
        SimulatedClock clock = SimulatedClock.at(Instant.parse("2026-03-02T07:00:00Z"));
        SandboxWorld world = SandboxWorld.builder().seed(seed).clock(clock).zone(ZoneId.of("Europe/Paris")).build();
        Connector mastodon = world.connector(MASTODON);
        Connector bluesky = world.connector(BLUESKY);
        List<WatchedPost> published = new CopyOnWriteArrayList<>();

        try (StoreDatabase db = StoreDatabase.h2InMemory("inbox-moderation-" + seed + "-" + RUNS.incrementAndGet())) {
            JdbcStoreConfig config = JdbcStoreConfig.ofDefaults();
            JdbcAuditLog audit = JdbcAuditLog.open(db, config);
            ReviewQueue queue = new ReviewQueue(JdbcReviewQueueStore.open(db, config), audit, clock);
            ModerationEngine engine = ModerationEngine.builder().rules(RuleSet.defaults()).lexicon(Lexicons.defaults())
                    .brandName("Café Lumière").clock(clock).build();
            Moderator moderator = Moderator.builder(engine).reviewQueue(queue).clock(clock).build();
            List<Decision> decisions = new CopyOnWriteArrayList<>();
            Map<String, Intent> intents = new ConcurrentHashMap<>(); // interaction key -> what its author meant
            ModerationInteractionHandler handler = ModerationInteractionHandler.of(moderator).onDecision(decisions::add);
            Inbox inbox = Inbox.builder().account(mastodon).account(bluesky).clock(clock)
                    .store(JdbcInboxStore.open(db, config))
                    .watchedPosts((account, since) -> published.stream()
                            .filter(p -> p.account().equals(account) && !p.publishedAt().isBefore(since)).toList())
                    .handler(handler)
                    .handler(new InteractionHandler() { // the sandbox's ground truth, for the summary
                        @Override
                        public String name() {
                            return "intents";
                        }

                        @Override
                        public void handle(Interaction i, Delivery d) {
                            world.facts(i).flatMap(InteractionFacts::intent).ifPresent(intent -> intents.put(i.key(), intent));
                        }
                    })
                    .build();

            List<PollReport> reports = new ArrayList<>();
            for (int hour = 0; hour < days * 24; hour++) {
                if (hour % 24 == 1) { // 09:00 in Paris
                    int day = hour / 24;
                    published.add(publish(mastodon, "Le café du jour n°" + day + " : un Guji d'Éthiopie ☕", "day-" + day));
                    published.add(publish(bluesky, "Today's coffee #" + day + ": an Ethiopian Guji ☕", "day-" + day));
                }
                reports.add(inbox.poll());
                clock.advance(Duration.ofHours(1));
            }

            Map<Intent, int[]> acted = new EnumMap<>(Intent.class); // comments, removed, flagged, other, untouched
            for (Decision d : decisions) {
                Intent intent = intents.get(d.interactionKey());
                if (intent == null) {
                    continue;
                }
                int[] a = acted.computeIfAbsent(intent, k -> new int[5]);
                a[0]++;
                if (d.has(Action.HIDE) || d.has(Action.DELETE)) {
                    a[1]++;
                } else if (d.has(Action.FLAG)) {
                    a[2]++;
                } else if (d.actions().stream().anyMatch(x -> x != Action.APPROVE)) {
                    a[3]++;
                } else {
                    a[4]++;
                }
            }
            Map<Intent, Row> byIntent = new EnumMap<>(Intent.class);
            acted.forEach((intent, a) -> byIntent.put(intent, new Row(a[0], a[1], a[2], a[3], a[4])));
            Summary summary = new Summary(reports.size(), reports.stream().mapToInt(PollReport::fresh).sum(),
                    decisions.size(), audit.entries().stream().filter(e -> e.action().equals("DECIDE")).count(),
                    queue.pending().size(), byIntent);
            print(summary, days, seed, out);
            return summary;
        }
    }

    private static WatchedPost publish(Connector connector, String text, String key) throws ConnectorException {
        var post = connector.require(Publishing.class)
                .publish(PublishRequest.now(PostVariant.text(connector.platform(), text), key));
        return new WatchedPost(connector.account(), post.ref(), post.publishedAt());
    }

    private static void print(Summary s, int days, long seed, PrintStream out) {
        out.printf("%d simulated days (seed %d): %d polls, %d interactions collected, %d comments decided, "
                + "%d decisions audited, %d waiting for review%n", days, seed, s.polls(), s.collected(), s.decisions(),
                s.audited(), s.queued());
        out.printf("%-11s %8s %8s %8s %8s %9s%n", "intent", "comments", "removed", "flagged", "other", "untouched");
        s.byIntent().forEach((intent, r) -> out.printf("%-11s %8d %8d %8d %8d %9d%n", intent, r.comments(), r.removed(),
                r.flagged(), r.other(), r.untouched()));
    }
}
