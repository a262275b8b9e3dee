package io.cmkit.connectors.sandbox.internal;

import io.cmkit.core.model.Platform;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Everything a world is built from; validated by the public builder.
 *
 * @param seed the world's seed
 * @param clock the world's time source
 * @param zone the brand's time zone (evening peaks follow it)
 * @param languages the languages the audience writes in, most common first
 * @param platformFollowers audience size by platform, where set
 * @param accountFollowers audience size by account key, where set
 * @param accountLanguages languages by account key, where set
 * @param brandNames the brand's name by account key, where set
 * @param brandName the brand's name for every other account, if set (else derived from the handle)
 * @param spamShare share of comments and mentions that are spam
 * @param insultShare share that are insults
 * @param defamationShare share that are defamatory
 * @param engagement multiplier of likes, shares and comments
 * @param mentionsPerDay ambient mentions per account and day, if set (else from the audience size)
 * @param recurringTrolls recurring trolls per platform
 * @param recurringSpammers recurring spammers per platform
 * @param pageSize items per page of comments and mentions
 */
public record Settings(long seed, Clock clock, ZoneId zone, List<Locale> languages,
                       Map<Platform, Long> platformFollowers, Map<String, Long> accountFollowers,
                       Map<String, List<Locale>> accountLanguages, Map<String, String> brandNames,
                       java.util.Optional<String> brandName, double spamShare, double insultShare,
                       double defamationShare, double engagement, OptionalDouble mentionsPerDay,
                       int recurringTrolls, int recurringSpammers, int pageSize) {

    public Settings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        languages = List.copyOf(languages);
        platformFollowers = Map.copyOf(platformFollowers);
        accountFollowers = Map.copyOf(accountFollowers);
        accountLanguages = Map.copyOf(accountLanguages);
        brandNames = Map.copyOf(brandNames);
        Objects.requireNonNull(brandName, "brandName");
        Objects.requireNonNull(mentionsPerDay, "mentionsPerDay");
    }
}
