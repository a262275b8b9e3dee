package io.cmkit.moderation;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/** Test comments, a settable clock, engines built on the test lexicon. */
public final class Comments {

    public static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final AtomicInteger IDS = new AtomicInteger();

    private Comments() {
    }

    /** A clock tests move by hand, starting at {@link #NOW}. */
    public static final class TestClock extends Clock {
        private Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        public synchronized void advance(Duration d) {
            now = now.plus(d);
        }
    }

    /** A builder of test interactions, by default a comment answering the brand on Mastodon. */
    public static final class Comment {
        private String text;
        private Platform platform = Platform.MASTODON;
        private String authorId = "a1";
        private Instant accountCreatedAt;
        private Long followers;
        private boolean verified;
        private Interaction.Kind kind = Interaction.Kind.COMMENT;
        private boolean replyToBrand = true;
        private Locale language;

        Comment(String text) {
            this.text = text;
        }

        Comment on(Platform platform) {
            this.platform = platform;
            return this;
        }

        public Comment by(String authorId) {
            this.authorId = authorId;
            return this;
        }

        Comment accountAge(Duration age) {
            this.accountCreatedAt = NOW.minus(age);
            return this;
        }

        Comment followers(long n) {
            this.followers = n;
            return this;
        }

        Comment verified() {
            this.verified = true;
            return this;
        }

        Comment mention() {
            this.kind = Interaction.Kind.MENTION;
            this.replyToBrand = false;
            return this;
        }

        Comment deepReply() {
            this.kind = Interaction.Kind.REPLY;
            this.replyToBrand = false;
            return this;
        }

        Comment in(Locale language) {
            this.language = language;
            return this;
        }

        public Interaction build() {
            Author author = new Author(authorId, "user_" + authorId, Optional.empty(), Optional.ofNullable(accountCreatedAt),
                    followers == null ? OptionalLong.empty() : OptionalLong.of(followers), verified);
            ThreadPosition thread = switch (kind) {
                case MENTION, QUOTE -> ThreadPosition.standalone();
                case REPLY -> new ThreadPosition(Optional.of("post1"), Optional.of("c9"), 2, replyToBrand);
                case COMMENT -> new ThreadPosition(Optional.of("post1"), Optional.of("post1"), 1, replyToBrand);
            };
            return new Interaction("c" + IDS.incrementAndGet(), new Account(platform, "cafe_lumiere"), kind, author, text,
                    NOW, thread, Optional.ofNullable(language), Optional.empty());
        }
    }

    public static Comment comment(String text) {
        return new Comment(text);
    }

    /** An engine with one rule {@code r} on {@code condition} that HIDEs, the test lexicon and a 0.9 classifier. */
    static ModerationEngine engineFor(Condition condition, Clock clock) {
        return engine(RuleSet.builder().rule(Rule.builder("r").category("test").when(condition).then(Action.FLAG).build()).build(),
                clock, ModerationConfig.ofDefaults());
    }

    static ModerationEngine engine(RuleSet rules, Clock clock, ModerationConfig config) {
        return ModerationEngine.builder().rules(rules).lexicon(new TestLexicon())
                .classifier("toxic", new FixedClassifier(0.9)).clock(clock).config(config).brandName("Café Lumière").build();
    }
}
