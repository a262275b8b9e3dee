package io.cmkit.connectors.sandbox.internal;

import io.cmkit.core.model.Account;
import io.cmkit.core.spi.PlatformLimits;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One brand account in the world: its profile, posts, mentions, blocks, boosts and faults. Guarded by the world's lock. */
final class AccountState {

    final Account account;
    final PlatformTraits traits;
    final PlatformLimits limits;
    final List<Locale> languages;
    final String brandName;
    /** The account's own id (a DID on Bluesky). */
    final String did;
    final long initialFollowers;
    final double followersPerDay;
    final long genesisMs;

    String displayName;
    String bio;
    Optional<URI> website = Optional.empty();
    Optional<URI> avatar = Optional.empty();
    int avatarVersion;

    final List<PostState> posts = new ArrayList<>();
    final FollowersWon followersWon = new FollowersWon(posts);
    final Map<String, PostState> byKey = new HashMap<>();
    final Feed mentions;
    final Set<String> blocked = new HashSet<>();
    final FaultQueue faults = new FaultQueue();
    final Map<String, BoostState> boosts = new HashMap<>();
    final Map<String, BoostState> boostsByKey = new HashMap<>();
    final List<BuzzProcess> buzzes = new ArrayList<>();
    ScriptedProcess scripted;
    int postCount;
    /** The last reaction curve built: posts published at the same instant share it (it is immutable). */
    private ReactionCurve lastCurve;
    private long lastCurveMs;
    private ZoneId lastCurveZone;

    AccountState(Account account, List<Locale> languages, String brandName, String did, long initialFollowers,
                 long genesisMs) {
        this.account = account;
        this.traits = PlatformTraits.of(account.platform());
        this.limits = PlatformLimits.defaultsFor(account.platform());
        this.languages = List.copyOf(languages);
        this.brandName = brandName;
        this.did = did;
        this.initialFollowers = initialFollowers;
        this.followersPerDay = initialFollowers * 0.0015;
        this.genesisMs = genesisMs;
        this.displayName = brandName;
        this.bio = languages.get(0).equals(Languages.FRENCH)
                ? "Le compte officiel de " + brandName + ". Nous répondons du lundi au vendredi, 9 h – 18 h."
                : "The official account of " + brandName + ". We answer Monday to Friday, 9 am – 6 pm.";
        this.mentions = new Feed("m", account.key());
    }

    boolean blocks(Population.Persona persona) {
        return blocked.contains(persona.author().id());
    }

    /** Followers at time t: the start, steady growth, what posts and boosts won, what bad buzzes cost. */
    long followers(long tMs) {
        double days = Math.max(0, tMs - genesisMs) / 86_400_000.0;
        long total = initialFollowers + (long) Math.floor(followersPerDay * days);
        total += followersWon.at(tMs);
        for (BuzzProcess buzz : buzzes) {
            total -= (long) Math.floor(buzz.followerLoss * buzz.progress(tMs));
        }
        return Math.max(0, total);
    }

    /** The reaction curve of a post of this account published at this instant. */
    ReactionCurve curveFrom(long publishedMs, ZoneId zone) {
        if (lastCurve == null || lastCurveMs != publishedMs || !lastCurveZone.equals(zone)) {
            lastCurve = new ReactionCurve(publishedMs, traits, zone);
            lastCurveMs = publishedMs;
            lastCurveZone = zone;
        }
        return lastCurve;
    }

    /** The newest top-level post live at time t, if any. */
    PostState latestPostAt(long tMs) {
        PostState latest = null;
        for (PostState post : posts) {
            if (post.depth == 0 && post.publishedBy(tMs) && (latest == null || post.publishedMs >= latest.publishedMs)) {
                latest = post;
            }
        }
        return latest;
    }
}
