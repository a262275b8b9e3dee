package io.cmkit.bench.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The scheduler throughput benchmark compares like with like")
class SchedulerThroughputTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    @DisplayName("200 items, 2 instances, H2: cmkit publishes and db-scheduler executes every item exactly once, the same items")
    void bothExecuteTheSameItemsExactlyOnce() {
        Set<String> items = ExactlyOnce.requireSameWork(
                new CmkitThroughputRun(BenchDatabase.Engine.H2, 200, 2, CmkitThroughputRun.ConnectorKind.SANDBOX),
                new DbSchedulerThroughputRun(BenchDatabase.Engine.H2, 200, 2, DbSchedulerThroughputRun.DEFAULT_THREADS),
                200, TIMEOUT);

        assertThat(items).hasSize(200).contains("p0", "p199");
    }

    @Test
    @DisplayName("the minimal connector variant publishes every item exactly once too")
    void minimalConnectorExactlyOnce() {
        try (ThroughputRun run = new CmkitThroughputRun(BenchDatabase.Engine.H2, 100, 2,
                CmkitThroughputRun.ConnectorKind.MINIMAL)) {
            run.prepare();
            assertThat(run.execute(TIMEOUT)).isEqualTo(100);
            assertThat(ExactlyOnce.require("cmkit", run.executions(), 100)).hasSize(100);
        }
    }

    @Test
    @DisplayName("the check fails loudly on a missing, a repeated or an unknown item")
    void checkCatchesDifferentWork() {
        assertThatThrownBy(() -> ExactlyOnce.require("x", Map.of("p0", 1, "p1", 2), 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 missing [p2]").hasMessageContaining("1 repeated [p1 x2]");
        assertThatThrownBy(() -> ExactlyOnce.require("x", Map.of("p0", 1, "q9", 1), 1))
                .hasMessageContaining("1 unknown [q9]");
        assertThat(ExactlyOnce.require("x", Map.of("p0", 1, "p1", 1), 2)).containsExactly("p0", "p1");
    }
}
