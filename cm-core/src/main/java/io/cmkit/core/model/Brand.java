package io.cmkit.core.model;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A brand the community manager speaks for, with its accounts.
 *
 * @param id stable identifier used in stores and reports: lower-case letters, digits and {@code -}
 * @param name the brand's public name
 * @param timeZone where the brand's day and week begin; calendars and reports use it
 * @param defaultLanguage the language of the brand's reports and saved replies by default
 * @param accounts the brand's handles, at most one per platform and handle
 */
public record Brand(String id, String name, ZoneId timeZone, Locale defaultLanguage, List<Account> accounts) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Brand {
        id = Checks.notBlank("Brand", "id", id);
        if (!ID.matcher(id).matches()) {
            throw new InvalidModelException("Brand", "id",
                    "must be lower-case letters, digits or '-' (at most 64), got '" + id + "'");
        }
        name = Checks.maxLength("Brand", "name", Checks.notBlank("Brand", "name", name), 200);
        Checks.present("Brand", "timeZone", timeZone);
        Checks.present("Brand", "defaultLanguage", defaultLanguage);
        if (defaultLanguage.getLanguage().isEmpty()) {
            throw new InvalidModelException("Brand", "defaultLanguage", "must name a language");
        }
        accounts = Checks.list("Brand", "accounts", accounts);
        Checks.unique("Brand", "accounts", accounts, Account::key, "account");
    }

    /** The brand's accounts on one platform (several are allowed, e.g. a main and a support handle). */
    public List<Account> accountsOn(Platform platform) {
        return accounts.stream().filter(a -> a.platform().equals(platform)).toList();
    }

    /** The brand's first account on that platform. */
    public Optional<Account> accountOn(Platform platform) {
        return accounts.stream().filter(a -> a.platform().equals(platform)).findFirst();
    }

    /** The platforms the brand has at least one account on, in the order of its accounts. */
    public List<Platform> platforms() {
        return accounts.stream().map(Account::platform).distinct().toList();
    }
}
