package io.cmkit.core.live;

import io.cmkit.core.live.internal.Hashtags;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.Platform;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A live event a brand covers on social media: a launch, a talk, a match, a live stream.
 *
 * <p>Broken invariants throw {@link InvalidModelException} naming {@code LiveEvent} and the field,
 * as the model's records do: {@code LiveEvent.hashtags[1] must be a hashtag ...}.
 *
 * @param id stable identifier: lower-case letters, digits and {@code -}; idempotency keys of the
 *           event's publications derive from it, so it must not change when the event is moved
 * @param name the event's public name
 * @param brandId the brand that runs it
 * @param start when it begins; {@link CueOffset}s count from here
 * @param timeZone the time zone the event is announced in, for local times in plans and docs
 * @param hashtags the event's hashtags, stored without '#' (given with or without), in order; may
 *                 be empty; each must be a hashtag platforms recognise (letters, digits, '_', at
 *                 least one letter), no two alike ignoring case and accents
 * @param accounts the brand accounts that cover it, at least one, no account twice
 * @param expectedDuration how long it is expected to last, positive
 */
public record LiveEvent(String id, String name, String brandId, Instant start, ZoneId timeZone,
                        List<String> hashtags, List<Account> accounts, Duration expectedDuration) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public LiveEvent {
        id = notBlank("id", id);
        if (!ID.matcher(id).matches()) {
            throw new InvalidModelException("LiveEvent", "id",
                    "must be lower-case letters, digits or '-' (at most 64), got '" + id + "'");
        }
        name = notBlank("name", name);
        brandId = notBlank("brandId", brandId);
        present("start", start);
        present("timeZone", timeZone);
        present("hashtags", hashtags);
        List<String> tags = new ArrayList<>();
        Set<String> folded = new HashSet<>();
        for (int i = 0; i < hashtags.size(); i++) {
            String raw = hashtags.get(i);
            String field = "hashtags[" + i + "]";
            present(field, raw);
            String body = Hashtags.body(raw);
            if (!Hashtags.isValidBody(body)) {
                throw new InvalidModelException("LiveEvent", field,
                        "must be a hashtag: letters, digits or '_' with at least one letter, no spaces or"
                                + " punctuation, got '" + raw + "'");
            }
            if (!folded.add(Hashtags.fold(body))) {
                throw new InvalidModelException("LiveEvent", field,
                        "duplicates hashtag '#" + body + "' (hashtags match ignoring case and accents)");
            }
            tags.add(body);
        }
        hashtags = List.copyOf(tags);
        present("accounts", accounts);
        if (accounts.isEmpty()) {
            throw new InvalidModelException("LiveEvent", "accounts", "must not be empty");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            Account account = present("accounts[" + i + "]", accounts.get(i));
            if (!keys.add(account.key())) {
                throw new InvalidModelException("LiveEvent", "accounts[" + i + "]",
                        "duplicates account '" + account.key() + "'");
            }
        }
        accounts = List.copyOf(accounts);
        present("expectedDuration", expectedDuration);
        if (expectedDuration.isZero() || expectedDuration.isNegative()) {
            throw new InvalidModelException("LiveEvent", "expectedDuration",
                    "must be positive (got " + expectedDuration + ")");
        }
    }

    /** The same event starting at another instant; every cue of a run of show moves with it. */
    public LiveEvent withStart(Instant newStart) {
        return new LiveEvent(id, name, brandId, newStart, timeZone, hashtags, accounts, expectedDuration);
    }

    /** When it is expected to end: start plus expected duration. */
    public Instant expectedEnd() {
        return start.plus(expectedDuration);
    }

    /** The start on the wall clock of the event's time zone. */
    public ZonedDateTime localStart() {
        return start.atZone(timeZone);
    }

    /** The platforms of its accounts, in the order of its accounts, once each. */
    public List<Platform> platforms() {
        return accounts.stream().map(Account::platform).distinct().toList();
    }

    /** Its accounts on one platform. */
    public List<Account> accountsOn(Platform platform) {
        return accounts.stream().filter(a -> a.platform().equals(platform)).toList();
    }

    private static String notBlank(String field, String value) {
        present(field, value);
        if (value.isBlank()) {
            throw new InvalidModelException("LiveEvent", field, "must not be blank");
        }
        return value.strip();
    }

    private static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidModelException("LiveEvent", field, "is required");
        }
        return value;
    }

    @Override
    public String toString() {
        return "LiveEvent[" + id + " \"" + name + "\" at " + localStart() + "]";
    }
}
