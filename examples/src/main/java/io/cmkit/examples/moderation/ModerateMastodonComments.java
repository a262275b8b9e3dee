package io.cmkit.examples.moderation;

import io.cmkit.connectors.http.Secret;
import io.cmkit.connectors.mastodon.MastodonConfig;
import io.cmkit.core.inbox.Inbox;
import io.cmkit.core.inbox.InboxStore;
import io.cmkit.core.inbox.PollReport;
import io.cmkit.core.inbox.WatchedPost;
import io.cmkit.core.inbox.WatchedPosts;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.Connectors;
import io.cmkit.core.spi.PostRef;
import io.cmkit.moderation.Decision;
import io.cmkit.moderation.ModerationEngine;
import io.cmkit.moderation.ModerationInteractionHandler;
import io.cmkit.moderation.Moderator;
import io.cmkit.moderation.RuleSet;
import io.cmkit.moderation.audit.AuditLog;
import io.cmkit.moderation.lexicon.CompiledLexicon;
import io.cmkit.moderation.lexicon.Lexicons;
import io.cmkit.moderation.review.ReviewQueue;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Moderates the comments under a Mastodon account's posts with a rules file:
 *
 * <pre>
 * MASTODON_TOKEN=... java ... io.cmkit.examples.moderation.ModerateMastodonComments \
 *     https://piaille.fr cafelumiere@piaille.fr examples/programs/mastodon-rules.yaml 113456789012345678 [more post ids]
 * </pre>
 *
 * <p>It reads the comments under the given posts once through cmkit's inbox, and each goes
 * through the rules: deleted, replied to or put in the review queue, each decision printed with
 * its explanation. Run it from a timer (cron) to keep moderating: a real host gives the inbox a
 * JDBC store so that a comment is never handled twice across runs.
 */
public final class ModerateMastodonComments {

    private final Moderator moderator;
    private final PrintStream out;
    private final Locale language;
    private final List<Decision> decisions = new ArrayList<>();

    /**
     * @param rules the rule file's rules
     * @param brandName the name saved replies sign with
     * @param clock the clock of flood windows, the review queue and the audit log
     * @param out where each decision is printed
     * @param language the language decisions are explained in
     */
    public ModerateMastodonComments(RuleSet rules, String brandName, Clock clock, PrintStream out, Locale language) {
        ModerationEngine engine = ModerationEngine.builder()
                .rules(rules)
                .lexicon(Lexicons.defaults())
                .brandName(brandName)
                .clock(clock)
                .build();
        this.moderator = Moderator.builder(engine)
                .reviewQueue(ReviewQueue.inMemory(clock))
                .auditLog(AuditLog.inMemory())
                .clock(clock)
                .build();
        this.out = out;
        this.language = language;
    }

    /** Reads a rule file, checking its categories against the shipped lexicons; every problem comes with its line and column. */
    public static RuleSet rules(Path file) throws IOException {
        CompiledLexicon lexicon = Lexicons.defaults();
        return RuleSet.load(file, lexicon.categories(), Set.of());
    }

    /**
     * Reads the comments under these posts of the connector's account, once, and moderates each.
     *
     * @return the decisions taken, in the order the comments came
     */
    public List<Decision> moderate(Connector mastodon, List<WatchedPost> posts, Clock clock) {
        Inbox inbox = Inbox.builder()
                .account(mastodon)
                .watchedPosts(WatchedPosts.of(posts))
                .store(InboxStore.inMemory())
                .handler(ModerationInteractionHandler.of(moderator).onDecision(this::print))
                .clock(clock)
                .build();
        PollReport report = inbox.poll();
        report.failures().forEach(f -> out.println("! " + f.feed() + ": " + f.error().orElse(f.outcome().name())));
        out.printf("%d comments read, %d decisions, %d in the review queue%n", report.fresh(), decisions.size(),
                moderator.reviewQueue().pending().size());
        return List.copyOf(decisions);
    }

    private void print(Decision decision) {
        decisions.add(decision);
        if (decision.matched()) {
            out.println(decision.actions() + " " + decision.explain(language));
        }
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String token = System.getenv("MASTODON_TOKEN");
        if (args.length < 4 || token == null || token.isBlank()) {
            System.err.println("usage: MASTODON_TOKEN=... ModerateMastodonComments INSTANCE_URL ACCOUNT RULES_FILE POST_ID...");
            System.exit(2);
        }
        Clock clock = Clock.systemUTC();
        Account account = new Account(Platform.MASTODON, args[1]);
        List<WatchedPost> posts = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            // The inbox reads comments of posts published within its watch window (7 days by default).
            posts.add(new WatchedPost(account, PostRef.of(Platform.MASTODON, args[i]), Instant.now(clock)));
        }
        try (Connector mastodon = Connectors.discover().open(new MastodonConfig(account, URI.create(args[0]), Secret.of(token)))) {
            new ModerateMastodonComments(rules(Path.of(args[2])), account.handle(), clock, out, Locale.ENGLISH)
                    .moderate(mastodon, posts, clock);
        }
    }
}
