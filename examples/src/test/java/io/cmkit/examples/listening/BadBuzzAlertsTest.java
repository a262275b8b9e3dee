package io.cmkit.examples.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.connectors.sandbox.SandboxWorld;
import io.cmkit.connectors.sandbox.SimulatedClock;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.listening.alert.Alert;
import io.cmkit.listening.alert.AlertKind;
import io.cmkit.listening.monitor.SavedQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Alert me on bad buzz")
class BadBuzzAlertsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Account ACCOUNT = new Account(Platform.MASTODON, "cafelumiere@piaille.fr");

    @Test
    @DisplayName("after quiet days, the planted bad buzz raises a bad-buzz alert with its mentions as evidence")
    void alertsOnTheBadBuzz() throws IOException {
        SimulatedClock clock = SimulatedClock.at("2026-03-02T00:00:00Z");
        SandboxWorld world = SandboxWorld.builder().seed(11).clock(clock).zone(PARIS)
                .brandName(ACCOUNT, "Café Lumière").mentionsPerDay(24).build();
        List<Alert> raised = new ArrayList<>();
        BadBuzzAlerts alerts = new BadBuzzAlerts(List.of(world.connector(ACCOUNT)),
                BadBuzzAlerts.readQueries(Path.of("programs", "listening-queries.txt")), raised::add, PARIS, clock);

        Instant buzz = Instant.parse("2026-03-07T09:00:00Z");
        world.plantBadBuzz(ACCOUNT, "Café Lumière", buzz, Duration.ofHours(6), 40);
        while (clock.instant().isBefore(buzz.plus(Duration.ofHours(6)))) {
            clock.advance(Duration.ofHours(1));
            alerts.poll();
        }

        List<Alert> before = raised.stream().filter(a -> a.raisedAt().isBefore(buzz)).toList();
        assertThat(before).noneMatch(a -> a.kind() == AlertKind.BAD_BUZZ);
        Alert badBuzz = raised.stream().filter(a -> a.kind() == AlertKind.BAD_BUZZ).findFirst().orElseThrow();
        assertThat(badBuzz.raisedAt()).isAfter(buzz).isBefore(buzz.plus(Duration.ofHours(3)));
        assertThat(badBuzz.spike().observed()).isGreaterThan((long) badBuzz.spike().threshold());
        assertThat(badBuzz.evidence().topMentions()).isNotEmpty();
        assertThat(BadBuzzAlerts.describe(badBuzz)).startsWith("BAD_BUZZ").contains("\n    @");
    }

    @Test
    @DisplayName("a bad line of the queries file is reported with its file, line and column")
    void badQueriesFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("queries.txt");
        Files.writeString(file, "# mine\nbrand | brand | cafe | \"Café Lumière\"\nrival | rival | x | y\n");
        assertThatThrownBy(() -> BadBuzzAlerts.readQueries(file)).hasMessage(
                "queries.txt:3:8: the second field must be 'brand' or 'competitor', found 'rival'");
        Files.writeString(file, "brand | brand | cafe | (café\n");
        assertThatThrownBy(() -> BadBuzzAlerts.readQueries(file)).hasMessageStartingWith("queries.txt:1:")
                .hasMessageContaining("in the query");
        Files.writeString(file, "brand | cafe\n");
        assertThatThrownBy(() -> BadBuzzAlerts.readQueries(file))
                .hasMessage("queries.txt:1: expected 'id | brand or competitor | owner | query', found 2 field(s)");
        List<SavedQuery> ok = BadBuzzAlerts.readQueries(Path.of("programs", "listening-queries.txt"));
        assertThat(ok).extracting(SavedQuery::id).containsExactly("brand", "competitor");
    }
}
