package io.cmkit.connectors.sandbox;

import io.cmkit.connectors.testkit.ConnectorCompatibilityKit;
import io.cmkit.connectors.testkit.ConnectorHarness;
import io.cmkit.connectors.testkit.FaultDriver;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.Connector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;

/**
 * The sandbox passes the connector kit. It has no HTTP layer: it neither retries nor waits for a
 * rate limit (it surfaces each injected fault at once, as a typed exception with its data, for the
 * scheduler and the inbox to handle), and it exchanges no JSON. So the kit's "retried and
 * succeeds" and "waited out" tests and its malformed JSON test are skipped, saying so; a
 * connection reset maps to the sandbox's transient failure.
 */
@DisplayName("the sandbox connector passes the connector kit")
class SandboxConnectorCompatibilityTest extends ConnectorCompatibilityKit {

    private static final Account ACCOUNT = new Account(Platform.MASTODON, "kit@sandbox.example");

    @Override
    protected ConnectorHarness createHarness() {
        SimulatedClock clock = SimulatedClock.at(Sandbox.MONDAY_MORNING);
        SandboxWorld world = SandboxWorld.builder().seed(7).clock(clock).pageSize(2).mentionsPerDay(0).build();
        return new SandboxHarness(world, clock);
    }

    private static final class SandboxHarness implements ConnectorHarness {

        private final SandboxWorld world;
        private final SimulatedClock clock;
        private final Connector connector;
        private int seeded;

        SandboxHarness(SandboxWorld world, SimulatedClock clock) {
            this.world = world;
            this.clock = clock;
            this.connector = world.connector(ACCOUNT);
        }

        @Override
        public Connector connector() {
            return connector;
        }

        @Override
        public FaultDriver faults() {
            SandboxFaults faults = world.faults(ACCOUNT);
            return new FaultDriver() {
                @Override
                public Optional<String> cannotSimulate(Kind kind) {
                    return kind == Kind.MALFORMED_JSON
                            ? Optional.of("the sandbox exchanges no JSON; an unreadable answer would be the same "
                            + "TransientException as its transient failure, covered by the server error tests")
                            : Optional.empty();
                }

                @Override
                public void rateLimitOnce(Instant resetAt) {
                    faults.failNext(1, Fault.rateLimitedUntil(resetAt));
                }

                @Override
                public void unauthorized(int times) {
                    faults.failNext(times, Fault.authenticationFailure());
                }

                @Override
                public void serverErrors(int times) {
                    faults.failNext(times, Fault.transientFailure());
                }

                @Override
                public void connectionResets(int times) {
                    faults.failNext(times, Fault.transientFailure());
                }

                @Override
                public void malformedJson(int times) {
                    throw new UnsupportedOperationException("the sandbox exchanges no JSON");
                }

                @Override
                public void rejectOnce(String reason) {
                    faults.failNext(1, Fault.rejected(reason));
                }

                @Override
                public void clear() {
                    faults.clear();
                }
            };
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public int retries() {
            return 0;
        }

        @Override
        public Duration longestRateLimitWait() {
            return Duration.ZERO;
        }

        @Override
        public List<String> seedMentions(int count) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                seeded++;
                String text = "Mention " + seeded + " pour @kit : vous ouvrez dimanche ?";
                clock.advance(Duration.ofMinutes(1));
                world.plantMention(ACCOUNT, "fan" + seeded, text, clock.instant());
                texts.add(text);
            }
            clock.advance(Duration.ofMinutes(1));
            return texts;
        }

        @Override
        public Set<String> secrets() {
            return Set.of();
        }
    }
}
