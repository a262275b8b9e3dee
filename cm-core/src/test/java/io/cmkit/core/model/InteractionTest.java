package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static io.cmkit.core.model.Samples.MASTODON_ACCOUNT;
import static io.cmkit.core.model.Samples.author;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Interaction")
class InteractionTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:15:00Z");
    private static final ThreadPosition UNDER_POST = ThreadPosition.replyToBrandPost("113948");

    @Test
    @DisplayName("a comment keeps who wrote what, when, where and in which language")
    void comment() {
        URI url = URI.create("https://mastodon.social/@marie/114001");
        Interaction comment = new Interaction(" 114001 ", MASTODON_ACCOUNT, Interaction.Kind.COMMENT, author(),
                "Trop bon ce latte !", AT, UNDER_POST, Optional.of(Locale.FRENCH), Optional.of(url));

        assertThat(comment.id()).isEqualTo("114001");
        assertThat(comment.account()).isEqualTo(MASTODON_ACCOUNT);
        assertThat(comment.kind()).isEqualTo(Interaction.Kind.COMMENT);
        assertThat(comment.author()).isEqualTo(author());
        assertThat(comment.text()).isEqualTo("Trop bon ce latte !");
        assertThat(comment.createdAt()).isEqualTo(AT);
        assertThat(comment.thread()).isEqualTo(UNDER_POST);
        assertThat(comment.language()).contains(Locale.FRENCH);
        assertThat(comment.url()).contains(url);
    }

    @Test
    @DisplayName("its platform is its account's, and its key is unique across platforms")
    void platformAndKey() {
        Interaction comment = interaction(Interaction.Kind.COMMENT, UNDER_POST);

        assertThat(comment.platform()).isEqualTo(Platform.MASTODON);
        assertThat(comment.key()).isEqualTo("mastodon:114001");
    }

    @Test
    @DisplayName("a mention or a quote may stand alone")
    void standaloneMention() {
        assertThat(interaction(Interaction.Kind.MENTION, ThreadPosition.standalone()).thread().depth()).isZero();
        assertThat(interaction(Interaction.Kind.QUOTE, ThreadPosition.standalone()).kind())
                .isEqualTo(Interaction.Kind.QUOTE);
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a comment or reply that is not in a thread")
        void commentOutsideThread() {
            assertRejected(() -> interaction(Interaction.Kind.COMMENT, ThreadPosition.standalone()), "Interaction",
                    "thread", "Interaction.thread must have depth of at least 1 for a COMMENT (got a stand-alone position)");
            assertRejected(() -> interaction(Interaction.Kind.REPLY, ThreadPosition.standalone()), "Interaction",
                    "thread", "Interaction.thread must have depth of at least 1 for a REPLY (got a stand-alone position)");
        }

        @Test
        @DisplayName("a blank id")
        void blankId() {
            assertRejected(() -> new Interaction(" ", MASTODON_ACCOUNT, Interaction.Kind.MENTION, author(), "hi", AT,
                    ThreadPosition.standalone(), Optional.empty(), Optional.empty()), "Interaction", "id",
                    "Interaction.id must not be blank");
        }

        @Test
        @DisplayName("any missing part, named")
        void missingParts() {
            ThreadPosition alone = ThreadPosition.standalone();
            Interaction.Kind mention = Interaction.Kind.MENTION;
            assertRejected(() -> new Interaction("1", null, mention, author(), "hi", AT, alone, Optional.empty(),
                    Optional.empty()), "Interaction", "account", "Interaction.account is required");
            assertRejected(() -> new Interaction("1", MASTODON_ACCOUNT, null, author(), "hi", AT, alone, Optional.empty(),
                    Optional.empty()), "Interaction", "kind", "Interaction.kind is required");
            assertRejected(() -> new Interaction("1", MASTODON_ACCOUNT, mention, null, "hi", AT, alone, Optional.empty(),
                    Optional.empty()), "Interaction", "author", "Interaction.author is required");
            assertRejected(() -> new Interaction("1", MASTODON_ACCOUNT, mention, author(), null, AT, alone,
                    Optional.empty(), Optional.empty()), "Interaction", "text", "Interaction.text is required");
            assertRejected(() -> new Interaction("1", MASTODON_ACCOUNT, mention, author(), "hi", null, alone,
                    Optional.empty(), Optional.empty()), "Interaction", "createdAt", "Interaction.createdAt is required");
            assertRejected(() -> new Interaction("1", MASTODON_ACCOUNT, mention, author(), "hi", AT, null,
                    Optional.empty(), Optional.empty()), "Interaction", "thread", "Interaction.thread is required");
            assertRejected(() -> new Interaction("1", MASTODON_ACCOUNT, mention, author(), "hi", AT, alone, null,
                    Optional.empty()), "Interaction", "language", "Interaction.language is required");
            assertRejected(() -> new Interaction("1", MASTODON_ACCOUNT, mention, author(), "hi", AT, alone,
                    Optional.empty(), null), "Interaction", "url", "Interaction.url is required");
        }
    }

    private static Interaction interaction(Interaction.Kind kind, ThreadPosition thread) {
        return new Interaction("114001", MASTODON_ACCOUNT, kind, author(), "Trop bon ce latte !", AT, thread,
                Optional.empty(), Optional.empty());
    }
}
