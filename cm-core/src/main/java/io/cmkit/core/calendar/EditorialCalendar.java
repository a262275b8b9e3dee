package io.cmkit.core.calendar;

import io.cmkit.core.calendar.internal.Conflicts;
import io.cmkit.core.calendar.internal.CsvWriter;
import io.cmkit.core.calendar.internal.ICalendarWriter;
import io.cmkit.core.calendar.internal.PillarMixes;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostingCadence;
import io.cmkit.core.model.Strategy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A brand's editorial calendar: weekly slots per platform from the brand kit's cadence, posts
 * planned on the brand's accounts, and the checks a community manager runs on the plan.
 *
 * <pre>{@code
 * EditorialCalendar calendar = EditorialCalendar.of(strategy, Clock.systemUTC());
 * CalendarEntry next = calendar.enqueue(post, Platform.MASTODON);     // next free Mastodon slot
 * calendar.place(teaser, account, Instant.parse("2026-03-02T17:00:00Z"));
 * PillarMix mix = calendar.pillarMix(DateRange.parse("2026-03"));
 * List<Conflict> conflicts = calendar.conflicts();
 * String ics = calendar.toICalendar(DateRange.parse("2026-03"));
 * }</pre>
 *
 * <p><b>Slots</b> come from {@link SlotPlan#fromCadence} for every cadence of the editorial line,
 * in the brand's time zone, unless the builder overrides a platform's plan. <b>Queueing</b>
 * ({@link #enqueue}) puts a post into the earliest slot of its platform that is after now and
 * free on the account; a slot is taken on an account when one of the account's entries starts at
 * that very instant, so two posts never share a slot, and a slot freed by {@link #remove} or
 * {@link #move} is filled by the next post queued. Each account has its own queue over the
 * platform's slots. <b>Conflicts</b> are reported, never prevented: see {@link #conflicts()}.
 *
 * <p>Every change is checked before anything changes: a call that throws
 * {@link CalendarException} leaves the calendar as it was. Instances are thread-safe.
 */
public final class EditorialCalendar {

    /** The minimum gap between two entries of one account when none is configured: 1 hour. */
    public static final Duration DEFAULT_MINIMUM_GAP = Duration.ofHours(1);

    /** The window inside which the same text twice on one account is a conflict by default: 7 days. */
    public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofDays(7);

    /** How far ahead {@link #enqueue} looks for a free slot by default: 52 weeks. */
    public static final int DEFAULT_QUEUE_HORIZON_WEEKS = 52;

    private final Strategy strategy;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<Platform, SlotPlan> plans;
    private final Duration defaultGap;
    private final Map<Platform, Duration> gaps;
    private final Duration duplicateWindow;
    private final int horizonWeeks;
    private final Map<String, CalendarEntry> entries = new HashMap<>();

    private EditorialCalendar(Builder b) {
        this.strategy = b.strategy;
        this.clock = b.clock;
        this.zone = b.strategy.brand().timeZone();
        Map<Platform, SlotPlan> p = new LinkedHashMap<>();
        for (PostingCadence cadence : strategy.editorialLine().cadences()) {
            p.put(cadence.platform(), SlotPlan.fromCadence(cadence, zone));
        }
        p.putAll(b.plans);
        this.plans = Map.copyOf(p);
        this.defaultGap = b.defaultGap;
        this.gaps = Map.copyOf(b.gaps);
        this.duplicateWindow = b.duplicateWindow;
        this.horizonWeeks = b.horizonWeeks;
    }

    /** A calendar with the default rules. */
    public static EditorialCalendar of(Strategy strategy, Clock clock) {
        return builder(strategy, clock).build();
    }

    /** A builder for a calendar of this strategy's brand; {@code clock} says what "now" is. */
    public static Builder builder(Strategy strategy, Clock clock) {
        return new Builder(strategy, clock);
    }

    /** The strategy the calendar plans for. */
    public Strategy strategy() {
        return strategy;
    }

    /** The brand's time zone, in which slots, dates and exports are read. */
    public ZoneId zone() {
        return zone;
    }

    /** The slot plan of a platform, if it has a cadence or a plan was given. */
    public Optional<SlotPlan> slotPlan(Platform platform) {
        return Optional.ofNullable(plans.get(Objects.requireNonNull(platform, "platform")));
    }

    /** The minimum gap between two entries of one account on that platform. */
    public Duration minimumGap(Platform platform) {
        return gaps.getOrDefault(platform, defaultGap);
    }

    /** The window of the duplicate-content rule. */
    public Duration duplicateWindow() {
        return duplicateWindow;
    }

    // ---------------------------------------------------------------- slots

    /**
     * A platform's slots whose instant lies in {@code [from, to)}, in time order; empty for a
     * platform without a plan.
     *
     * @throws CalendarException when the brand has no account on the platform, or {@code to} is before {@code from}
     */
    public List<Slot> slots(Platform platform, Instant from, Instant to) {
        requireAccountOn(platform);
        checkOrder(from, to, "listing " + platform.displayName() + " slots");
        SlotPlan plan = plans.get(platform);
        return plan == null ? List.of() : plan.slotsBetween(from, to);
    }

    /** A platform's slots on the days of a period, read in the brand's time zone. */
    public List<Slot> slots(Platform platform, DateRange days) {
        return slots(platform, startOf(days), endOf(days));
    }

    /** The slots of the account's platform in {@code [from, to)} that none of its entries takes. */
    public synchronized List<Slot> freeSlots(Account account, Instant from, Instant to) {
        Account own = requireAccount(account);
        List<Slot> all = slots(own.platform(), from, to);
        Set<Instant> taken = takenBy(own);
        return all.stream().filter(s -> !taken.contains(s.instant())).toList();
    }

    // ---------------------------------------------------------------- entries

    /** Every entry, in time order. */
    public synchronized List<CalendarEntry> entries() {
        return entries.values().stream().sorted().toList();
    }

    /** The entries whose instant lies in {@code [from, to)}, in time order. */
    public synchronized List<CalendarEntry> entries(Instant from, Instant to) {
        checkOrder(from, to, "listing entries");
        return entries.values().stream()
                .filter(e -> !e.instant().isBefore(from) && e.instant().isBefore(to)).sorted().toList();
    }

    /** The entries on the days of a period, read in the brand's time zone, in time order. */
    public List<CalendarEntry> entries(DateRange days) {
        return entries(startOf(days), endOf(days));
    }

    /** The entry with this id ({@link CalendarEntry#idOf}). */
    public synchronized Optional<CalendarEntry> entry(String id) {
        return Optional.ofNullable(entries.get(Objects.requireNonNull(id, "id")));
    }

    /** Queues a post on the brand's first account on that platform; see {@link #enqueue(Post, Account)}. */
    public synchronized CalendarEntry enqueue(Post post, Platform platform) {
        return enqueue(post, requireAccountOn(platform));
    }

    /**
     * Puts a post into the earliest slot of the account's platform that is after now and not
     * taken on that account.
     *
     * @throws CalendarException when the account is not the brand's, the post is another brand's,
     *                           has no variant for the platform or is already on the account, the
     *                           platform has no slots, or no slot is free within the horizon
     */
    public synchronized CalendarEntry enqueue(Post post, Account account) {
        account = requireAccount(account);
        String id = checkNew(post, account);
        SlotPlan plan = plans.get(account.platform());
        if (plan == null || plan.weekly().isEmpty()) {
            throw new CalendarException("cannot queue post '" + post.id() + "' on " + account + ": "
                    + account.platform().displayName() + (plan == null ? " has no posting cadence" : " has no slots ("
                    + plan.note() + ")") + "; place it at a time instead");
        }
        Instant now = clock.instant();
        Instant end = now.plus(Duration.ofDays(7L * horizonWeeks));
        Set<Instant> taken = takenBy(account);
        for (Instant from = now.plusNanos(1); from.isBefore(end); from = from.plus(Duration.ofDays(7))) {
            Instant to = from.plus(Duration.ofDays(7));
            for (Slot slot : plan.slotsBetween(from, to.isAfter(end) ? end : to)) {
                if (!taken.contains(slot.instant())) {
                    return put(new CalendarEntry(id, post, account, slot.start(), CalendarEntry.Placement.QUEUED));
                }
            }
        }
        throw new CalendarException("cannot queue post '" + post.id() + "' on " + account + ": no free "
                + account.platform().displayName() + " slot in the next " + horizonWeeks + " weeks");
    }

    /** Places a post on the brand's first account on that platform; see {@link #place(Post, Account, Instant)}. */
    public synchronized CalendarEntry place(Post post, Platform platform, Instant at) {
        return place(post, requireAccountOn(platform), at);
    }

    /**
     * Places a post at a chosen moment, which need not be a slot.
     *
     * @throws CalendarException when the moment is not after now, another entry of the account
     *                           starts at that very instant, or as for {@link #enqueue(Post, Account)}
     */
    public synchronized CalendarEntry place(Post post, Account account, Instant at) {
        account = requireAccount(account);
        String id = checkNew(post, account);
        checkTime(at, "post '" + post.id() + "' on " + account, account, null);
        return put(new CalendarEntry(id, post, account, at.atZone(zone), CalendarEntry.Placement.FIXED));
    }

    /**
     * Places a post at a local date and time in the brand's time zone; a time in the DST gap is
     * moved forward and an ambiguous one takes the earlier offset ({@link SlotPlan#resolve}).
     */
    public synchronized CalendarEntry place(Post post, Account account, LocalDateTime localTime) {
        Objects.requireNonNull(localTime, "localTime");
        return place(post, account, SlotPlan.resolve(localTime, zone).toInstant());
    }

    /**
     * Moves an entry to another moment; it becomes {@link CalendarEntry.Placement#FIXED}.
     *
     * @throws CalendarException when there is no such entry, the entry's time has already passed,
     *                           the new moment is not after now, or another entry of the account
     *                           starts at that instant
     */
    public synchronized CalendarEntry move(String entryId, Instant to) {
        CalendarEntry entry = require(entryId);
        Objects.requireNonNull(to, "to");
        Instant now = clock.instant();
        if (!entry.instant().isAfter(now)) {
            throw new CalendarException("cannot move entry '" + entryId + "': it was due at " + entry.start()
                    + ", which is not after now (" + now.atZone(zone) + ")");
        }
        checkTime(to, "entry '" + entryId + "'", entry.account(), entryId);
        return put(new CalendarEntry(entryId, entry.post(), entry.account(), to.atZone(zone),
                CalendarEntry.Placement.FIXED));
    }

    /**
     * Replaces the post of an entry by a new version of it (same id), keeping its time: e.g. after
     * the text was edited.
     *
     * @throws CalendarException when there is no such entry, the post's id differs, or the new
     *                           version has no variant for the entry's platform
     */
    public synchronized CalendarEntry update(String entryId, Post post) {
        CalendarEntry entry = require(entryId);
        Objects.requireNonNull(post, "post");
        if (!post.id().equals(entry.post().id())) {
            throw new CalendarException("cannot update entry '" + entryId + "' with post '" + post.id()
                    + "': it holds post '" + entry.post().id() + "'");
        }
        checkBrand(post);
        checkVariant(post, entry.account());
        return put(new CalendarEntry(entryId, post, entry.account(), entry.start(), entry.placement()));
    }

    /**
     * Removes an entry; its slot becomes free.
     *
     * @return the removed entry
     * @throws CalendarException when there is no such entry
     */
    public synchronized CalendarEntry remove(String entryId) {
        CalendarEntry entry = require(entryId);
        entries.remove(entryId);
        return entry;
    }

    // ---------------------------------------------------------------- checks

    /** The pillar mix of every entry on the days of a period. */
    public PillarMix pillarMix(DateRange days) {
        return PillarMixes.of(days, strategy.editorialLine(), entries(days));
    }

    /** The pillar mix of one platform's entries on the days of a period. */
    public PillarMix pillarMix(DateRange days, Platform platform) {
        requireAccountOn(platform);
        return PillarMixes.of(days, strategy.editorialLine(),
                entries(days).stream().filter(e -> e.platform().equals(platform)).toList());
    }

    /**
     * Every conflict of the calendar, ordered by the later entry's time:
     * <ul>
     *   <li>{@link Conflict.Rule#TOO_CLOSE}: two entries of one account, next to each other in time,
     *       less than {@link #minimumGap(Platform)} apart (a cluster of three gives two conflicts);</li>
     *   <li>{@link Conflict.Rule#DUPLICATE_CONTENT}: an entry of one account whose text, once
     *       normalised (Unicode NFKC, lower case, every URL counted as the same, white space
     *       collapsed), equals that of the latest earlier entry of the account with that text, at
     *       most {@link #duplicateWindow()} before it.</li>
     * </ul>
     */
    public synchronized List<Conflict> conflicts() {
        return Conflicts.find(new ArrayList<>(entries.values()), this::minimumGap, duplicateWindow);
    }

    /**
     * The conflicts with at least one entry on the days of a period; entries outside the period
     * count as partners, so a duplicate of last week's post is still found.
     */
    public List<Conflict> conflicts(DateRange days) {
        Instant from = startOf(days);
        Instant to = endOf(days);
        return conflicts().stream().filter(c -> within(c.first(), from, to) || within(c.second(), from, to)).toList();
    }

    // ---------------------------------------------------------------- export

    /**
     * The entries on the days of a period as an RFC 5545 iCalendar document (UTC times, CRLF
     * line ends, folded at 75 octets); DTSTAMP is the clock's now. Write it as UTF-8.
     */
    public String toICalendar(DateRange days) {
        return ICalendarWriter.write(strategy.brand(), entries(days), clock.instant());
    }

    /**
     * The entries on the days of a period as RFC 4180 CSV with a header row (columns
     * {@code date, local_time, time_zone, utc, platform, account, post_id, pillar, campaign,
     * placement, text}), CRLF between records. Write it as UTF-8.
     */
    public String toCsv(DateRange days) {
        return CsvWriter.write(entries(days));
    }

    // ---------------------------------------------------------------- internals

    private Instant startOf(DateRange days) {
        Objects.requireNonNull(days, "days");
        return days.start().atStartOfDay(zone).toInstant();
    }

    private Instant endOf(DateRange days) {
        return days.end().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static boolean within(CalendarEntry e, Instant from, Instant to) {
        return !e.instant().isBefore(from) && e.instant().isBefore(to);
    }

    private static void checkOrder(Instant from, Instant to, String what) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new CalendarException("the end " + to + " is before the start " + from + " when " + what);
        }
    }

    private Set<Instant> takenBy(Account account) {
        Set<Instant> taken = new HashSet<>();
        for (CalendarEntry e : entries.values()) {
            if (e.account().equals(account)) {
                taken.add(e.instant());
            }
        }
        return taken;
    }

    private Account requireAccountOn(Platform platform) {
        Objects.requireNonNull(platform, "platform");
        return strategy.brand().accountOn(platform).orElseThrow(() -> new CalendarException(
                "brand '" + strategy.brand().id() + "' has no account on " + platform.displayName()
                        + " (its platforms: " + strategy.brand().platforms() + ")"));
    }

    /** The brand's own account with the same key (handles compare ignoring case). */
    private Account requireAccount(Account account) {
        Objects.requireNonNull(account, "account");
        Optional<Account> own = strategy.brand().accounts().stream()
                .filter(a -> a.key().equals(account.key())).findFirst();
        if (own.isEmpty()) {
            requireAccountOn(account.platform());
            throw new CalendarException("account " + account + " is not one of brand '" + strategy.brand().id()
                    + "' (its accounts on " + account.platform().displayName() + ": "
                    + strategy.brand().accountsOn(account.platform()) + ")");
        }
        return own.get();
    }

    private String checkNew(Post post, Account account) {
        Objects.requireNonNull(post, "post");
        checkBrand(post);
        checkVariant(post, account);
        String id = CalendarEntry.idOf(post, account);
        CalendarEntry existing = entries.get(id);
        if (existing != null) {
            throw new CalendarException("post '" + post.id() + "' is already on " + account + " at "
                    + existing.start() + " (entry '" + id + "'); move that entry instead");
        }
        return id;
    }

    private void checkBrand(Post post) {
        if (!post.brandId().equals(strategy.brand().id())) {
            throw new CalendarException("post '" + post.id() + "' belongs to brand '" + post.brandId()
                    + "', not to '" + strategy.brand().id() + "'");
        }
    }

    private static void checkVariant(Post post, Account account) {
        if (post.variantFor(account.platform()).isEmpty()) {
            throw new CalendarException("post '" + post.id() + "' has no variant for "
                    + account.platform().displayName() + " (it has " + post.platforms() + "), so it cannot go on "
                    + account);
        }
    }

    private void checkTime(Instant at, String what, Account account, String ignoredId) {
        Objects.requireNonNull(at, "at");
        Instant now = clock.instant();
        if (!at.isAfter(now)) {
            throw new CalendarException("cannot plan " + what + " at " + at.atZone(zone)
                    + ": that is not after now (" + now.atZone(zone) + ")");
        }
        for (CalendarEntry e : entries.values()) {
            if (e.account().equals(account) && e.instant().equals(at) && !e.id().equals(ignoredId)) {
                throw new CalendarException("cannot plan " + what + " at " + at.atZone(zone) + ": entry '"
                        + e.id() + "' already goes out on " + account + " at that time");
            }
        }
    }

    private CalendarEntry require(String entryId) {
        Objects.requireNonNull(entryId, "entryId");
        CalendarEntry entry = entries.get(entryId);
        if (entry == null) {
            throw new CalendarException("no entry '" + entryId + "' on the calendar of brand '"
                    + strategy.brand().id() + "'");
        }
        return entry;
    }

    private CalendarEntry put(CalendarEntry entry) {
        entries.put(entry.id(), entry);
        return entry;
    }

    /** Builds an {@link EditorialCalendar}; every setting has a documented default. */
    public static final class Builder {

        private final Strategy strategy;
        private final Clock clock;
        private final Map<Platform, SlotPlan> plans = new LinkedHashMap<>();
        private Duration defaultGap = DEFAULT_MINIMUM_GAP;
        private final Map<Platform, Duration> gaps = new HashMap<>();
        private Duration duplicateWindow = DEFAULT_DUPLICATE_WINDOW;
        private int horizonWeeks = DEFAULT_QUEUE_HORIZON_WEEKS;

        private Builder(Strategy strategy, Clock clock) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** The minimum gap between two entries of one account, for every platform without its own. */
        public Builder minimumGap(Duration gap) {
            this.defaultGap = positiveOrZero(gap, "minimumGap");
            return this;
        }

        /** The minimum gap between two entries of one account on this platform. */
        public Builder minimumGap(Platform platform, Duration gap) {
            Objects.requireNonNull(platform, "platform");
            gaps.put(platform, positiveOrZero(gap, "minimumGap(" + platform + ")"));
            return this;
        }

        /** The window inside which the same text twice on one account is a conflict; zero turns the rule off. */
        public Builder duplicateWindow(Duration window) {
            this.duplicateWindow = positiveOrZero(window, "duplicateWindow");
            return this;
        }

        /** How many weeks ahead {@link #enqueue} looks for a free slot, 1 to 520. */
        public Builder queueHorizonWeeks(int weeks) {
            if (weeks < 1 || weeks > 520) {
                throw new CalendarException("queueHorizonWeeks must be between 1 and 520 (got " + weeks + ")");
            }
            this.horizonWeeks = weeks;
            return this;
        }

        /**
         * Replaces the slots a platform gets from its cadence (or gives slots to a platform
         * without one). The plan must be in the brand's time zone and for a platform the brand
         * has an account on.
         */
        public Builder slotPlan(SlotPlan plan) {
            Objects.requireNonNull(plan, "plan");
            if (strategy.brand().accountOn(plan.platform()).isEmpty()) {
                throw new CalendarException("slot plan for " + plan.platform().displayName() + ": brand '"
                        + strategy.brand().id() + "' has no account there");
            }
            if (!plan.zone().equals(strategy.brand().timeZone())) {
                throw new CalendarException("slot plan for " + plan.platform().displayName() + " is in "
                        + plan.zone() + ", not in the brand's time zone " + strategy.brand().timeZone());
            }
            plans.put(plan.platform(), plan);
            return this;
        }

        public EditorialCalendar build() {
            return new EditorialCalendar(this);
        }

        private static Duration positiveOrZero(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative()) {
                throw new CalendarException(what + " must not be negative (got " + d + ")");
            }
            return d;
        }
    }
}
