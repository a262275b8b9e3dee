package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Author")
class AuthorTest {

    @Test
    @DisplayName("keeps the facts moderation rules look at")
    void accessors() {
        Instant created = Instant.parse("2024-11-02T10:00:00Z");
        Author author = new Author("did:plc:ewvi7nxzyoun6zhxrhs64oiz", "@marie.bsky.social", Optional.of("Marie"),
                Optional.of(created), OptionalLong.of(312), true);

        assertThat(author.id()).isEqualTo("did:plc:ewvi7nxzyoun6zhxrhs64oiz");
        assertThat(author.handle()).isEqualTo("marie.bsky.social");
        assertThat(author.displayName()).contains("Marie");
        assertThat(author.accountCreatedAt()).contains(created);
        assertThat(author.followers()).hasValue(312);
        assertThat(author.verified()).isTrue();
    }

    @Test
    @DisplayName("Author.of knows only id and handle")
    void ofIdAndHandle() {
        Author author = Author.of("109876", "marie");

        assertThat(author.displayName()).isEmpty();
        assertThat(author.accountCreatedAt()).isEmpty();
        assertThat(author.followers()).isEmpty();
        assertThat(author.verified()).isFalse();
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a blank id or handle")
        void blank() {
            assertRejected(() -> Author.of(" ", "marie"), "Author", "id", "Author.id must not be blank");
            assertRejected(() -> Author.of("1", ""), "Author", "handle", "Author.handle must not be blank");
        }

        @Test
        @DisplayName("a handle that is only '@'")
        void onlyAt() {
            assertRejected(() -> Author.of("1", "@"), "Author", "handle",
                    "Author.handle must not be blank after its leading '@'");
            assertRejected(() -> Author.of("1", " @ "), "Author", "handle",
                    "Author.handle must not be blank after its leading '@'");
        }

        @Test
        @DisplayName("a negative follower count")
        void negativeFollowers() {
            assertRejected(() -> new Author("1", "marie", Optional.empty(), Optional.empty(), OptionalLong.of(-1), false),
                    "Author", "followers", "Author.followers must not be negative (got -1)");
        }

        @Test
        @DisplayName("missing optionals")
        void missingOptionals() {
            assertRejected(() -> new Author("1", "marie", null, Optional.empty(), OptionalLong.empty(), false),
                    "Author", "displayName", "Author.displayName is required");
            assertRejected(() -> new Author("1", "marie", Optional.empty(), null, OptionalLong.empty(), false),
                    "Author", "accountCreatedAt", "Author.accountCreatedAt is required");
            assertRejected(() -> new Author("1", "marie", Optional.empty(), Optional.empty(), null, false),
                    "Author", "followers", "Author.followers is required");
        }
    }
}
