package io.cmkit.connectors.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.AuthenticationException;
import io.cmkit.core.spi.Capability;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.Pager;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.spi.RateLimitedException;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.TransientException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every connector must do. Extend it, implement {@link #createHarness()}, and the groups
 * below run against your connector; a group it cannot take part in (a capability it lacks, a
 * fault its harness cannot produce) is skipped with the reason.
 *
 * <pre>{@code
 * class MastodonConnectorCompatibilityTest extends ConnectorCompatibilityKit {
 *     @RegisterExtension
 *     static final LoopbackWireMock WIREMOCK = new LoopbackWireMock();
 *
 *     @Override
 *     protected ConnectorHarness createHarness() {
 *         return new MastodonFake(WIREMOCK.server());
 *     }
 * }
 * }</pre>
 *
 * <p>Faults are injected for "the next calls": the kit then makes one probe call, a publication
 * with a fresh idempotency key when the connector publishes, else a read of its mention feed.
 */
public abstract class ConnectorCompatibilityKit {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]+");
    private static final AtomicInteger KEYS = new AtomicInteger();

    /** The harness of the current test. */
    protected ConnectorHarness harness;

    /** The connector under test and its fault driver; called before each test. */
    protected abstract ConnectorHarness createHarness() throws Exception;

    @BeforeEach
    void openHarness() throws Exception {
        harness = createHarness();
    }

    @AfterEach
    void closeHarness() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    /** The connector under test. */
    protected Connector connector() {
        return harness.connector();
    }

    /** A fresh idempotency key. */
    protected static String key(String what) {
        return "kit-" + what + "-" + KEYS.incrementAndGet();
    }

    /** A short text variant for the connector's platform. */
    protected PostVariant variant(String text) {
        return PostVariant.text(connector().platform(), text);
    }

    /** One call that reaches the platform: a publication, else a mention read. */
    protected void probe() throws ConnectorException {
        Optional<Publishing> publishing = connector().publishing();
        if (publishing.isPresent()) {
            publishing.get().publish(PublishRequest.now(variant("cmkit kit probe " + KEYS.get()), key("probe")));
        } else {
            connector().require(MentionFeed.class).mentions(Optional.empty());
        }
    }

    private void requireCapability(Capability capability) {
        assumeTrue(connector().capabilities().contains(capability),
                () -> connector().platform().displayName() + " connector lacks " + capability + ": group skipped");
    }

    private void requireProbe() {
        assumeTrue(connector().publishing().isPresent() || connector().mentionFeed().isPresent(),
                "the connector has neither PUBLISHING nor MENTION_FEED to probe faults with");
    }

    private void requireFault(FaultDriver.Kind kind) {
        requireProbe();
        Optional<String> why = harness.faults().cannotSimulate(kind);
        assumeTrue(why.isEmpty(), () -> "cannot simulate " + kind + ": " + why.orElse(""));
    }

    private void requireRetries() {
        assumeTrue(harness.retries() > 0, "the connector does not retry (retries() is 0): failures surface at once,"
                + " which the 'surface as' tests check");
    }

    @Nested
    @DisplayName("publishing")
    class PublishingGroup {

        @BeforeEach
        void requirePublishing() {
            requireCapability(Capability.PUBLISHING);
        }

        @Test
        @DisplayName("a post is published, answered and deleted")
        void roundTrip() throws ConnectorException {
            Publishing publishing = connector().require(Publishing.class);
            String postKey = key("post");
            PublishedPost post = publishing.publish(PublishRequest.now(variant("cmkit kit: a post"), postKey));
            assertThat(post.ref().platform()).isEqualTo(connector().platform());
            assertThat(post.idempotencyKey()).isEqualTo(postKey);

            PublishedPost reply = publishing.publish(PublishRequest.reply(variant("cmkit kit: a reply"), key("reply"),
                    post.ref()));
            assertThat(reply.ref().id()).isNotEqualTo(post.ref().id());

            publishing.delete(reply.ref());
            publishing.delete(post.ref());
        }
    }

    @Nested
    @DisplayName("refusals")
    class Refusals {

        @Test
        @DisplayName("a publication refused for good is reported with the platform's reason, never dropped")
        void rejected() {
            requireCapability(Capability.PUBLISHING);
            requireFault(FaultDriver.Kind.REJECTED);
            harness.faults().rejectOnce("Validation failed: Text can't be blank");

            RejectedException e = catchThrowableOfType(RejectedException.class, ConnectorCompatibilityKit.this::probe);

            assertThat(e).as("a RejectedException").isNotNull();
            assertThat(e.reason()).contains("Validation failed: Text can't be blank");
            assertThat(e.getMessage()).contains("Validation failed: Text can't be blank");
            assertThat(e.isRetryable()).isFalse();
        }
    }

    @Nested
    @DisplayName("mention feed")
    class MentionFeedGroup {

        @BeforeEach
        void requireFeed() {
            requireCapability(Capability.MENTION_FEED);
        }

        @Test
        @DisplayName("pagination resumes from a saved cursor without losing or repeating a mention")
        void resumesFromSavedCursor() throws Exception {
            List<String> seeded = harness.seedMentions(5);
            MentionFeed feed = connector().require(MentionFeed.class);

            Page<Interaction> first = feed.mentions(Optional.empty());
            assertThat(first.items()).as("the first page").isNotEmpty();
            assertThat(first.next()).as("the first page's cursor").isPresent();
            String stored = first.next().get().value();   // what a host writes to its database

            Pager<Interaction> resumed = Pager.from(Optional.of(Cursor.of(stored)), feed::mentions);
            List<Interaction> rest = resumed.collect(10_000);

            List<Interaction> all = new ArrayList<>(first.items());
            all.addAll(rest);
            Set<String> ids = new HashSet<>();
            assertThat(all).allSatisfy(i -> assertThat(ids.add(i.id())).as("mention %s read once", i.id()).isTrue());
            assertThat(all).extracting(Interaction::text).containsAll(seeded);
            assertThat(first.items()).as("the first page holds only part of them").hasSizeLessThan(all.size());
        }

        @Test
        @DisplayName("a feed that is caught up answers an empty page and keeps its cursor")
        void caughtUp() throws Exception {
            harness.seedMentions(2);
            MentionFeed feed = connector().require(MentionFeed.class);
            Pager<Interaction> pager = Pager.from(Optional.empty(), feed::mentions);
            pager.collect(10_000);
            assertThat(pager.resumeFrom()).as("a growing feed always hands back a cursor").isPresent();

            Page<Interaction> again = feed.mentions(pager.resumeFrom());
            assertThat(again.items()).isEmpty();
            assertThat(again.next()).isPresent();
        }
    }

    @Nested
    @DisplayName("rate limits")
    class RateLimits {

        @BeforeEach
        void requireRateLimits() {
            requireFault(FaultDriver.Kind.RATE_LIMIT);
        }

        @Test
        @DisplayName("a 429 with a reset time is waited out, not failed")
        void waitedOut() throws ConnectorException {
            assumeTrue(harness.longestRateLimitWait().compareTo(Duration.ofSeconds(30)) >= 0,
                    () -> "the connector never waits for a rate limit (longest wait " + harness.longestRateLimitWait()
                            + "): it surfaces RateLimitedException at once, which the next test checks");
            Instant resetAt = harness.clock().instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(21);
            harness.faults().rateLimitOnce(resetAt);

            probe();

            assertThat(harness.clock().instant()).as("the connector waited until the reset")
                    .isAfterOrEqualTo(resetAt.minusSeconds(1));
        }

        @Test
        @DisplayName("a 429 resetting beyond the longest wait surfaces as RateLimitedException with its reset time")
        void beyondLongestWait() {
            Instant resetAt = harness.clock().instant().plus(harness.longestRateLimitWait()).plus(Duration.ofHours(1))
                    .truncatedTo(ChronoUnit.SECONDS);
            harness.faults().rateLimitOnce(resetAt);

            RateLimitedException e = catchThrowableOfType(RateLimitedException.class, ConnectorCompatibilityKit.this::probe);

            assertThat(e).as("a RateLimitedException").isNotNull();
            assertThat(e.resetAt()).isBetween(resetAt.minusSeconds(2), resetAt.plusSeconds(2));
            assertThat(e.isRetryable()).isTrue();
        }
    }

    @Nested
    @DisplayName("authentication")
    class Authentication {

        @Test
        @DisplayName("401 maps to AuthenticationException")
        void unauthorized() {
            requireFault(FaultDriver.Kind.UNAUTHORIZED);
            harness.faults().unauthorized(harness.retries() + 2);

            assertThatThrownBy(ConnectorCompatibilityKit.this::probe)
                    .isInstanceOf(AuthenticationException.class)
                    .satisfies(e -> assertThat(((ConnectorException) e).isRetryable()).isFalse());
        }
    }

    @Nested
    @DisplayName("transient failures")
    class TransientFailures {

        @Test
        @DisplayName("server errors within the retry budget are retried and the call succeeds")
        void serverErrorsRetried() throws ConnectorException {
            requireFault(FaultDriver.Kind.SERVER_ERROR);
            requireRetries();
            harness.faults().serverErrors(harness.retries());

            probe();
        }

        @Test
        @DisplayName("server errors beyond the retry budget surface as TransientException")
        void serverErrorsSurface() {
            requireFault(FaultDriver.Kind.SERVER_ERROR);
            harness.faults().serverErrors(harness.retries() + 1);

            assertThatThrownBy(ConnectorCompatibilityKit.this::probe)
                    .isInstanceOf(TransientException.class)
                    .satisfies(e -> assertThat(((ConnectorException) e).isRetryable()).isTrue());
        }

        @Test
        @DisplayName("connection resets are retried and the call succeeds")
        void connectionResetsRetried() throws ConnectorException {
            requireFault(FaultDriver.Kind.CONNECTION_RESET);
            requireRetries();
            harness.faults().connectionResets(harness.retries());

            probe();
        }

        @Test
        @DisplayName("connection resets beyond the retry budget surface as TransientException")
        void connectionResetsSurface() {
            requireFault(FaultDriver.Kind.CONNECTION_RESET);
            harness.faults().connectionResets(harness.retries() + 1);

            assertThatThrownBy(ConnectorCompatibilityKit.this::probe).isInstanceOf(TransientException.class);
        }
    }

    @Nested
    @DisplayName("malformed answers")
    class MalformedAnswers {

        @Test
        @DisplayName("malformed JSON gives a clear error, not a parser exception")
        void malformedJson() {
            requireFault(FaultDriver.Kind.MALFORMED_JSON);
            harness.faults().malformedJson(harness.retries() + 1);

            Throwable e = org.assertj.core.api.Assertions.catchThrowable(ConnectorCompatibilityKit.this::probe);

            assertThat(e).isInstanceOfAny(TransientException.class, RejectedException.class);
            assertThat(e.getMessage()).isNotBlank().containsIgnoringCase("JSON");
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(t.getClass().getName()).as("no parser exception in the chain").doesNotStartWith("com.fasterxml");
            }
        }
    }

    @Nested
    @DisplayName("secrets")
    class Secrets {

        @Test
        @DisplayName("no log line contains a token")
        void noTokenInLogs() throws Exception {
            assumeTrue(LogCapture.installed(), "SLF4J does not log through CapturingSlf4jProvider: remove the other SLF4J provider"
                    + " from the test classpath or run with -Dslf4j.provider=io.cmkit.connectors.testkit.CapturingSlf4jProvider");
            List<String> messages = new ArrayList<>();
            List<CapturedLine> lines;
            try (LogCapture logs = LogCapture.start()) {
                if (connector().publishing().isPresent()) {
                    Publishing publishing = connector().require(Publishing.class);
                    PublishedPost post = publishing.publish(PublishRequest.now(variant("cmkit kit: secrets"), key("s")));
                    publishing.delete(post.ref());
                }
                if (connector().mentionFeed().isPresent()) {
                    harness.seedMentions(3);
                    Pager.from(Optional.empty(), connector().require(MentionFeed.class)::mentions).collect(100);
                }
                for (FaultDriver.Kind kind : List.of(FaultDriver.Kind.UNAUTHORIZED, FaultDriver.Kind.SERVER_ERROR)) {
                    if ((connector().publishing().isPresent() || connector().mentionFeed().isPresent())
                            && harness.faults().cannotSimulate(kind).isEmpty()) {
                        if (kind == FaultDriver.Kind.UNAUTHORIZED) {
                            harness.faults().unauthorized(harness.retries() + 2);
                        } else {
                            harness.faults().serverErrors(harness.retries() + 1);
                        }
                        try {
                            probe();
                        } catch (ConnectorException e) {
                            messages.add(e.getMessage());
                        }
                        harness.faults().clear();
                    }
                }
                lines = logs.lines();
            }
            messages.add(connector().toString());
            for (String secret : harness.secrets()) {
                assertThat(lines).as("log lines").noneSatisfy(l -> assertThat(l.text()).contains(secret));
                assertThat(messages).as("exception messages and toString()").noneSatisfy(m -> assertThat(m).contains(secret));
            }
            assertThat(lines).as("log lines").noneSatisfy(l -> assertThat(l.text()).containsPattern(JWT));
            assertThat(messages).noneSatisfy(m -> assertThat(m).containsPattern(JWT));
        }
    }
}
