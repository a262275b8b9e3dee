package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Account")
class AccountTest {

    @Test
    @DisplayName("keeps the platform and the handle as the platform shows it")
    void accessors() {
        Account account = new Account(Platform.BLUESKY, "cafelumiere.bsky.social");

        assertThat(account.platform()).isEqualTo(Platform.BLUESKY);
        assertThat(account.handle()).isEqualTo("cafelumiere.bsky.social");
    }

    @Test
    @DisplayName("drops a leading '@' and surrounding spaces")
    void dropsAt() {
        assertThat(new Account(Platform.X, " @CafeLumiere ").handle()).isEqualTo("CafeLumiere");
        assertThat(new Account(Platform.MASTODON, "@cafe_lumiere@mastodon.social").handle())
                .isEqualTo("cafe_lumiere@mastodon.social");
    }

    @Test
    @DisplayName("its key is platform:handle with the handle lower-cased, since handles ignore case")
    void key() {
        Account account = new Account(Platform.X, "@CafeLumiere");

        assertThat(account.key()).isEqualTo("x:cafelumiere");
        assertThat(account).hasToString("x:cafelumiere");
        assertThat(new Account(Platform.X, "cafelumiere").key()).isEqualTo(account.key());
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a missing platform")
        void missingPlatform() {
            assertRejected(() -> new Account(null, "cafe"), "Account", "platform", "Account.platform is required");
        }

        @Test
        @DisplayName("a missing or blank handle")
        void blankHandle() {
            assertRejected(() -> new Account(Platform.X, null), "Account", "handle", "Account.handle is required");
            assertRejected(() -> new Account(Platform.X, " "), "Account", "handle", "Account.handle must not be blank");
        }

        @Test
        @DisplayName("a handle that is only '@'")
        void onlyAt() {
            assertRejected(() -> new Account(Platform.X, "@"), "Account", "handle",
                    "Account.handle must be one word without spaces, got ''");
        }

        @Test
        @DisplayName("a handle with spaces")
        void spaces() {
            assertRejected(() -> new Account(Platform.X, "cafe lumiere"), "Account", "handle",
                    "Account.handle must be one word without spaces, got 'cafe lumiere'");
        }

        @Test
        @DisplayName("a handle longer than 320 characters")
        void tooLong() {
            assertRejected(() -> new Account(Platform.MASTODON, "a".repeat(321)), "Account", "handle",
                    "Account.handle must be at most 320 characters (got 321)");
        }
    }
}
