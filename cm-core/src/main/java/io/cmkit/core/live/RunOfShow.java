package io.cmkit.core.live;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.LimitViolation;
import io.cmkit.core.spi.PlatformLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The posts of a live event, timed from its start: {@code T-1h} teaser, {@code T+0} opening,
 * {@code T+10m}, {@code T+45m}...
 *
 * <p>It is checked when built: it has at least one cue, cues are listed in time order, no two
 * cues go out at the same offset on the same account, and every variant's platform is one the
 * event covers. All problems are reported together in one {@link RunOfShowException}. Platform
 * limits are checked when {@linkplain #plan(Clock, Function) planning}, against the limits of each
 * account.
 *
 * <p>Immutable: {@link #withStart(Instant)}, {@link #withCue(Cue)} and
 * {@link #withThreading(Threading)} return a new show and leave this one as it was, also when they
 * fail.
 *
 * @param event the event, whose start the offsets count from
 * @param cues the cues, in time order
 * @param threading whether cues reply to each other on each account
 */
public record RunOfShow(LiveEvent event, List<Cue> cues, Threading threading) {

    public RunOfShow {
        if (event == null) {
            throw new InvalidModelException("RunOfShow", "event", "is required");
        }
        if (cues == null) {
            throw new InvalidModelException("RunOfShow", "cues", "is required");
        }
        for (int i = 0; i < cues.size(); i++) {
            if (cues.get(i) == null) {
                throw new InvalidModelException("RunOfShow", "cues[" + i + "]", "must not be null");
            }
        }
        cues = List.copyOf(cues);
        if (threading == null) {
            throw new InvalidModelException("RunOfShow", "threading", "is required");
        }
        List<ShowProblem> problems = structuralProblems(event, cues);
        if (!problems.isEmpty()) {
            throw new RunOfShowException(event.name(), problems);
        }
    }

    /** A show whose cues are each a post of their own. */
    public static RunOfShow of(LiveEvent event, List<Cue> cues) {
        return new RunOfShow(event, cues, Threading.NONE);
    }

    /** A show threaded on each account, bridging gaps ({@link Threading#THREAD_BRIDGING_GAPS}). */
    public static RunOfShow threaded(LiveEvent event, List<Cue> cues) {
        return new RunOfShow(event, cues, Threading.THREAD_BRIDGING_GAPS);
    }

    /** The same show for the event moved to another start: every cue moves by the same amount. */
    public RunOfShow withStart(Instant newStart) {
        return new RunOfShow(event.withStart(newStart), cues, threading);
    }

    /** The same show with another threading. */
    public RunOfShow withThreading(Threading newThreading) {
        return new RunOfShow(event, cues, newThreading);
    }

    /**
     * The show with one more cue, placed after every cue with the same or an earlier offset.
     *
     * @throws RunOfShowException if the cue clashes with another at the same offset on an account,
     *                            or has a variant for a platform the event does not cover
     */
    public RunOfShow withCue(Cue cue) {
        List<Cue> next = new ArrayList<>(cues);
        int at = 0;
        while (at < next.size() && next.get(at).offset().compareTo(cue.offset()) <= 0) {
            at++;
        }
        next.add(at, cue);
        return new RunOfShow(event, next, threading);
    }

    /** When cue {@code index} goes out: the event's start plus its offset. */
    public Instant instantOf(int index) {
        return cues.get(index).offset().from(event.start());
    }

    /** Every limit broken by a cue's variant on an account, as problems naming cue, platform and limit. */
    public List<ShowProblem> limitProblems(Function<Account, PlatformLimits> limits) {
        List<ShowProblem> out = new ArrayList<>();
        for (int i = 0; i < cues.size(); i++) {
            Cue cue = cues.get(i);
            for (Account account : event.accounts()) {
                Optional<PostVariant> variant = cue.variantFor(account.platform());
                if (variant.isEmpty()) {
                    continue;
                }
                for (LimitViolation v : limits.apply(account).check(variant.get())) {
                    out.add(new ShowProblem(ShowProblem.Kind.OVER_LIMIT, OptionalInt.of(i), cue.label(),
                            Optional.of(account.platform()), Optional.of(account), Optional.of(v),
                            describe(i, cue) + " on " + account.key() + ": " + v.message()));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The timed publications of the show, checked against each platform's published default limits
     * ({@link PlatformLimits#defaultsFor(Platform)}).
     *
     * @see #plan(Clock, Function)
     */
    public LivePlan plan(Clock clock) {
        return plan(clock, account -> PlatformLimits.defaultsFor(account.platform()));
    }

    /**
     * The timed publications of the show: one per cue and account that has a variant for the
     * account's platform, with its instant, idempotency key and, when threaded, the publication it
     * replies to. Cues whose instant is already past on {@code clock} are kept and reported in
     * {@link LivePlan#late()}: the caller decides whether to publish them at once or to drop them.
     *
     * @param clock what "now" is
     * @param limits the limits of each account (a Mastodon instance states its own)
     * @throws RunOfShowException listing every variant that breaks its account's limits
     */
    public LivePlan plan(Clock clock, Function<Account, PlatformLimits> limits) {
        List<ShowProblem> problems = limitProblems(limits);
        if (!problems.isEmpty()) {
            throw new RunOfShowException(event.name(), problems);
        }
        Instant now = clock.instant();
        List<PlannedPost> posts = new ArrayList<>();
        Map<String, String> lastKeyByAccount = new HashMap<>();
        for (int i = 0; i < cues.size(); i++) {
            Cue cue = cues.get(i);
            for (Account account : event.accounts()) {
                Optional<PostVariant> variant = cue.variantFor(account.platform());
                if (variant.isEmpty()) {
                    continue;
                }
                String key = key(event.id(), cue.offset(), account);
                Optional<String> repliesTo = threading.threads()
                        ? Optional.ofNullable(lastKeyByAccount.get(account.key()))
                        : Optional.empty();
                posts.add(new PlannedPost(key, i, cue.label(), cue.offset(), cue.offset().from(event.start()),
                        account, variant.get(), repliesTo));
                lastKeyByAccount.put(account.key(), key);
            }
        }
        return new LivePlan(event, threading, now, posts);
    }

    static String describe(int index, Cue cue) {
        return "cues[" + index + "]" + cue.label().map(l -> " \"" + l + "\"").orElse("") + " (" + cue.offset() + ")";
    }

    /** {@code live:<event>:<offset>:<account>}, hashed when it would pass the 128 characters keys may have. */
    static String key(String eventId, CueOffset offset, Account account) {
        String key = "live:" + eventId + ":" + offset + ":" + account.key();
        if (key.length() <= 128) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(account.key().getBytes(StandardCharsets.UTF_8));
            return "live:" + eventId + ":" + offset + ":" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static List<ShowProblem> structuralProblems(LiveEvent event, List<Cue> cues) {
        List<ShowProblem> out = new ArrayList<>();
        if (cues.isEmpty()) {
            out.add(new ShowProblem(ShowProblem.Kind.NO_CUES, OptionalInt.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), "it has no cue: add at least one"));
            return out;
        }
        Map<String, Integer> byOffsetAndAccount = new HashMap<>();
        int latest = 0;
        for (int i = 0; i < cues.size(); i++) {
            Cue cue = cues.get(i);
            if (i > 0 && cue.offset().compareTo(cues.get(latest).offset()) < 0) {
                Cue before = cues.get(latest);
                out.add(new ShowProblem(ShowProblem.Kind.OUT_OF_ORDER, OptionalInt.of(i), cue.label(), Optional.empty(),
                        Optional.empty(), Optional.empty(),
                        describe(i, cue) + " is listed after " + describe(latest, before)
                                + ", which goes out later: list cues in time order"));
            } else {
                latest = i;
            }
            for (Platform platform : cue.platforms()) {
                List<Account> accounts = event.accountsOn(platform);
                if (accounts.isEmpty()) {
                    out.add(new ShowProblem(ShowProblem.Kind.PLATFORM_NOT_COVERED, OptionalInt.of(i), cue.label(),
                            Optional.of(platform), Optional.empty(), Optional.empty(),
                            describe(i, cue) + " has a variant for " + platform.displayName()
                                    + ", but none of the event's accounts is on " + platform.displayName()));
                }
                for (Account account : accounts) {
                    Integer other = byOffsetAndAccount.putIfAbsent(cue.offset() + "|" + account.key(), i);
                    if (other != null) {
                        out.add(new ShowProblem(ShowProblem.Kind.DUPLICATE_OFFSET, OptionalInt.of(i), cue.label(),
                                Optional.of(platform), Optional.of(account), Optional.empty(),
                                describe(i, cue) + " goes out at the same offset as " + describe(other, cues.get(other))
                                        + " on " + account.key() + ": one post per offset and account"));
                    }
                }
            }
        }
        return out;
    }
}
