package io.cmkit.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Domains")
class DomainsTest {

    @ParameterizedTest(name = "{0} is on {1}")
    @CsvSource({
            "https://www.bbc.co.uk/news, bbc.co.uk",
            "http://m.facebook.com/page?x=1, facebook.com",
            "HTTPS://User@Shop.Example.COM:8443/a, example.com",
            "www.promo-cadeau.net/gagner, promo-cadeau.net",
            "arnaque.fr, arnaque.fr",
            "service-public.gouv.fr, service-public.gouv.fr",
            "alice.github.io/blog, alice.github.io",
            "example.com., example.com"
    })
    @DisplayName("the registrable domain is the public suffix and one label before it")
    void registrable(String url, String domain) {
        assertThat(Domains.registrableDomain(url)).contains(domain);
    }

    @Test
    @DisplayName("an IP address, a bare suffix or garbage has no registrable domain")
    void none() {
        assertThat(Domains.registrableDomain("http://192.168.1.10/x")).isEmpty();
        assertThat(Domains.registrableDomain("co.uk")).isEmpty();
        assertThat(Domains.registrableDomain("localhost")).isEmpty();
        assertThat(Domains.registrableDomain("not a url")).isEmpty();
    }

    @Test
    @DisplayName("the host is lower-cased, without user info, port or trailing dot")
    void host() {
        assertThat(Domains.host("HTTPS://User@Shop.Example.COM:8443/a")).contains("shop.example.com");
        assertThat(Domains.host("mailto:bob@Mail.com")).contains("mail.com");
    }
}
