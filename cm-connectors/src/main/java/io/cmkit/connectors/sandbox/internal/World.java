package io.cmkit.connectors.sandbox.internal;

import io.cmkit.connectors.sandbox.Intent;
import io.cmkit.connectors.sandbox.InteractionFacts;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.MediaAsset;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.core.spi.Boost;
import io.cmkit.core.spi.BoostRequest;
import io.cmkit.core.spi.Capability;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.LimitViolation;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.Profile;
import io.cmkit.core.spi.ProfileUpdate;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.UnsupportedCapabilityException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * The simulated world behind every sandbox connector: accounts, posts, the audience's processes,
 * feeds, boosts and injected faults.
 *
 * <p><b>Time.</b> The world follows its clock but never goes back: its present is the latest
 * instant the clock has shown. Every call first catches every process up to the present
 * ({@link #sync()}), then acts; so what happened "between" calls appears when anything next looks,
 * and outcomes depend on the seed and on the calls and their times only.
 *
 * <p><b>Threads.</b> One lock guards the whole world; connectors of several accounts, a scheduler
 * and an inbox poller may call it from any thread.
 */
public final class World {

    /** How many spam comments one drawn spam comment makes, floods included, on average. */
    private static final double SPAM_FLOOD = 0.45 + 0.55 * 3.0;
    /** How many abusive comments one drawn abusive comment makes, trolls' returns included. */
    private static final double TROLL_RETURN = 1.0 + 0.45 * 0.4;

    private final ReentrantLock lock = new ReentrantLock();
    private final Settings settings;
    private final long seed;
    private final long genesisMs;
    private long nowMs;
    private final Map<String, AccountState> accounts = new LinkedHashMap<>();
    private final Map<String, PostState> posts = new HashMap<>();
    private final Map<String, InteractionRecord> interactions = new HashMap<>();
    private final Set<String> usedIds = new HashSet<>();
    private final Map<Platform, Population> populations = new HashMap<>();
    private final List<EventProcess> processes = new ArrayList<>();
    /** Processes by the time they next have something due (entries left stale when a process moved earlier are skipped). */
    private final PriorityQueue<Due> dueQueue = new PriorityQueue<>();

    private record Due(long atMs, EventProcess process) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            int byTime = Long.compare(atMs, other.atMs);
            return byTime != 0 ? byTime : Integer.compare(process.order, other.process.order);
        }
    }

    /** A world whose history starts at the clock's present instant. */
    public World(Settings settings) {
        this.settings = settings;
        this.seed = settings.seed();
        this.genesisMs = settings.clock().millis();
        this.nowMs = genesisMs;
    }

    /** A call into the world, which may fail the way a platform does. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws ConnectorException;
    }

    // ---- Public side: SandboxWorld and SandboxFaults ---------------------------------------------

    public Settings settings() {
        return settings;
    }

    public ZoneId zone() {
        return settings.zone();
    }

    /** When the world began: the clock's instant when it was built. */
    public Instant genesis() {
        return Instant.ofEpochMilli(genesisMs);
    }

    /** The world's present, after catching up with the clock. */
    public Instant now() {
        return locked(() -> {
            sync();
            return Instant.ofEpochMilli(nowMs);
        });
    }

    /** A connector acting for this account. */
    public io.cmkit.core.spi.Connector connector(Account account) {
        return locked(() -> new SandboxConnector(this, accountOf(account)));
    }

    /** Plants a bad buzz against the account. */
    public void plantBadBuzz(Account account, Optional<String> keyword, Instant start, Duration duration, double peakPerHour) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a bad buzz must last a while (got " + duration + ")");
        }
        if (!(peakPerHour > 0) || Double.isInfinite(peakPerHour)) {
            throw new IllegalArgumentException("peakPerHour must be a positive number (got " + peakPerHour + ")");
        }
        locked(() -> {
            sync();
            AccountState a = accountOf(account);
            String kw = keyword.map(String::strip).filter(k -> !k.isEmpty())
                    .orElseGet(() -> "#Boycott" + a.brandName.replaceAll("[^\\p{L}\\p{N}]", ""));
            long startMs = start.toEpochMilli();
            long endMs = start.plus(duration).toEpochMilli();
            double expected = peakPerHour * duration.toMillis() / 3_600_000.0 / 2;
            double loss = Math.min(a.initialFollowers * 0.05, expected * 0.6);
            String name = "buzz/" + a.account.key() + "/" + a.buzzes.size();
            BuzzProcess buzz = new BuzzProcess(this, processes.size(), Seeds.random(seed, name), a, kw, startMs, endMs,
                    peakPerHour, loss);
            a.buzzes.add(buzz);
            addProcess(buzz);
            return null;
        });
    }

    /** Plants a mention of the account by this author, visible from {@code at} on. */
    public Interaction plantMention(Account account, Optional<Author> author, Optional<String> handle, String text,
                                    Instant at) {
        return locked(() -> {
            sync();
            AccountState a = accountOf(account);
            Locale language = Languages.detect(text, a.languages.get(0));
            Population.Persona who = persona(a.account.platform(), author, handle, language);
            InteractionRecord record = record(a, Interaction.Kind.MENTION, who, text, language, at.toEpochMilli(),
                    ThreadPosition.standalone(), Optional.empty(), null, Seeds.of(seed, "planted", text, at.toString(),
                            Integer.toString(usedIds.size())));
            a.scripted.schedule(new ScriptedProcess.Prepared(record, a.mentions, false));
            sync();
            return record.interaction;
        });
    }

    /** Plants a comment under one of the brand's posts, visible from {@code at} on. */
    public Interaction plantComment(PostRef post, Optional<Author> author, Optional<String> handle, String text,
                                    Instant at) {
        return locked(() -> {
            sync();
            PostState p = posts.get(key(post));
            if (p == null) {
                throw new IllegalArgumentException("no brand post " + post.id() + " on " + post.platform().displayName()
                        + " in this world");
            }
            if (at.toEpochMilli() < p.publishedMs) {
                throw new IllegalArgumentException("a comment cannot come before its post (published "
                        + Instant.ofEpochMilli(p.publishedMs) + ", comment at " + at + ")");
            }
            AccountState a = p.account;
            Locale language = Languages.detect(text, p.language);
            Population.Persona who = persona(a.account.platform(), author, handle, language);
            ThreadPosition thread = p.depth == 0 ? ThreadPosition.replyToBrandPost(p.id)
                    : new ThreadPosition(Optional.of(p.rootId), Optional.of(p.id), p.depth + 1, true);
            InteractionRecord record = record(a, Interaction.Kind.COMMENT, who, text, language, at.toEpochMilli(), thread,
                    Optional.empty(), p, Seeds.of(seed, "planted", text, at.toString(), Integer.toString(usedIds.size())));
            a.scripted.schedule(new ScriptedProcess.Prepared(record, p.comments, false));
            sync();
            return record.interaction;
        });
    }

    /** What the world knows about an interaction it produced. */
    public Optional<InteractionFacts> facts(Interaction interaction) {
        return locked(() -> {
            sync();
            return Optional.ofNullable(interactions.get(interaction.key())).map(InteractionRecord::facts);
        });
    }

    /** Makes the account's next {@code times} calls (of one capability, if given) fail this way. */
    public void addFault(Account account, FaultSpec fault, int times, Optional<Capability> only) {
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive (got " + times + ")");
        }
        locked(() -> {
            accountOf(account).faults.add(fault, times, only);
            return null;
        });
    }

    /** How many injected failures are still waiting for the account's calls. */
    public int pendingFaults(Account account) {
        return locked(() -> accountOf(account).faults.pending());
    }

    /** Forgets the account's injected failures. */
    public void clearFaults(Account account) {
        locked(() -> {
            accountOf(account).faults.clear();
            return null;
        });
    }

    // ---- The connectors' side ----------------------------------------------------------------------

    /**
     * Runs one platform call for the account: catches up, applies an injected fault if one is
     * waiting for this capability, and runs the call under the world's lock.
     */
    <T> T call(AccountState account, Capability capability, Call<T> call) throws ConnectorException {
        lock.lock();
        try {
            sync();
            Optional<FaultSpec> fault = account.faults.take(capability);
            if (fault.isPresent() && !fault.get().afterEffect()) {
                throw fault.get().toException(account.account.platform(), Instant.ofEpochMilli(nowMs));
            }
            T result = call.run();
            if (fault.isPresent()) {
                throw fault.get().toException(account.account.platform(), Instant.ofEpochMilli(nowMs));
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    PublishedPost publish(AccountState a, PublishRequest request) throws ConnectorException {
        PostState known = a.byKey.get(request.idempotencyKey());
        if (known != null) {
            return known.published();
        }
        Platform platform = a.account.platform();
        PostVariant variant = request.variant();
        if (!variant.platform().equals(platform)) {
            throw rejected(platform, "this variant is written for " + variant.platform().displayName() + ", not "
                    + platform.displayName(), "wrong_platform");
        }
        List<LimitViolation> violations = a.limits.check(variant);
        if (!violations.isEmpty()) {
            throw rejected(platform, violations.stream().map(LimitViolation::message).collect(Collectors.joining("; ")),
                    "limits");
        }
        long at = nowMs;
        if (request.scheduleAt().isPresent()) {
            if (!a.traits.nativeScheduling()) {
                throw new UnsupportedCapabilityException(platform, "schedule a post natively",
                        "its API has no scheduling; publish at the due time instead (see Publishing.supportsNativeScheduling)");
            }
            Instant when = request.scheduleAt().get();
            if (when.isBefore(Instant.ofEpochMilli(nowMs).plus(Duration.ofMinutes(5)))) {
                throw rejected(platform, "scheduled_at must be at least 5 minutes in the future (got " + when + ")", "422");
            }
            at = when.toEpochMilli();
        }
        PostState parentPost = null;
        InteractionRecord parentInteraction = null;
        if (request.replyTo().isPresent()) {
            PostRef parent = request.replyTo().get();
            if (!parent.platform().equals(platform)) {
                throw rejected(platform, "cannot reply to a post on " + parent.platform().displayName(), "400");
            }
            parentPost = posts.get(key(parent));
            if (parentPost == null) {
                parentInteraction = interactions.get(key(parent));
                if (parentInteraction == null) {
                    throw rejected(platform, "the post to reply to (" + parent.id() + ") was not found", "404");
                }
                if (parentInteraction.deleted()) {
                    throw rejected(platform, "the post to reply to (" + parent.id() + ") was deleted", "404");
                }
            } else if (!parentPost.publishedBy(at)) {
                throw rejected(platform, "the post to reply to (" + parent.id() + ") "
                        + (parentPost.deleted() ? "was deleted" : "is not published yet"), "404");
            }
        }
        PostState post = newPost(a, variant, request.idempotencyKey(), at, parentPost, parentInteraction);
        if (parentInteraction != null) {
            answerLater(a, parentInteraction, post);
        }
        return post.published();
    }

    void deletePost(AccountState a, PostRef ref) throws ConnectorException {
        PostState post = posts.get(key(ref));
        if (post == null || post.deleted()) {
            return;
        }
        if (post.account != a) {
            throw rejected(a.account.platform(), "post " + ref.id() + " belongs to another account", "403");
        }
        post.deletedMs = nowMs;
        for (BoostState boost : post.boosts) {
            boost.cancel(nowMs);
        }
        a.followersWon.changed(post);
        post.process.rateChanged(nowMs);
    }

    Optional<PublishedPost> findPublished(AccountState a, String idempotencyKey) {
        return Optional.ofNullable(a.byKey.get(idempotencyKey)).filter(p -> !p.deleted()).map(PostState::published);
    }

    Page<Interaction> comments(AccountState a, PostRef ref, Optional<Cursor> from) throws ConnectorException {
        return ownPost(a, ref).comments.page(from, settings.pageSize());
    }

    Page<Interaction> mentions(AccountState a, Optional<Cursor> from) {
        return a.mentions.page(from, settings.pageSize());
    }

    void hide(AccountState a, Interaction comment, boolean hidden) throws ConnectorException {
        InteractionRecord record = live(a, comment);
        if (!record.isComment()) {
            throw rejected(a.account.platform(), "only replies to the account's posts can be hidden; this is a "
                    + comment.kind().name().toLowerCase(Locale.ROOT), "400");
        }
        if (hidden) {
            record.visibility = InteractionFacts.Visibility.HIDDEN;
        } else if (record.visibility == InteractionFacts.Visibility.HIDDEN) {
            record.visibility = InteractionFacts.Visibility.VISIBLE;
        }
    }

    void deleteComment(AccountState a, Interaction comment) throws ConnectorException {
        InteractionRecord record = known(a, comment);
        if (!record.isComment()) {
            throw rejected(a.account.platform(), "only comments under the account's posts can be deleted; this is a "
                    + comment.kind().name().toLowerCase(Locale.ROOT) + " on its author's own account", "403");
        }
        record.visibility = InteractionFacts.Visibility.DELETED;
    }

    PublishedPost reply(AccountState a, Interaction comment, String text, String idempotencyKey) throws ConnectorException {
        PostState known = a.byKey.get(idempotencyKey);
        if (known != null) {
            return known.published();
        }
        InteractionRecord record = live(a, comment);
        Platform platform = a.account.platform();
        return publish(a, PublishRequest.reply(PostVariant.text(platform, text), idempotencyKey,
                PostRef.of(platform, record.interaction.id())));
    }

    void block(AccountState a, Author author) {
        a.blocked.add(author.id());
    }

    void report(AccountState a, Interaction comment, String reason) throws ConnectorException {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a report needs a reason for the platform's moderators");
        }
        live(a, comment).reports.add(reason.strip());
    }

    MetricSnapshot postSnapshot(AccountState a, PostRef ref) throws ConnectorException {
        PostState post = ownPost(a, ref);
        return new MetricSnapshot(a.account, Optional.of(post.id), Instant.ofEpochMilli(nowMs), post.counters(nowMs));
    }

    MetricSnapshot accountSnapshot(AccountState a) {
        Map<Metric, Long> values = new LinkedHashMap<>();
        for (Metric metric : a.traits.accountMetrics()) {
            if (metric.equals(Metric.FOLLOWERS)) {
                values.put(metric, a.followers(nowMs));
            } else if (metric.equals(Metric.IMPRESSIONS)) {
                long sum = 0;
                for (PostState post : a.posts) {
                    sum += post.counters(nowMs).getOrDefault(Metric.IMPRESSIONS, 0L);
                }
                values.put(metric, sum);
            }
        }
        return new MetricSnapshot(a.account, Optional.empty(), Instant.ofEpochMilli(nowMs), values);
    }

    Profile profile(AccountState a) {
        return new Profile(a.account, a.displayName, a.bio, a.website, a.avatar);
    }

    Profile updateProfile(AccountState a, ProfileUpdate update) throws ConnectorException {
        Platform platform = a.account.platform();
        List<String> problems = new ArrayList<>();
        update.displayName().ifPresent(name -> {
            if (name.isBlank()) {
                problems.add(platform.displayName() + ": display name must not be blank");
            }
            int length = a.traits.profileCounting().count(name);
            if (length > a.traits.displayNameMax()) {
                problems.add(new LimitViolation(platform, "display name length", a.traits.displayNameMax(), length,
                        a.traits.profileCounting().description(), "").message());
            }
        });
        update.bio().ifPresent(bio -> {
            int length = a.traits.profileCounting().count(bio);
            if (length > a.traits.bioMax()) {
                problems.add(new LimitViolation(platform, "bio length", a.traits.bioMax(), length,
                        a.traits.profileCounting().description(), "").message());
            }
        });
        update.avatar().ifPresent(avatar -> {
            if (avatar.sizeBytes() > a.limits.maxImageBytes()) {
                problems.add(new LimitViolation(platform, "avatar size", a.limits.maxImageBytes(), avatar.sizeBytes(),
                        "bytes", "").message());
            }
        });
        if (!problems.isEmpty()) {
            throw rejected(platform, String.join("; ", problems), "422");
        }
        update.displayName().ifPresent(name -> a.displayName = name.strip());
        update.bio().ifPresent(bio -> a.bio = bio.strip());
        update.website().ifPresent(site -> a.website = Optional.of(site));
        update.avatar().ifPresent(avatar -> a.avatar = Optional.of(avatarUri(a, avatar)));
        return profile(a);
    }

    Boost boost(AccountState a, BoostRequest request) throws ConnectorException {
        BoostState known = a.boostsByKey.get(request.idempotencyKey());
        if (known != null) {
            return known.view(nowMs);
        }
        Platform platform = a.account.platform();
        PostState post = ownPost(a, request.post());
        if (post.publishedMs > nowMs) {
            throw rejected(platform, "post " + post.id + " is not published yet", "400");
        }
        long startMs = Math.max(request.start().toEpochMilli(), nowMs + BoostState.REVIEW_MS);
        if (request.end().toEpochMilli() <= startMs) {
            throw rejected(platform, "the boost would end (" + request.end() + ") before it could start ("
                    + Instant.ofEpochMilli(startMs) + ", after a review of "
                    + Duration.ofMillis(BoostState.REVIEW_MS).toMinutes() + " minutes)", "400");
        }
        SplittableRandom r = Seeds.random(seed, "boost", a.account.key(), request.idempotencyKey());
        double cpm = a.traits.cpm() * Seeds.between(r, 0.8, 1.25);
        double eventsPerImpression = post.impressions > 1 ? 0.5 * post.events / post.impressions : 0.0005;
        String id = platform.id() + "-boost-" + (a.boosts.size() + 1);
        BoostState boost = new BoostState(id, request, post, nowMs, cpm, eventsPerImpression);
        post.boosts.add(boost);
        a.boosts.put(id, boost);
        a.boostsByKey.put(request.idempotencyKey(), boost);
        a.followersWon.changed(post);
        post.process.rateChanged(nowMs);
        return boost.view(nowMs);
    }

    Boost boostStatus(AccountState a, String boostId) throws ConnectorException {
        return boostOf(a, boostId).view(nowMs);
    }

    Boost cancelBoost(AccountState a, String boostId) throws ConnectorException {
        BoostState boost = boostOf(a, boostId);
        boost.cancel(nowMs);
        boost.post.account.followersWon.changed(boost.post);
        boost.post.process.rateChanged(nowMs);
        return boost.view(nowMs);
    }

    // ---- For the processes ------------------------------------------------------------------------

    Population population(Platform platform) {
        return populations.computeIfAbsent(platform, p -> new Population(seed, p, Instant.ofEpochMilli(genesisMs),
                allLanguages(), settings.recurringTrolls(), settings.recurringSpammers()));
    }

    /** The language of the next comment: mostly the post's, sometimes another of the account's. */
    Locale languageFor(AccountState a, Locale postLanguage, SplittableRandom rng) {
        List<Locale> languages = a.languages;
        double u = rng.nextDouble();
        if (postLanguage != null && languages.contains(postLanguage)) {
            if (languages.size() == 1 || u < 0.85) {
                return postLanguage;
            }
            List<Locale> others = new ArrayList<>(languages);
            others.remove(postLanguage);
            return others.get(rng.nextInt(others.size()));
        }
        if (languages.size() == 1 || u < 0.65) {
            return languages.get(0);
        }
        return languages.get(1 + rng.nextInt(languages.size() - 1));
    }

    /** What the next person means, by where they write. */
    Intent pickIntent(TextBank.Context context, boolean asksQuestion, SplittableRandom rng) {
        double spam = settings.spamShare();
        double insult = settings.insultShare();
        double defamation = settings.defamationShare();
        double[] ordinary = switch (context) {
            case REPLY -> new double[] {0.35, 0.35, 0.10, 0.20};
            case MENTION -> new double[] {0.40, 0.25, 0.15, 0.20};
            case QUOTE -> new double[] {0.45, 0.30, 0.0, 0.25};
            default -> new double[] {0.42, 0.18, asksQuestion ? 0.29 : 0.18, 0.22};
        };
        // Recurring spammers and trolls come back (floods), which multiplies what is drawn here:
        // draw less, so that the shares seen in the feeds stay near the configured ones.
        spam = spam / SPAM_FLOOD;
        insult = insult / TROLL_RETURN;
        defamation = defamation / TROLL_RETURN;
        if (context == TextBank.Context.QUOTE || context == TextBank.Context.REPLY) {
            spam = spam / 3;
        }
        double sum = 0;
        for (double w : ordinary) {
            sum += w;
        }
        double rest = Math.max(0, 1 - spam - insult - defamation);
        double u = rng.nextDouble();
        if ((u -= spam) < 0) {
            return Intent.SPAM;
        }
        if ((u -= insult) < 0) {
            return Intent.INSULT;
        }
        if ((u -= defamation) < 0) {
            return Intent.DEFAMATION;
        }
        Intent[] kinds = {Intent.POSITIVE, Intent.NEUTRAL, Intent.QUESTION, Intent.CRITIQUE};
        for (int i = 0; i < kinds.length; i++) {
            if ((u -= rest * ordinary[i] / sum) < 0) {
                return kinds[i];
            }
        }
        return Intent.POSITIVE;
    }

    TextBank.Slots slots(AccountState a, PostState post, String keyword) {
        return new TextBank.Slots(a.brandName, "@" + a.account.handle(), post == null ? "" : post.hashtag, keyword);
    }

    /** A new interaction with a fresh id; the caller adds it to a feed (through an emission) or schedules it. */
    InteractionRecord record(AccountState a, Interaction.Kind kind, Population.Persona who, String text, Locale language,
                             long ms, ThreadPosition thread, Optional<Intent> intent, PostState post, long salt) {
        Platform platform = a.account.platform();
        String id = uniqueId(platform, who.author().id(), ms, salt);
        Interaction interaction = new Interaction(id, a.account, kind, who.author(), text, Instant.ofEpochMilli(ms), thread,
                Optional.of(language), Optional.of(Ids.url(platform, who.author().handle(), id)));
        return new InteractionRecord(interaction, intent, who, post);
    }

    AccountState accountOf(Account account) {
        AccountState known = accounts.get(account.key());
        if (known != null) {
            return known;
        }
        String key = account.key();
        PlatformTraits traits = PlatformTraits.of(account.platform());
        List<Locale> languages = settings.accountLanguages().getOrDefault(key, settings.languages());
        String brand = settings.brandNames().getOrDefault(key, settings.brandName().orElseGet(() -> nameFrom(account)));
        SplittableRandom r = Seeds.random(seed, "account", key);
        long followers = settings.accountFollowers().getOrDefault(key,
                settings.platformFollowers().containsKey(account.platform())
                        ? settings.platformFollowers().get(account.platform())
                        : Math.round(traits.defaultFollowers() * Seeds.between(r, 0.8, 1.2)));
        String did = account.platform().equals(Platform.BLUESKY)
                ? "did:plc:" + Ids.base32(r.nextLong(), 13) + Ids.base32(r.nextLong(), 11)
                : Long.toString(1_000_000L + Math.floorMod(r.nextLong(), 9_000_000_000L));
        AccountState a = new AccountState(account, languages, brand, did, followers, genesisMs);
        accounts.put(key, a);
        a.scripted = new ScriptedProcess(this, processes.size(), "scripted/" + key, Seeds.random(seed, "scripted", key),
                genesisMs);
        addProcess(a.scripted);
        double perDay = settings.mentionsPerDay().orElse(Math.max(2.0, Math.min(80.0, followers / 900.0)));
        if (perDay > 0) {
            addProcess(new MentionProcess(this, processes.size(), Seeds.random(seed, "mentions", key), a, genesisMs,
                    perDay));
        }
        return a;
    }

    // ---- Inner workings -------------------------------------------------------------------------

    /** Catches every process up to the clock's present (never backwards) and appends what happened to the feeds. */
    private void sync() {
        long t = settings.clock().millis();
        if (t > nowMs) {
            nowMs = t;
        }
        // Only the processes with something due by now are advanced, in the order of the list of
        // processes as a full pass would; the others would only move their caught-up time.
        List<EventProcess> due = new ArrayList<>();
        while (!dueQueue.isEmpty() && dueQueue.peek().atMs() <= nowMs) {
            Due entry = dueQueue.poll();
            EventProcess process = entry.process();
            if (entry.atMs() != process.queuedAtMs || process.advancing) {
                continue;
            }
            process.advancing = true;
            due.add(process);
        }
        if (due.isEmpty()) {
            return;
        }
        due.sort(Comparator.comparingInt((EventProcess p) -> p.order));
        List<Emission> batch = new ArrayList<>();
        for (EventProcess process : due) {
            process.advance(nowMs, batch);
        }
        for (EventProcess process : due) {
            process.advancing = false;
            enqueue(process);
        }
        if (batch.isEmpty()) {
            return;
        }
        batch.sort(Emission.ORDER);
        for (Emission emission : batch) {
            InteractionRecord record = emission.record();
            emission.feed().add(record);
            interactions.put(record.interaction.key(), record);
            if (record.interaction.kind() == Interaction.Kind.QUOTE && record.post != null) {
                record.post.quotes++;
            }
        }
    }

    private void addProcess(EventProcess process) {
        processes.add(process);
        enqueue(process);
    }

    private void enqueue(EventProcess process) {
        long at = process.nextDueMs();
        process.queuedAtMs = at;
        dueQueue.add(new Due(at, process));
    }

    /** A process's next due time may have moved earlier (an event scheduled, its rate changed): requeues it. */
    void due(EventProcess process) {
        if (process.advancing) {
            return;
        }
        if (process.nextDueMs() < process.queuedAtMs) {
            enqueue(process);
        }
    }

    private PostState newPost(AccountState a, PostVariant variant, String idempotencyKey, long at, PostState parentPost,
                              InteractionRecord parentInteraction) {
        Platform platform = a.account.platform();
        int n = ++a.postCount;
        String id = uniqueId(platform, a.did, at, Seeds.of(seed, a.account.key(), "post", Integer.toString(n)));
        PostRef ref = new PostRef(platform, id,
                platform.equals(Platform.BLUESKY) ? Optional.of(Ids.cid(id + "/" + variant.text())) : Optional.empty(),
                Optional.of(Ids.url(platform, a.account.handle(), id)));
        String rootId;
        int depth;
        double scale;
        boolean conversation = false;
        if (parentPost != null) {
            rootId = parentPost.rootId;
            depth = parentPost.depth + 1;
            scale = 0.5;
        } else if (parentInteraction != null) {
            ThreadPosition thread = parentInteraction.interaction.thread();
            rootId = thread.rootId().orElse(parentInteraction.interaction.id());
            depth = thread.depth() + 1;
            scale = 0.03;
            conversation = true;
        } else {
            rootId = id;
            depth = 0;
            scale = 1.0;
        }
        long audience = a.followers(at);
        PostState post = new PostState(a, id, ref, idempotencyKey, variant, at, rootId, depth, scale, audience,
                settings.zone(), Seeds.random(seed, "post", platform.id(), id), settings.engagement(),
                conversation ? 0.0 : 1.0);
        a.posts.add(post);
        a.followersWon.added(post);
        a.byKey.put(idempotencyKey, post);
        posts.put(platform.id() + ":" + id, post);
        post.process = new PostProcess(this, processes.size(), Seeds.random(seed, "post-events", platform.id(), id), post);
        addProcess(post.process);
        return post;
    }

    /** The person the brand answered may answer back, after a while: thanks, still unhappy, or more abuse. */
    private void answerLater(AccountState a, InteractionRecord target, PostState brandReply) {
        if (!target.interaction.account().equals(a.account)) {
            return; // an answer would concern the other account; keep feeds to their own account
        }
        SplittableRandom r = Seeds.random(seed, "answer", a.account.platform().id(), brandReply.id);
        Population.Persona who = target.persona;
        Intent before = target.intent.orElse(Intent.NEUTRAL);
        double chance = switch (who.role()) {
            case SPAMMER -> 0.0;
            case TROLL -> 0.6;
            default -> switch (before) {
                case QUESTION -> 0.55;
                case CRITIQUE -> 0.6;
                case POSITIVE -> 0.25;
                default -> 0.3;
            };
        };
        if (r.nextDouble() >= chance) {
            return;
        }
        long delay = (long) Math.max(120_000, Math.min(12 * 3_600_000.0, Seeds.logNormal(r, 25 * 60_000.0, 0.9)));
        TextBank.Context context;
        Intent intent;
        if (who.role() == Population.Role.TROLL) {
            context = TextBank.Context.COMMENT;
            intent = r.nextBoolean() ? Intent.INSULT : Intent.DEFAMATION;
        } else if (before == Intent.CRITIQUE && r.nextDouble() < 0.45) {
            context = TextBank.Context.UNHAPPY;
            intent = Intent.CRITIQUE;
        } else {
            context = TextBank.Context.THANKS;
            intent = Intent.POSITIVE;
        }
        Locale language = target.interaction.language().orElse(a.languages.get(0));
        String text = TextBank.compose(context, intent, language, slots(a, target.post, ""), r);
        ThreadPosition thread = new ThreadPosition(Optional.of(brandReply.rootId), Optional.of(brandReply.id),
                brandReply.depth + 1, true);
        Interaction.Kind kind = target.post != null ? Interaction.Kind.REPLY : Interaction.Kind.MENTION;
        InteractionRecord answer = record(a, kind, who, text, language, brandReply.publishedMs + delay, thread,
                Optional.of(intent), target.post, r.nextLong());
        a.scripted.schedule(new ScriptedProcess.Prepared(answer, target.post != null ? target.post.comments : a.mentions,
                true));
    }

    private Population.Persona persona(Platform platform, Optional<Author> author, Optional<String> handle,
                                       Locale language) {
        if (author.isPresent()) {
            return new Population.Persona(author.get(), language, Population.Role.REGULAR, false);
        }
        return population(platform).named(handle.orElseThrow(), language);
    }

    private PostState ownPost(AccountState a, PostRef ref) throws ConnectorException {
        PostState post = posts.get(key(ref));
        if (post == null || post.account != a || post.deleted()) {
            throw rejected(a.account.platform(), "post " + ref.id() + " was not found"
                    + (post != null && post.deleted() ? " (deleted)" : post != null ? " on this account" : ""), "404");
        }
        return post;
    }

    private InteractionRecord known(AccountState a, Interaction interaction) throws ConnectorException {
        if (!interaction.account().equals(a.account)) {
            throw rejected(a.account.platform(), "interaction " + interaction.id() + " concerns " + interaction.account()
                    + ", not " + a.account, "403");
        }
        InteractionRecord record = interactions.get(interaction.key());
        if (record == null) {
            throw rejected(a.account.platform(), "interaction " + interaction.id() + " was not found", "404");
        }
        return record;
    }

    private InteractionRecord live(AccountState a, Interaction interaction) throws ConnectorException {
        InteractionRecord record = known(a, interaction);
        if (record.deleted()) {
            throw rejected(a.account.platform(), "interaction " + interaction.id() + " was deleted", "404");
        }
        return record;
    }

    private BoostState boostOf(AccountState a, String boostId) throws ConnectorException {
        BoostState boost = a.boosts.get(boostId);
        if (boost == null) {
            throw rejected(a.account.platform(), "boost " + boostId + " was not found", "404");
        }
        return boost;
    }

    private String uniqueId(Platform platform, String did, long ms, long salt) {
        long s = salt;
        while (true) {
            String id = Ids.id(platform, did, ms, s);
            if (usedIds.add(platform.id() + ":" + id)) {
                return id;
            }
            s++;
        }
    }

    private URI avatarUri(AccountState a, MediaAsset avatar) {
        String mime = avatar.mimeType();
        String ext = mime.contains("png") ? "png" : mime.contains("gif") ? "gif" : mime.contains("webp") ? "webp" : "jpg";
        String slug = a.account.handle().replaceAll("[^A-Za-z0-9]+", "-");
        return URI.create("https://" + a.account.platform().id() + ".sandbox.invalid/media/avatars/" + slug + "-"
                + (++a.avatarVersion) + "." + ext);
    }

    private List<Locale> allLanguages() {
        Set<Locale> all = new java.util.LinkedHashSet<>(settings.languages());
        settings.accountLanguages().values().forEach(all::addAll);
        return List.copyOf(all);
    }

    private static String key(PostRef ref) {
        return ref.platform().id() + ":" + ref.id();
    }

    private static String nameFrom(Account account) {
        String handle = account.handle();
        int at = handle.indexOf('@');
        if (at > 0) {
            handle = handle.substring(0, at);
        }
        if (account.platform().equals(Platform.BLUESKY) && handle.contains(".")) {
            handle = handle.substring(0, handle.indexOf('.'));
        }
        StringBuilder out = new StringBuilder();
        for (String word : handle.split("[_.\\-]+")) {
            if (!word.isEmpty()) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.length() == 0 ? handle : out.toString();
    }

    private static RejectedException rejected(Platform platform, String reason, String code) {
        return new RejectedException(platform, reason, Optional.of(code));
    }

    private <T> T locked(java.util.function.Supplier<T> body) {
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }
}
