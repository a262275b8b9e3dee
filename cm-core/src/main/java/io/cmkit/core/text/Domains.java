package io.cmkit.core.text;

import io.cmkit.core.text.internal.DomainRules;
import java.util.Optional;

/**
 * Hosts and registrable domains of links, for {@code site:} queries and domain allow and deny
 * lists: {@code https://promo.arnaque.co.uk/x} is on the registrable domain {@code arnaque.co.uk}.
 */
public final class Domains {

    private Domains() {
    }

    /**
     * The host of a link, lower-cased, without user info, port or trailing dot:
     * {@code HTTPS://User@Shop.Example.com:8443/a} gives {@code shop.example.com}. A link
     * without a scheme ({@code www.example.com/a}) works too.
     */
    public static Optional<String> host(String urlOrHost) {
        return DomainRules.host(urlOrHost);
    }

    /**
     * The registrable domain of a link or host: the public suffix and one label before it
     * ({@code www.bbc.co.uk} gives {@code bbc.co.uk}, {@code m.facebook.com} gives
     * {@code facebook.com}). The built-in suffix list covers the generic domains, country codes
     * and their common second levels ({@code co.uk}, {@code com.au}, {@code gouv.fr}...) and the
     * main shared hosting suffixes ({@code github.io}, {@code blogspot.com}). Empty for an IP
     * address or a bare suffix.
     */
    public static Optional<String> registrableDomain(String urlOrHost) {
        return DomainRules.registrableDomain(urlOrHost);
    }
}
