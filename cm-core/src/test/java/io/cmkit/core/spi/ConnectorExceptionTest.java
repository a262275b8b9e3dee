package io.cmkit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.Platform;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Connector exceptions")
class ConnectorExceptionTest {

    @Test
    @DisplayName("a ConnectorException names the platform and quotes what the platform said")
    void base() {
        IOException cause = new IOException("connection reset");
        ConnectorException e = new ConnectorException(Platform.MASTODON, "could not read mentions",
                Optional.of("Record not found"), cause);

        assertThat(e).hasMessage("Mastodon: could not read mentions (platform said: Record not found)");
        assertThat(e.platform()).isEqualTo(Platform.MASTODON);
        assertThat(e.platformMessage()).contains("Record not found");
        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    @DisplayName("without the platform's words, the message is cmkit's alone")
    void withoutPlatformMessage() {
        ConnectorException e = new ConnectorException(Platform.LINKEDIN, "unexpected answer");

        assertThat(e).hasMessage("LinkedIn: unexpected answer");
        assertThat(e.platformMessage()).isEmpty();
        assertThat(new ConnectorException(Platform.X, "empty answer", Optional.of("  "), null))
                .hasMessage("X: empty answer");
    }

    @Test
    @DisplayName("RateLimitedException carries the reset instant and may be retried then")
    void rateLimited() {
        Instant reset = Instant.parse("2026-03-02T10:15:00Z");
        RateLimitedException e = new RateLimitedException(Platform.X, reset, Optional.of("Too Many Requests"));

        assertThat(e).isInstanceOf(ConnectorException.class)
                .hasMessage("X: rate limit reached; resets at 2026-03-02T10:15:00Z (platform said: Too Many Requests)");
        assertThat(e.resetAt()).isEqualTo(reset);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.platform()).isEqualTo(Platform.X);
    }

    @Test
    @DisplayName("RejectedException gives the platform's reason and code, and is final")
    void rejected() {
        RejectedException e = new RejectedException(Platform.BLUESKY,
                "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes",
                Optional.of("InvalidRequest"));

        assertThat(e).hasMessage("Bluesky: request rejected (platform said: Invalid app.bsky.feed.post record: "
                + "Record/text must not be longer than 300 graphemes)");
        assertThat(e.reason()).isEqualTo("Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes");
        assertThat(e.code()).contains("InvalidRequest");
        assertThat(e.platformMessage()).contains(e.reason());
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    @DisplayName("AuthenticationException needs a person, so it is not retryable")
    void authentication() {
        AuthenticationException e = new AuthenticationException(Platform.MASTODON, "the access token was refused",
                Optional.of("The access token was revoked"));

        assertThat(e).hasMessage("Mastodon: the access token was refused (platform said: The access token was revoked)");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    @DisplayName("TransientException may pass, so it is retryable, and keeps its cause")
    void transientFailure() {
        IOException cause = new IOException("timeout");
        TransientException e = new TransientException(Platform.THREADS, "no answer within 10 s", Optional.empty(), cause);

        assertThat(e).hasMessage("Threads: no answer within 10 s");
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getCause()).isSameAs(cause);
    }

    @Test
    @DisplayName("UnsupportedCapabilityException is a programming error: unchecked, naming platform and operation")
    void unsupported() {
        UnsupportedCapabilityException e = new UnsupportedCapabilityException(Platform.MASTODON, "hide a reply",
                "Mastodon has no way to hide a reply");

        assertThat(e).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Mastodon cannot hide a reply: Mastodon has no way to hide a reply");
        assertThat(e.platform()).isEqualTo(Platform.MASTODON);
        assertThat(e.operation()).isEqualTo("hide a reply");
    }

    @Test
    @DisplayName("a failure always names its platform")
    void platformRequired() {
        assertThatThrownBy(() -> new ConnectorException(null, "oops")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RateLimitedException(Platform.X, null, Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("resetAt");
    }
}
