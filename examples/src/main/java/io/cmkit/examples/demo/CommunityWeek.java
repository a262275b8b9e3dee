package io.cmkit.examples.demo;

import io.cmkit.analytics.kpi.BrandReply;
import io.cmkit.analytics.timing.BestTime;
import io.cmkit.analytics.timing.Heatmap;
import io.cmkit.analytics.timing.HeatmapCell;
import io.cmkit.analytics.timing.PostOutcome;
import io.cmkit.connectors.bluesky.BlueskyConfig;
import io.cmkit.connectors.http.Secret;
import io.cmkit.connectors.sandbox.SandboxConfig;
import io.cmkit.connectors.sandbox.SandboxWorld;
import io.cmkit.connectors.sandbox.SimulatedClock;
import io.cmkit.core.calendar.CalendarEntry;
import io.cmkit.core.calendar.EditorialCalendar;
import io.cmkit.core.calendar.SlotPlan;
import io.cmkit.core.inbox.Inbox;
import io.cmkit.core.inbox.InboxStore;
import io.cmkit.core.inbox.InteractionHandler;
import io.cmkit.core.inbox.WatchedPosts;
import io.cmkit.core.live.Cue;
import io.cmkit.core.live.LiveEvent;
import io.cmkit.core.live.LivePlan;
import io.cmkit.core.live.PlannedPost;
import io.cmkit.core.live.QuestionCollector;
import io.cmkit.core.live.QuestionOrder;
import io.cmkit.core.live.RunOfShow;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.model.PostingCadence;
import io.cmkit.core.model.Strategy;
import io.cmkit.core.schedule.ConnectorLookup;
import io.cmkit.core.schedule.LiveScheduling;
import io.cmkit.core.schedule.PostKey;
import io.cmkit.core.schedule.PostWorkflow;
import io.cmkit.core.schedule.ScheduleStore;
import io.cmkit.core.schedule.Scheduler;
import io.cmkit.core.schedule.SchedulerConfig;
import io.cmkit.core.schedule.jdbc.JdbcScheduleStore;
import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorContext;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Connectors;
import io.cmkit.core.spi.Metrics;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import io.cmkit.listening.alert.Listening;
import io.cmkit.listening.alert.SpikeConfig;
import io.cmkit.listening.monitor.SavedQuery;
import io.cmkit.listening.monitor.Watch;
import io.cmkit.moderation.Action;
import io.cmkit.moderation.Decision;
import io.cmkit.moderation.ModerationEngine;
import io.cmkit.moderation.ModerationInteractionHandler;
import io.cmkit.moderation.Moderator;
import io.cmkit.moderation.RuleSet;
import io.cmkit.moderation.audit.AuditLog;
import io.cmkit.moderation.event.ModerationEvent;
import io.cmkit.moderation.lexicon.Lexicons;
import io.cmkit.moderation.review.ReviewQueue;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The community manager's week, wired from cmkit's public API: the past weeks that give the best
 * times, the plan (calendar, posts, approvals, schedule), then the simulated days, hour by hour,
 * where the scheduler publishes, the inbox collects, moderation acts, listening alerts and a live
 * launch takes place. Everything follows one {@link SimulatedClock}; every random choice comes
 * from the seed, so the same seed gives the same week.
 */
final class CommunityWeek {

    /** The Monday the demo's week starts on when the brand kit has no objective to place it in. */
    static final LocalDate DEFAULT_FIRST_DAY = LocalDate.of(2026, 3, 2);
    /** Past weeks simulated before the demo's week: the best times and the listening baselines come from them. */
    static final int HISTORY_WEEKS = 4;
    /** The hours the brand posted at in the past weeks, three of them a day on every account. */
    private static final int[] PAST_HOURS = {8, 12, 18, 21};
    /** A cell of the best-time heatmap is read from this many past posts. */
    static final int MINIMUM_POSTS_PER_CELL = 2;
    /** How long after publication a past post's engagements are counted. */
    private static final Duration OUTCOME_HORIZON = Duration.ofHours(48);
    static final String AUTHOR = "camille";
    static final String REVIEWER = "lea";

    private final PrintStream out;
    private final DemoOptions options;
    private final Strategy strategy;
    private final Labels labels;
    private final ZoneId zone;
    private final List<Account> accounts;
    /** The day the demo's week starts on (see {@link #firstDay(Strategy, DemoOptions)}). */
    private final LocalDate firstDay;
    private final Instant weekStart;
    private final Instant weekEnd;
    private final SimulatedClock clock;
    private final SandboxWorld world;
    private final Map<String, Connector> connectors = new LinkedHashMap<>();
    private final WeekTally tally = new WeekTally();
    /** The alerts raised since the last day line, printed under the next one. */
    private final List<String> alertLines = new ArrayList<>();
    private final List<MetricSnapshot> snapshots = new ArrayList<>();
    private final Map<Platform, List<PostOutcome>> pastOutcomes = new TreeMap<>();
    /** By platform, best-ranked account's platform first. */
    private final Map<Platform, Heatmap> heatmaps = new LinkedHashMap<>();
    private final List<WeekPost> weekPosts = new ArrayList<>();
    private final Map<PostKey, WeekPost> byKey = new LinkedHashMap<>();
    /** The past weeks' posts, whose counters the last past week's snapshots follow (the dashboard's comparison). */
    private final List<PastPost> pastPosts = new ArrayList<>();
    private final String idPrefix;
    /** Every comment and mention the inbox collected, past weeks included: the response KPIs' denominator. */
    private final List<Interaction> interactions = new ArrayList<>();
    /** The brand's replies (moderation's REPLY action), to the interactions above. */
    private final List<BrandReply> replies = new ArrayList<>();

    /** One of the week's publications: its post, account and, once out, the platform's reference. */
    static final class WeekPost {
        final Post post;
        final Account account;
        final boolean live;
        PublishedPost published;

        WeekPost(Post post, Account account, boolean live) {
            this.post = post;
            this.account = account;
            this.live = live;
        }
    }

    private record PastPost(Account account, PostRef ref, Instant publishedAt) {
    }

    /** What the week left for the summary and the dashboard. */
    record Outcome(WeekTally tally, List<WeekPost> posts, List<MetricSnapshot> snapshots, Map<Platform, Heatmap> heatmaps,
                   EditorialCalendar calendar, ListeningDesk listening, Boosts.Result boosts, LiveSummary live,
                   LocalDate firstDay, Instant weekStart, Instant weekEnd, List<Interaction> interactions,
                   List<BrandReply> replies) {
    }

    /** The live launch: its name, start, cues published and questions collected. */
    record LiveSummary(String name, ZonedDateTime start, int cues, int cuesPublished, List<String> topQuestions,
                       int questions) {
    }

    CommunityWeek(PrintStream out, DemoOptions options, Strategy strategy, List<Account> rankedAccounts) {
        this.out = out;
        this.options = options;
        this.strategy = strategy;
        this.labels = new Labels(options.language());
        this.zone = strategy.brand().timeZone();
        this.accounts = rankedAccounts;
        this.firstDay = firstDay(strategy, options);
        this.weekStart = firstDay.atStartOfDay(zone).toInstant();
        this.weekEnd = firstDay.plusDays(options.days()).atStartOfDay(zone).toInstant();
        this.clock = SimulatedClock.at(weekStart.minus(Duration.ofDays(7L * HISTORY_WEEKS)));
        // A store or a PDS outside the JVM keeps earlier runs' posts: a run token keeps keys apart.
        boolean outside = options.store().isPresent() || options.bluesky().isPresent();
        this.idPrefix = "s" + options.seed() + (outside ? "-" + Long.toString(System.currentTimeMillis(), 36) : "");
        // The sandbox audience writes French and English; other languages are left to real audiences.
        Locale[] audienceLanguages = strategy.editorialLine().languages().stream()
                .filter(l -> l.getLanguage().equals("fr") || l.getLanguage().equals("en"))
                .toArray(Locale[]::new);
        SandboxWorld.Builder builder = SandboxWorld.builder().seed(options.seed()).clock(clock).zone(zone)
                .languages(audienceLanguages.length > 0 ? audienceLanguages : new Locale[] {Locale.ENGLISH});
        for (Account account : accounts) {
            builder.brandName(account, strategy.brand().name());
        }
        this.world = builder.build();
    }

    Outcome run() throws ConnectorException, IOException {
        Connectors discovered = Connectors.discover(Demo.class.getClassLoader(), new ConnectorContext(clock));
        for (Account account : accounts) {
            connectors.put(account.key(), discovered.open(new SandboxConfig(account, world)));
        }
        Files.createDirectories(options.out());
        List<Connector> opened = new ArrayList<>();
        try (JdbcScheduleStore store = openStore()) {
            // The scheduler publishes to the real PDS for Bluesky when asked; everything else stays in the sandbox.
            Map<String, Connector> live = new LinkedHashMap<>(connectors);
            Optional<Account> bluesky = accounts.stream().filter(a -> a.platform().equals(Platform.BLUESKY)).findFirst();
            if (options.bluesky().isPresent() && bluesky.isPresent()) {
                DemoOptions.BlueskyTarget target = options.bluesky().get();
                // A real server lives in real time: its connector gets the system clock, not the simulated one.
                Connectors real = Connectors.discover(Demo.class.getClassLoader(), new ConnectorContext(Clock.systemUTC()));
                Connector pds = real.open(BlueskyConfig.of(bluesky.get(), target.pds(), target.handle(),
                        Secret.of(target.password())));
                opened.add(pds);
                live.put(bluesky.get().key(), pds);
                out.println(labels.get("realBluesky") + " " + target.pds() + " (" + target.handle() + ")");
            }
            ConnectorLookup lookup = ConnectorLookup.of(live.values());
            PostWorkflow workflow = PostWorkflow.of(store, lookup, clock);
            ListeningDesk listening = listeningDesk();
            Moderation moderation = new Moderation();
            QuestionHandler questions = new QuestionHandler();
            Inbox.Builder inboxBuilder = Inbox.builder();
            // A real PDS only receives the publications: its notifications need an AppView that a
            // loopback PDS lacks, and the sandbox keeps the audience, so the inbox reads the sandbox's other accounts.
            accounts.stream().filter(a -> !onRealServer(a)).forEach(a -> inboxBuilder.account(connectors.get(a.key())));
            Inbox inbox = inboxBuilder.watchedPosts(WatchedPosts.publishedBy(store))
                    .store(InboxStore.inMemory())
                    .handler(ModerationInteractionHandler.of(moderation.moderator))
                    .handler(listening)
                    .handler(questions)
                    .handler(new Counting())
                    .clock(clock)
                    .build();

            pastWeeks(inbox, listening);
            EditorialCalendar calendar = plan(workflow, lookup);
            LiveLaunch launch = planLive(workflow, lookup);
            questions.collector = launch.collector;
            plantEvents(launch);

            // One send at a time: the sandbox's audience depends on the order of publications, and the
            // demo must print the same week for the same seed (real platforms: keep the default).
            SchedulerConfig schedulerConfig = SchedulerConfig.custom().dispatchConcurrency(1).build();
            try (Scheduler scheduler = Scheduler.of("demo", store, lookup, schedulerConfig, clock)) {
                scheduler.getEventPublisher().onPublished(e -> {
                    WeekPost post = byKey.get(e.post());
                    if (post != null) {
                        post.published = e.published();
                        if (post.live) {
                            tally.livePublished++;
                            launch.collector.trackPublished(e.published().ref());
                        } else {
                            tally.published++;
                        }
                    }
                });
                simulate(store, scheduler, inbox, listening, launch);
            }
            // Posts on a real PDS have no sandbox counters: boosts are chosen among the sandbox's.
            List<WeekPost> measurable = weekPosts.stream().filter(p -> !onRealServer(p.account)).toList();
            Boosts.Result boosts = new Boosts(out, labels, options, clock, zone, strategy.brand().defaultLanguage()).run(measurable, connectors);
            List<String> top = launch.collector.questions(QuestionOrder.byTime()).stream().limit(3)
                    .map(q -> "@" + q.interaction().author().handle() + ": " + Demo.oneLine(q.interaction().text()))
                    .toList();
            LiveSummary liveSummary = new LiveSummary(launch.event.name(), launch.event.start().atZone(zone),
                    launch.plan.posts().size(), (int) tally.livePublished, top, launch.collector.size());
            return new Outcome(tally, List.copyOf(weekPosts), List.copyOf(snapshots), heatmaps, calendar, listening, boosts,
                    liveSummary, firstDay, weekStart, weekEnd, List.copyOf(interactions), List.copyOf(replies));
        } finally {
            connectors.values().forEach(Connector::close);
            opened.forEach(Connector::close);
        }
    }

    /**
     * The day the week starts on: {@code --start} when given; otherwise, so that the client's
     * objectives have something to measure, the first Monday at least {@link #HISTORY_WEEKS} weeks
     * after the start of the latest-starting objective period, the past weeks included in it. A kit
     * without objectives starts on {@link #DEFAULT_FIRST_DAY}. Only the kit decides: the output
     * stays the same for the same seed.
     */
    static LocalDate firstDay(Strategy strategy, DemoOptions options) {
        if (options.start().isPresent()) {
            return options.start().get();
        }
        return strategy.objectives().stream().flatMap(o -> o.targets().stream()).map(t -> t.period().start())
                .max(Comparator.naturalOrder())
                .map(start -> start.plusWeeks(HISTORY_WEEKS).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)))
                .orElse(DEFAULT_FIRST_DAY);
    }

    private boolean onRealServer(Account account) {
        return options.bluesky().isPresent() && account.platform().equals(Platform.BLUESKY);
    }

    private JdbcScheduleStore openStore() throws IOException {
        if (options.store().isPresent()) {
            String url = options.store().get();
            return JdbcScheduleStore.connect(url, "", "", JdbcStoreConfig.ofDefaults());
        }
        // Each run starts from an empty store: the previous run's file is removed first.
        Path base = options.out().resolve("schedule-store");
        Files.deleteIfExists(options.out().resolve("schedule-store.mv.db"));
        Files.deleteIfExists(options.out().resolve("schedule-store.trace.db"));
        return JdbcScheduleStore.h2File(base);
    }

    // ----------------------------------------------------------------------------- the past weeks

    /**
     * The weeks before the demo: the brand posted three times a day at varying hours on every
     * account; the inbox and listening ran (so the alert baselines know a normal week); each post's
     * engagements 48 hours later feed the best-time heatmaps.
     */
    private void pastWeeks(Inbox inbox, ListeningDesk listening) throws ConnectorException {
        heading(labels.get("history") + " (" + HISTORY_WEEKS + " " + labels.get("weeks") + ")");
        SplittableRandom random = new SplittableRandom(options.seed() * 31 + 7);
        record Pending(Account account, PostRef ref, Instant publishedAt, long audience) {
        }
        List<Pending> pending = new ArrayList<>();
        int published = 0;
        WeekContent content = new WeekContent(strategy);
        Instant start = clock.instant();
        for (Instant hour = start; hour.isBefore(weekStart); hour = hour.plus(Duration.ofHours(1))) {
            clock.set(hour);
            ZonedDateTime local = hour.atZone(zone);
            if (local.getHour() == 0) {
                takeSnapshots();
            }
            for (Account account : accounts) {
                if (local.getMinute() == 0 && postsAt(random, account, local)) {
                    Connector connector = connectors.get(account.key());
                    String body = content.ideas(1, List.of(account.platform()), p -> connector.limits(),
                            "past-" + published).get(0).variants().get(0).text();
                    PostVariant variant = PostVariant.text(account.platform(), body);
                    PublishedPost post = connector.require(Publishing.class)
                            .publish(PublishRequest.now(variant, "past-" + options.seed() + "-" + account.key() + "-" + hour));
                    long audience = followers(connector);
                    pending.add(new Pending(account, post.ref(), post.publishedAt(), audience));
                    pastPosts.add(new PastPost(account, post.ref(), post.publishedAt()));
                    published++;
                }
            }
            for (var it = pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (!p.publishedAt().plus(OUTCOME_HORIZON).isAfter(hour)) {
                    MetricSnapshot snapshot = connectors.get(p.account().key()).require(Metrics.class).snapshot(p.ref());
                    long audience = snapshot.value(Metric.REACH).orElse(p.audience());
                    long engagements = Math.min(audience, engagements(snapshot));
                    if (audience > 0) {
                        pastOutcomes.computeIfAbsent(p.account().platform(), k -> new ArrayList<>()).add(new PostOutcome(
                                p.account().platform(), p.ref().id(), p.publishedAt(), engagements, audience));
                    }
                    it.remove();
                }
            }
            if (local.getHour() % 6 == 0) {
                inbox.poll();
                listening.flush(false);
            }
        }
        clock.set(weekStart);
        inbox.poll();
        listening.flush(false);
        out.printf("  %s, %s%n", labels.count(published, "pastPosts"),
                labels.count(pastOutcomes.values().stream().mapToInt(List::size).sum(), "pastOutcomes"));
    }

    /** Three of the four past hours each day, chosen by the seed. */
    private static boolean postsAt(SplittableRandom random, Account account, ZonedDateTime local) {
        for (int hour : PAST_HOURS) {
            if (hour == local.getHour()) {
                return random.nextInt(4) != 0;
            }
        }
        return false;
    }

    static long engagements(MetricSnapshot snapshot) {
        return List.of(Metric.LIKES, Metric.SHARES, Metric.COMMENTS, Metric.QUOTES, Metric.SAVES).stream()
                .mapToLong(m -> snapshot.value(m).orElse(0L)).sum();
    }

    private static long followers(Connector connector) throws ConnectorException {
        return connector.require(Metrics.class).accountSnapshot().value(Metric.FOLLOWERS).orElse(0L);
    }

    /**
     * Every account's counters, and the counters of the posts of the last seven days and of the
     * week: the past weeks fall in the objectives' periods, so their reach and clicks count too.
     */
    private void takeSnapshots() throws ConnectorException {
        for (Account account : accounts) {
            Metrics metrics = connectors.get(account.key()).require(Metrics.class);
            snapshots.add(metrics.accountSnapshot());
        }
        Instant since = clock.instant().minus(Duration.ofDays(7));
        for (PastPost post : pastPosts) {
            if (!post.publishedAt().isBefore(since)) {
                snapshots.add(connectors.get(post.account().key()).require(Metrics.class).snapshot(post.ref()));
            }
        }
        for (WeekPost post : weekPosts) {
            if (post.published != null && !onRealServer(post.account)) {
                snapshots.add(connectors.get(post.account.key()).require(Metrics.class).snapshot(post.published.ref()));
            }
        }
    }

    // ------------------------------------------------------------------------------------ the plan

    private EditorialCalendar plan(PostWorkflow workflow, ConnectorLookup lookup) {
        heading(labels.get("bestTimes"));
        BestTime bestTime = new BestTime(zone, MINIMUM_POSTS_PER_CELL, BestTime.DEFAULT_MINIMUM_WEEKS);
        EditorialCalendar.Builder builder = EditorialCalendar.builder(strategy, clock);
        List<PostingCadence> cadences = new ArrayList<>();
        for (Platform platform : accounts.stream().map(Account::platform).distinct().toList()) {
            strategy.editorialLine().cadences().stream()
                    .filter(c -> c.platform().equals(platform) && c.postsPerWeek() > 0).findFirst().ifPresent(cadences::add);
        }
        for (PostingCadence cadence : cadences) {
            Platform platform = cadence.platform();
            Heatmap heatmap = bestTime.heatmap(platform, pastOutcomes.getOrDefault(platform, List.of()));
            heatmaps.put(platform, heatmap);
            SlotPlan slots = bestTime.slotPlan(heatmap, cadence.postsPerWeek());
            builder.slotPlan(slots);
            String best = heatmap.ranked().stream().filter(HeatmapCell::isReadable).limit(3)
                    .map(c -> c.day().getDisplayName(java.time.format.TextStyle.SHORT, options.language()) + " "
                            + String.format("%02dh", c.hour()))
                    .collect(Collectors.joining(", "));
            out.printf("  %-10s %s — %s%s%s%n", platform.displayName(), labels.count(cadence.postsPerWeek(), "perWeek"),
                    labels.get("best"), labels.colon(), best.isEmpty() ? labels.get("noData") : best);
        }
        EditorialCalendar calendar = builder.build();

        heading(labels.get("planning"));
        // Enough ideas for the busiest account; each account takes them in order, slot after slot.
        int ideas = strategy.editorialLine().cadences().stream().mapToInt(PostingCadence::postsPerWeek).max().orElse(0);
        List<Platform> platforms = accounts.stream().map(Account::platform).distinct().toList();
        WeekContent content = new WeekContent(strategy);
        List<Post> posts = content.ideas(ideas, platforms, p -> limitsOf(lookup, p), idPrefix);
        List<CalendarEntry> entries = new ArrayList<>();
        for (Account account : accounts) {
            if (calendar.slotPlan(account.platform()).isEmpty()) {
                continue;
            }
            for (Post post : posts) {
                CalendarEntry entry = calendar.enqueue(post, account);
                if (!entry.instant().isBefore(weekEnd)) {
                    calendar.remove(entry.id());
                    break;
                }
                entries.add(entry);
            }
        }
        entries.sort(Comparator.naturalOrder());
        out.printf("  %s, %s%n", labels.count(posts.size(), "ideas"), labels.count(entries.size(), "entries"));
        calendar.conflicts().forEach(c -> out.println("  ! " + c.message()));

        // Each calendar entry becomes a post of its own in the workflow: one time, one account, its variant.
        boolean rejectedOne = false;
        for (CalendarEntry entry : entries) {
            Post source = entry.post();
            Post single = new Post(source.id() + "-" + accountSuffix(entry.account()), source.brandId(), source.pillar(),
                    source.campaign(), List.of(entry.variant()));
            PostKey key = PostKey.of(single);
            if (!rejectedOne) {
                Optional<String> draft = content.withBannedTerm(entry.variant().text());
                if (draft.isPresent()) {
                    // The first draft uses a banned term: the reviewer sends it back, the author fixes it.
                    Post first = new Post(single.id(), single.brandId(), single.pillar(), single.campaign(),
                            List.of(PostVariant.text(entry.platform(), draft.get())));
                    workflow.create(first, List.of(entry.account()), AUTHOR);
                    workflow.submit(key, AUTHOR);
                    String banned = strategy.editorialLine().bannedTerms().get(0);
                    workflow.reject(key, REVIEWER, labels.get("bannedComment") + " " + labels.quote(banned));
                    out.printf("  ✗ %s %s %s — %s %s%n", single.id(), labels.get("rejectedBy"), REVIEWER,
                            labels.get("bannedComment"), labels.quote(banned));
                    workflow.edit(key, single, AUTHOR);
                    rejectedOne = true;
                } else {
                    workflow.create(single, List.of(entry.account()), AUTHOR);
                }
            } else {
                workflow.create(single, List.of(entry.account()), AUTHOR);
            }
            workflow.submit(key, AUTHOR);
            workflow.approve(key, REVIEWER);
            workflow.schedule(key, entry.instant(), REVIEWER);
            WeekPost weekPost = new WeekPost(single, entry.account(), false);
            weekPosts.add(weekPost);
            byKey.put(key, weekPost);
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", options.language());
        // Columns as wide as their widest cell ("dim. 10 mai", "173/2200"), so the table lines up.
        int whenWidth = entries.stream().mapToInt(e -> e.start().format(format).length()).max().orElse(0);
        int usageWidth = entries.stream().mapToInt(e -> new PlatformLimitsView(lookup, e.account()).usage(e.variant()).length())
                .max().orElse(0);
        for (CalendarEntry entry : entries) {
            PlatformLimitsView view = new PlatformLimitsView(lookup, entry.account());
            out.printf("  %-" + whenWidth + "s  %-10s %-24s %-" + usageWidth + "s  %s%n", entry.start().format(format),
                    entry.platform().displayName(), entry.post().pillar().orElse("—"), view.usage(entry.variant()),
                    Demo.oneLine(entry.variant().text(), 48));
        }
        out.printf("  ✓ %s (%s → %s → %s)%n", labels.count(entries.size(), "approvedScheduled"), AUTHOR, REVIEWER,
                labels.agreeing(entries.size(), "scheduled"));
        return calendar;
    }

    /** The platform's id, numbered when the brand has several accounts on it (two Facebook pages). */
    private String accountSuffix(Account account) {
        List<Account> same = accounts.stream().filter(a -> a.platform().equals(account.platform())).toList();
        return account.platform().id() + (same.size() > 1 ? "-" + (same.indexOf(account) + 1) : "");
    }

    private io.cmkit.core.spi.PlatformLimits limitsOf(ConnectorLookup lookup, Platform platform) {
        return accounts.stream().filter(a -> a.platform().equals(platform)).findFirst()
                .flatMap(lookup::find).map(Connector::limits).orElseThrow();
    }

    /** A variant's length against its account's limit: "212/500". */
    private record PlatformLimitsView(ConnectorLookup lookup, Account account) {
        String usage(PostVariant variant) {
            return lookup.find(account).map(c -> c.limits().lengthOf(variant.text()) + "/" + c.limits().maxTextLength())
                    .orElse("");
        }
    }

    // ------------------------------------------------------------------------------------ the live

    /** The live launch: its event, plan and question collector. */
    private record LiveLaunch(LiveEvent event, LivePlan plan, QuestionCollector collector, Instant start) {
    }

    /** Mid-week, 18:00: the product launch, a threaded run of show with a Q&A, approved as a unit and scheduled. */
    private LiveLaunch planLive(PostWorkflow workflow, ConnectorLookup lookup) {
        int day = (options.days() + 1) / 2;
        Instant start = firstDay.plusDays(day - 1).atTime(LocalTime.of(18, 0)).atZone(zone).toInstant();
        List<Account> liveAccounts = accounts.stream()
                .filter(a -> a.platform().equals(Platform.MASTODON) || a.platform().equals(Platform.BLUESKY)).toList();
        if (liveAccounts.isEmpty()) {
            liveAccounts = accounts.subList(0, Math.min(2, accounts.size()));
        }
        String hashtag = ascii(strategy.brand().name()) + "Live";
        boolean french = options.french();
        String name = french ? "Lancement de notre nouveauté" : "Launch of our new product";
        LiveEvent event = new LiveEvent("launch-" + idPrefix, name, strategy.brand().id(), start, zone,
                List.of(hashtag), liveAccounts, Duration.ofHours(1));
        List<Platform> platforms = liveAccounts.stream().map(Account::platform).distinct().toList();
        String tag = " #" + hashtag;
        List<Cue> cues = List.of(
                Cue.text("T-1h", texts(platforms, french ? "Dans une heure, on lance notre nouveauté en direct !" + tag
                        : "In one hour, we launch our new product live!" + tag)).labelled("teaser"),
                Cue.text("T+0", texts(platforms, french ? "C'est parti : la nouveauté est là. Posez vos questions avec" + tag
                        : "Here it is: our new product. Ask your questions with" + tag)).labelled("opening"),
                Cue.text("T+15m", texts(platforms, french ? "Démonstration : comment on l'a conçue, et comment s'en servir." + tag
                        : "Demo: how we made it, and how to use it." + tag)).labelled("demo"),
                Cue.text("T+30m", texts(platforms, french ? "Questions-réponses : on répond à vos questions !" + tag
                        : "Q&A: we answer your questions!" + tag)).labelled("Q&A"),
                Cue.text("T+55m", texts(platforms, french ? "Merci d'avoir été là ! La nouveauté est en ligne ce soir." + tag
                        : "Thank you for joining! It is online tonight." + tag)).labelled("thanks"));
        RunOfShow show = RunOfShow.threaded(event, cues);
        LivePlan plan = show.plan(clock, account -> lookup.find(account).map(Connector::limits)
                .orElseThrow(() -> new IllegalStateException("no connector for " + account)));
        LiveScheduling scheduling = LiveScheduling.of(workflow, clock);
        scheduling.submit(plan, AUTHOR);
        scheduling.approve(plan, REVIEWER);
        scheduling.schedule(plan, REVIEWER);
        for (PlannedPost planned : plan.posts()) {
            WeekPost post = new WeekPost(LiveScheduling.postOf(plan, planned), planned.account(), true);
            weekPosts.add(post);
            byKey.put(LiveScheduling.keyOf(plan, planned), post);
        }
        out.printf("  ✓ %s %s %s %s, %s (%s)%n", labels.get("live"), labels.quote(name), labels.get("at"),
                start.atZone(zone).format(DateTimeFormatter.ofPattern("EEEE d MMM HH:mm", options.language())),
                labels.count(plan.posts().size(), "cues"), "#" + hashtag);
        return new LiveLaunch(event, plan, new QuestionCollector(event, clock), start);
    }

    private static Map<Platform, String> texts(List<Platform> platforms, String text) {
        Map<Platform, String> texts = new LinkedHashMap<>();
        platforms.forEach(p -> texts.put(p, text));
        return texts;
    }

    private static String ascii(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^A-Za-z0-9]", "");
    }

    // -------------------------------------------------------------------------- what the world does

    /** Questions during the live, comparisons with a competitor every day, and the bad buzz. */
    private void plantEvents(LiveLaunch launch) {
        SplittableRandom random = new SplittableRandom(options.seed() * 17 + 3);
        boolean french = strategy.editorialLine().mainLanguage().getLanguage().equals("fr");
        Account main = accounts.get(0);
        String[] questions = french
                ? new String[] {"C'est disponible à partir de quand ?", "Est-ce qu'on peut l'offrir avec un message ?",
                    "Livraison possible en Belgique ?", "Quel est le prix de lancement ?", "Il y aura d'autres versions ?"}
                : new String[] {"When is it available?", "Can I send it as a gift with a note?",
                    "Do you ship to Canada?", "What is the launch price?", "Will there be other versions?"};
        String hashtag = launch.event().hashtags().get(0);
        for (int i = 0; i < questions.length; i++) {
            Account account = launch.event().accounts().get(i % launch.event().accounts().size());
            world.plantMention(account, "viewer" + (i + 1), "#" + hashtag + " " + questions[i],
                    launch.start().plus(Duration.ofMinutes(5 + 8L * i)));
        }
        String competitor = competitorName();
        String[] comparisons = french
                ? new String[] {"Entre " + strategy.brand().name() + " et " + competitor + ", mon cœur balance.",
                    competitor + " a sorti un nouveau blend, quelqu'un a goûté ?",
                    "Je préfère " + competitor + " pour l'espresso, mais le filtre de " + strategy.brand().name() + " est top."}
                : new String[] {"Between " + strategy.brand().name() + " and " + competitor + ", I can't choose.",
                    competitor + " released a new blend, anyone tried it?",
                    "I prefer " + competitor + " for espresso, but " + strategy.brand().name() + " filter is great."};
        for (int day = 0; day < options.days(); day++) {
            for (int n = 0; n < 3; n++) {
                Instant at = firstDay.plusDays(day).atTime(9 + random.nextInt(12), random.nextInt(60)).atZone(zone).toInstant();
                world.plantMention(accounts.get(random.nextInt(accounts.size())), "fan" + day + n,
                        comparisons[random.nextInt(comparisons.length)], at);
            }
        }
        int buzzDay = Math.min(options.days(), (options.days() + 1) / 2 + 1);
        Instant buzz = firstDay.plusDays(buzzDay - 1).atTime(10, 0).atZone(zone).toInstant();
        world.plantBadBuzz(main, strategy.brand().name(), buzz, Duration.ofHours(8), 40);
    }

    /** The competitor the demo watches beside the brand. */
    String competitorName() {
        return strategy.editorialLine().mainLanguage().getLanguage().equals("fr") ? "La Maison d'en face" : "Across the Street Co";
    }

    private ListeningDesk listeningDesk() {
        String brand = strategy.brand().name();
        // The accounts' handles as written in mentions (@name, @name@instance), where the query language can read them.
        String handles = accounts.stream().map(a -> a.handle().replaceAll("^@", ""))
                .filter(h -> h.matches("[A-Za-z0-9_]+(@[A-Za-z0-9.-]+)?")).distinct().map(h -> "@" + h)
                .collect(Collectors.joining(" OR "));
        List<SavedQuery> queries = List.of(
                SavedQuery.of("brand", strategy.brand().id(), Watch.BRAND,
                        "\"" + brand + "\" OR #" + ascii(brand) + (handles.isEmpty() ? "" : " OR " + handles)),
                SavedQuery.of("competitor", "competitor", Watch.COMPETITOR, "\"" + competitorName() + "\""));
        Listening listening = Listening.builder(clock)
                .spikes(SpikeConfig.defaults().withZone(zone))
                .sink(alert -> {
                    // The past weeks only build the baselines: alerts count from the week's start.
                    if (!alert.raisedAt().isBefore(weekStart)) {
                        tally.alerts.add(alert);
                        // Printed under the line of the day it was raised on (see the simulated days).
                        alertLines.add(String.format("    ⚠ %s %s — %s", alert.raisedAt().atZone(zone).format(
                                DateTimeFormatter.ofPattern("EEE HH:mm", options.language())),
                                labels.get("alert." + alert.kind().name()), describe(alert)));
                    }
                })
                .build();
        return new ListeningDesk(queries, listening, zone);
    }

    private String describe(io.cmkit.listening.alert.Alert alert) {
        String evidence = alert.evidence().topMentions().stream().findFirst()
                .map(m -> " " + labels.quote(Demo.oneLine(m.text(), 60))).orElse("");
        io.cmkit.listening.alert.SeriesKey series = alert.series();
        String whose = switch (series.scope()) {
            case BRAND -> strategy.brand().name();
            case COMPETITOR -> competitorName();
            case QUERY -> labels.get("savedQuery") + " " + labels.quote(series.id());
        };
        return String.format(options.language(), "%s%s%d %s %s (%s %.1f)%s", whose, labels.colon(), alert.spike().observed(),
                labels.get("measure." + series.measure().name()), labels.get("inOneHour"), labels.get("baseline"),
                alert.spike().baseline(), evidence);
    }

    // --------------------------------------------------------------------------------- moderation

    /** The moderator of the week: default rules and lexicons, an in-memory review queue and audit log. */
    private final class Moderation {
        final Moderator moderator;

        Moderation() {
            ModerationEngine engine = ModerationEngine.builder()
                    .rules(RuleSet.defaults())
                    .lexicon(Lexicons.defaults())
                    .clock(clock)
                    .brandName(strategy.brand().name())
                    .build();
            moderator = Moderator.builder(engine)
                    .reviewQueue(ReviewQueue.inMemory(clock))
                    .auditLog(AuditLog.inMemory())
                    .alertSink((interaction, decision) -> { })   // ESCALATE is counted from the event below
                    .clock(clock)
                    .build();
            moderator.getEventPublisher()
                    .onHidden(e -> count(Action.HIDE, e.interaction(), e.decision()))
                    .onDeleted(e -> count(Action.DELETE, e.interaction(), e.decision()))
                    .onReplied(e -> {
                        count(Action.REPLY, e.interaction(), e.decision());
                        synchronized (tally) {
                            replies.add(new BrandReply(e.interaction().account(), e.interaction().id(), e.at()));
                        }
                    })
                    .onFlagged(e -> count(Action.FLAG, e.interaction(), e.decision()))
                    .onEscalated(e -> count(Action.ESCALATE, e.interaction(), e.decision()))
                    .onBlocked(e -> count(Action.BLOCK_AUTHOR, e.interaction(), e.decision()));
        }

        private void count(Action action, Interaction interaction, Decision decision) {
            tally.moderated(new WeekTally.Moderated(action, decision.category().orElse("—"), interaction.author().handle(),
                    interaction.text(), decision.explain(options.language())));
        }
    }

    /** Counts the comments and mentions the inbox hands over during the week. */
    private final class Counting implements InteractionHandler {
        @Override
        public String name() {
            return "demo-counts";
        }

        @Override
        public void handle(Interaction interaction, io.cmkit.core.inbox.Delivery delivery) {
            synchronized (tally) {
                interactions.add(interaction);
            }
            if (interaction.createdAt().isBefore(weekStart)) {
                return;
            }
            synchronized (tally) {
                if (interaction.kind() == Interaction.Kind.MENTION || interaction.kind() == Interaction.Kind.QUOTE) {
                    tally.mentions++;
                } else {
                    tally.comments++;
                }
            }
        }
    }

    /** Offers everything the inbox collects to the live event's question collector. */
    private static final class QuestionHandler implements InteractionHandler {
        QuestionCollector collector;

        @Override
        public String name() {
            return "live-questions";
        }

        @Override
        public void handle(Interaction interaction, io.cmkit.core.inbox.Delivery delivery) {
            if (collector != null) {
                collector.offer(interaction);
            }
        }
    }

    // ------------------------------------------------------------------------------- the week runs

    private void simulate(ScheduleStore store, Scheduler scheduler, Inbox inbox, ListeningDesk listening, LiveLaunch launch)
            throws ConnectorException {
        heading(labels.get("simulating"));
        // One date style in both languages, as elsewhere in the output: "lundi 4 mai 2026", "Monday 4 May 2026".
        DateTimeFormatter dayFormat = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", options.language());
        WeekTally before = tally.snapshot();
        int day = 1;
        Instant dayEnd = firstDay.plusDays(1).atStartOfDay(zone).toInstant();
        Instant nextPoll = weekStart;
        while (clock.instant().isBefore(weekEnd)) {
            Instant now = clock.instant();
            scheduler.dispatchDue();
            if (!now.isBefore(nextPoll)) {
                inbox.poll();
                listening.flush(true);
                nextPoll = now.plus(pollEvery(now, launch));
                if (now.atZone(zone).getHour() == 0) {
                    takeSnapshots();
                }
            }
            Instant next = nextPoll;
            Optional<Instant> due = store.nextClaimableAt();
            if (due.isPresent() && due.get().isAfter(now) && due.get().isBefore(next)) {
                next = due.get();
            }
            if (next.isAfter(dayEnd)) {
                next = dayEnd;
            }
            clock.set(next);
            if (!next.isBefore(dayEnd)) {
                scheduler.dispatchDue();
                inbox.poll();
                listening.flush(true);
                takeSnapshots();
                tally.questions = launch.collector.size();
                WeekTally now2 = tally.snapshot();
                out.printf("  %s %d/%d — %s%s %s%s, +%s, +%s · %s · %s%n", labels.get("day"), day, options.days(),
                        dayEnd.minusSeconds(1).atZone(zone).format(dayFormat), options.french() ? " :" : ":",
                        labels.count(now2.published - before.published, "postsPublished"),
                        now2.livePublished > before.livePublished ? " + " + (now2.livePublished - before.livePublished) + " "
                                + labels.get("liveCues") : "",
                        labels.count(now2.comments - before.comments, "comments"),
                        labels.count(now2.mentions - before.mentions, "mentions"),
                        moderationLine(before, now2),
                        labels.count(now2.alerts.size() - before.alerts.size(), "alerts"));
                if (now2.livePublished > before.livePublished) {
                    out.printf("      %s%s%s%n", labels.get("live"), labels.colon(), labels.count(now2.questions - before.questions, "questions"));
                }
                alertLines.forEach(out::println);
                alertLines.clear();
                before = now2;
                day++;
                nextPoll = dayEnd;
                dayEnd = firstDay.plusDays(day).atStartOfDay(zone).toInstant();
            }
        }
    }

    /** Hourly, and every ten minutes around the live so its questions come in as they are asked. */
    private static Duration pollEvery(Instant now, LiveLaunch launch) {
        boolean aroundLive = !now.isBefore(launch.start().minus(Duration.ofMinutes(30)))
                && now.isBefore(launch.start().plus(Duration.ofHours(2)));
        return aroundLive ? Duration.ofMinutes(10) : Duration.ofHours(1);
    }

    private String moderationLine(WeekTally before, WeekTally now) {
        List<String> parts = new ArrayList<>();
        for (Action action : List.of(Action.HIDE, Action.DELETE, Action.REPLY, Action.FLAG)) {
            long n = now.actions.getOrDefault(action, 0L) - before.actions.getOrDefault(action, 0L);
            parts.add(labels.count(n, "action." + action.name()));
        }
        return String.join(", ", parts);
    }

    private void heading(String title) {
        out.println();
        out.println(title);
        out.println("─".repeat(Math.min(72, title.length() + 4)));
    }
}
