package io.cmkit.examples.listening;

import io.cmkit.connectors.http.Secret;
import io.cmkit.connectors.mastodon.MastodonConfig;
import io.cmkit.core.inbox.Delivery;
import io.cmkit.core.inbox.Inbox;
import io.cmkit.core.inbox.InboxStore;
import io.cmkit.core.inbox.InteractionHandler;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.Connectors;
import io.cmkit.listening.alert.Alert;
import io.cmkit.listening.alert.AlertSink;
import io.cmkit.listening.alert.Listening;
import io.cmkit.listening.alert.MatchedQuery;
import io.cmkit.listening.alert.SpikeConfig;
import io.cmkit.listening.monitor.MatchedTerm;
import io.cmkit.listening.monitor.Monitor;
import io.cmkit.listening.monitor.QueryMatch;
import io.cmkit.listening.monitor.SavedQuery;
import io.cmkit.listening.monitor.Watch;
import io.cmkit.listening.query.QuerySyntaxException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Watches the mentions of the brand's accounts with saved listening queries and sends an alert
 * when they spike, negative mentions first (a bad buzz):
 *
 * <pre>
 * MASTODON_TOKEN=... java ... io.cmkit.examples.listening.BadBuzzAlerts \
 *     https://piaille.fr cafelumiere@piaille.fr examples/programs/listening-queries.txt
 * </pre>
 *
 * <p>Every poll, cmkit's inbox reads the new mentions; each is matched against the saved queries,
 * scored for sentiment and counted into hourly series whose baseline is the same hour of the past
 * weeks (or of the past days at first). The {@link AlertSink} here prints; a host sends an email,
 * a chat message or a webhook instead.
 */
public final class BadBuzzAlerts implements InteractionHandler {

    private final Monitor monitor = Monitor.create();
    private final Listening listening;
    private final Inbox inbox;
    private final List<Interaction> mentions = new ArrayList<>();

    /**
     * @param accounts the brand's accounts to read mentions of, one connector each
     * @param queries the saved queries (the brand's, its competitors')
     * @param sink where alerts go
     * @param zone the brand's time zone: a Monday at 9:00 is compared with the past Mondays at 9:00
     */
    public BadBuzzAlerts(List<Connector> accounts, List<SavedQuery> queries, AlertSink sink, ZoneId zone, Clock clock) {
        monitor.addAll(queries);
        listening = Listening.builder(clock).spikes(SpikeConfig.defaults().withZone(zone)).sink(sink).build();
        Inbox.Builder builder = Inbox.builder().store(InboxStore.inMemory()).handler(this).clock(clock);
        accounts.forEach(builder::account);
        inbox = builder.build();
    }

    /**
     * Reads a queries file: one query a line, {@code id | brand|competitor | owner | query}; blank
     * lines and lines starting with {@code #} are skipped. A bad line is reported with its file,
     * line and column.
     */
    public static List<SavedQuery> readQueries(Path file) throws IOException {
        List<SavedQuery> queries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String where = file.getFileName() + ":" + (i + 1);
            String[] cells = line.split("\\|", 4);
            if (cells.length != 4) {
                throw new IllegalArgumentException(where + ": expected 'id | brand or competitor | owner | query', found "
                        + cells.length + " field(s)");
            }
            String kind = cells[1].strip().toLowerCase(Locale.ROOT);
            Watch watch = switch (kind) {
                case "brand" -> Watch.BRAND;
                case "competitor" -> Watch.COMPETITOR;
                default -> throw new IllegalArgumentException(where + ":" + (cells[0].length() + 2)
                        + ": the second field must be 'brand' or 'competitor', found '" + cells[1].strip() + "'");
            };
            int column = cells[0].length() + cells[1].length() + cells[2].length() + 4;
            try {
                queries.add(SavedQuery.of(cells[0].strip(), cells[2].strip(), watch, cells[3].strip()));
            } catch (QuerySyntaxException e) {
                throw new IllegalArgumentException(where + ":" + column + ": in the query: " + e.getMessage(), e);
            }
        }
        return queries;
    }

    /** Reads the new mentions and feeds them, oldest first, to the monitor and the spike detector. */
    public void poll() {
        inbox.poll();
        mentions.sort(Comparator.comparing(Interaction::createdAt).thenComparing(Interaction::key));
        for (Interaction mention : mentions) {
            List<MatchedQuery> matched = new ArrayList<>();
            for (QueryMatch match : monitor.match(mention)) {
                List<String> terms = match.terms().stream().map(MatchedTerm::term).distinct().toList();
                SavedQuery query = match.query();
                matched.add(query.watch() == Watch.COMPETITOR ? MatchedQuery.competitor(query.id(), query.owner(), terms)
                        : MatchedQuery.own(query.id(), query.owner(), terms));
            }
            listening.accept(mention, matched);
        }
        mentions.clear();
        listening.advance();   // an hour without mentions counts as zero
    }

    @Override
    public String name() {
        return "bad-buzz-alerts";
    }

    @Override
    public void handle(Interaction interaction, Delivery delivery) {
        if (interaction.kind() == Interaction.Kind.MENTION || interaction.kind() == Interaction.Kind.QUOTE) {
            mentions.add(interaction);
        }
    }

    /** Prints an alert with its evidence: the mentions that made the spike. */
    static String describe(Alert alert) {
        StringBuilder text = new StringBuilder(alert.summary());
        alert.evidence().topMentions().stream().limit(3)
                .forEach(m -> text.append("\n    @").append(m.authorHandle()).append(": ").append(m.text()));
        return text.toString();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String token = System.getenv("MASTODON_TOKEN");
        if (args.length != 3 || token == null || token.isBlank()) {
            System.err.println("usage: MASTODON_TOKEN=... BadBuzzAlerts INSTANCE_URL ACCOUNT QUERIES_FILE");
            System.exit(2);
        }
        Account account = new Account(Platform.MASTODON, args[1]);
        try (Connector mastodon = Connectors.discover().open(new MastodonConfig(account, URI.create(args[0]), Secret.of(token)))) {
            BadBuzzAlerts alerts = new BadBuzzAlerts(List.of(mastodon), readQueries(Path.of(args[2])),
                    alert -> System.out.println("ALERT " + describe(alert)), ZoneId.systemDefault(), Clock.systemUTC());
            while (true) {
                alerts.poll();
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            }
        }
    }
}
