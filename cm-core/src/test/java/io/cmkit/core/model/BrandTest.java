package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static io.cmkit.core.model.Samples.BLUESKY_ACCOUNT;
import static io.cmkit.core.model.Samples.MASTODON_ACCOUNT;
import static io.cmkit.core.model.Samples.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Brand")
class BrandTest {

    private static final Account SUPPORT = new Account(Platform.MASTODON, "cafe_lumiere_aide@mastodon.social");

    @Test
    @DisplayName("keeps its id, name, time zone, language and accounts")
    void accessors() {
        Brand brand = new Brand("cafe-lumiere", " Café Lumière ", PARIS, Locale.FRENCH,
                List.of(MASTODON_ACCOUNT, BLUESKY_ACCOUNT));

        assertThat(brand.id()).isEqualTo("cafe-lumiere");
        assertThat(brand.name()).isEqualTo("Café Lumière");
        assertThat(brand.timeZone()).isEqualTo(PARIS);
        assertThat(brand.defaultLanguage()).isEqualTo(Locale.FRENCH);
        assertThat(brand.accounts()).containsExactly(MASTODON_ACCOUNT, BLUESKY_ACCOUNT);
    }

    @Test
    @DisplayName("finds its accounts per platform, several per platform allowed")
    void accountsPerPlatform() {
        Brand brand = new Brand("cafe-lumiere", "Café Lumière", PARIS, Locale.FRENCH,
                List.of(MASTODON_ACCOUNT, BLUESKY_ACCOUNT, SUPPORT));

        assertThat(brand.accountsOn(Platform.MASTODON)).containsExactly(MASTODON_ACCOUNT, SUPPORT);
        assertThat(brand.accountOn(Platform.MASTODON)).contains(MASTODON_ACCOUNT);
        assertThat(brand.accountOn(Platform.X)).isEmpty();
        assertThat(brand.platforms()).containsExactly(Platform.MASTODON, Platform.BLUESKY);
    }

    @Test
    @DisplayName("the same handle on two platforms is two accounts")
    void sameHandleOnTwoPlatforms() {
        Brand brand = new Brand("cafe-lumiere", "Café Lumière", PARIS, Locale.FRENCH,
                List.of(new Account(Platform.X, "cafelumiere"), new Account(Platform.INSTAGRAM, "cafelumiere")));

        assertThat(brand.platforms()).containsExactly(Platform.X, Platform.INSTAGRAM);
    }

    @Test
    @DisplayName("keeps its own copy of the accounts")
    void defensiveCopy() {
        List<Account> accounts = new ArrayList<>(List.of(MASTODON_ACCOUNT));
        Brand brand = new Brand("cafe-lumiere", "Café Lumière", PARIS, Locale.FRENCH, accounts);

        accounts.add(BLUESKY_ACCOUNT);

        assertThat(brand.accounts()).containsExactly(MASTODON_ACCOUNT);
        assertThatThrownBy(() -> brand.accounts().add(BLUESKY_ACCOUNT)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("an id that is not lower-case letters, digits or '-'")
        void badId() {
            assertRejected(() -> brand("Cafe Lumiere"), "Brand", "id",
                    "Brand.id must be lower-case letters, digits or '-' (at most 64), got 'Cafe Lumiere'");
            assertRejected(() -> brand("-cafe"), "Brand", "id",
                    "Brand.id must be lower-case letters, digits or '-' (at most 64), got '-cafe'");
        }

        @Test
        @DisplayName("an id longer than 64 characters")
        void longId() {
            String id = "c".repeat(65);
            assertRejected(() -> brand(id), "Brand", "id",
                    "Brand.id must be lower-case letters, digits or '-' (at most 64), got '" + id + "'");
        }

        @Test
        @DisplayName("a missing or blank id")
        void blankId() {
            assertRejected(() -> brand(null), "Brand", "id", "Brand.id is required");
            assertRejected(() -> brand(""), "Brand", "id", "Brand.id must not be blank");
        }

        @Test
        @DisplayName("a blank name or one longer than 200 characters")
        void badName() {
            assertRejected(() -> new Brand("cafe", " ", PARIS, Locale.FRENCH, List.of()), "Brand", "name",
                    "Brand.name must not be blank");
            assertRejected(() -> new Brand("cafe", "n".repeat(201), PARIS, Locale.FRENCH, List.of()), "Brand", "name",
                    "Brand.name must be at most 200 characters (got 201)");
        }

        @Test
        @DisplayName("a missing time zone")
        void missingTimeZone() {
            assertRejected(() -> new Brand("cafe", "Café", null, Locale.FRENCH, List.of()), "Brand", "timeZone",
                    "Brand.timeZone is required");
        }

        @Test
        @DisplayName("a missing default language, or a locale that names none")
        void badLanguage() {
            assertRejected(() -> new Brand("cafe", "Café", PARIS, null, List.of()), "Brand", "defaultLanguage",
                    "Brand.defaultLanguage is required");
            assertRejected(() -> new Brand("cafe", "Café", PARIS, Locale.ROOT, List.of()), "Brand", "defaultLanguage",
                    "Brand.defaultLanguage must name a language");
        }

        @Test
        @DisplayName("a missing account list, or a null account in it")
        void nullAccounts() {
            assertRejected(() -> new Brand("cafe", "Café", PARIS, Locale.FRENCH, null), "Brand", "accounts",
                    "Brand.accounts is required");
            assertRejected(() -> new Brand("cafe", "Café", PARIS, Locale.FRENCH,
                    Arrays.asList(MASTODON_ACCOUNT, null)), "Brand", "accounts[1]", "Brand.accounts[1] must not be null");
        }

        @Test
        @DisplayName("the same account twice, even when the handle differs in case or by a leading '@'")
        void duplicateAccount() {
            assertRejected(() -> new Brand("cafe", "Café", PARIS, Locale.FRENCH, List.of(
                            new Account(Platform.X, "CafeLumiere"), MASTODON_ACCOUNT, new Account(Platform.X, "@cafelumiere"))),
                    "Brand", "accounts[2]", "Brand.accounts[2] duplicates account 'x:cafelumiere'");
        }

        private Brand brand(String id) {
            return new Brand(id, "Café Lumière", PARIS, Locale.FRENCH, List.of());
        }
    }
}
