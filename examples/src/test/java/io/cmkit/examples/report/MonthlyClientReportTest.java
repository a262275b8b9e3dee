package io.cmkit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.analytics.report.ClientReport;
import io.cmkit.connectors.sandbox.SandboxWorld;
import io.cmkit.connectors.sandbox.SimulatedClock;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.model.Strategy;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.Metrics;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.strategy.BrandKitLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Monthly client report")
class MonthlyClientReportTest {

    @Test
    @DisplayName("from two months of stored sandbox snapshots, writes March's report whose figures agree with its tables")
    void writesTheMonth(@TempDir Path dir) throws Exception {
        Strategy strategy = BrandKitLoader.load(Path.of("brand-kits", "cafe-lumiere.fr.yaml"));
        ZoneId zone = strategy.brand().timeZone();
        List<Account> accounts = strategy.brand().accounts().subList(0, 2);
        SimulatedClock clock = SimulatedClock.at(LocalDate.of(2026, 2, 1).atStartOfDay(zone).toInstant());
        SandboxWorld world = SandboxWorld.builder().seed(5).clock(clock).zone(zone).build();
        List<PostRef> posts = new ArrayList<>();
        List<MetricSnapshot> snapshots = new ArrayList<>();
        for (int day = 0; day < 59; day++) {
            for (Account account : accounts) {
                Connector connector = world.connector(account);
                if (day % 3 == 0) {
                    posts.add(connector.require(Publishing.class).publish(PublishRequest.now(
                            PostVariant.text(account.platform(), "Jour " + day + " à l'atelier"), account.key() + day)).ref());
                }
                snapshots.add(connector.require(Metrics.class).accountSnapshot());
            }
            clock.advance(Duration.ofHours(23));
            for (PostRef post : posts) {
                Account account = accounts.stream().filter(a -> a.platform().equals(post.platform())).findFirst().orElseThrow();
                snapshots.add(world.connector(account).require(Metrics.class).snapshot(post));
            }
            clock.advance(Duration.ofHours(1));
        }
        Path file = dir.resolve("snapshots.csv");
        SnapshotFile.write(file, snapshots);
        assertThat(SnapshotFile.read(file)).containsExactlyElementsOf(snapshots);

        MonthlyClientReport program = new MonthlyClientReport(strategy, Locale.FRANCE);
        ClientReport report = program.report(SnapshotFile.read(file), YearMonth.of(2026, 3), LocalDate.of(2026, 4, 1));
        List<Path> files = program.write(report, dir.resolve("out"));

        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("report-2026-03.html", "report-2026-03.pdf", "kpis.csv", "engagement.csv");
        assertThat(Files.readString(dir.resolve("out/report-2026-03.html"))).contains("Chiffres clés", "<svg");
        double engagements = report.kpis().stream().filter(t -> t.metric().equals(Metric.ENGAGEMENTS)).findFirst()
                .orElseThrow().value().orElseThrow();
        double perDay = report.engagement().stream().flatMap(s -> s.days().stream()).mapToDouble(d -> d.value()).sum();
        // Each post's gain over March, from its own readings: the last one in March minus the last one before.
        java.time.Instant march = LocalDate.of(2026, 3, 1).atStartOfDay(zone).toInstant();
        java.time.Instant april = LocalDate.of(2026, 4, 1).atStartOfDay(zone).toInstant();
        long byPost = 0;
        for (PostRef post : posts) {
            List<MetricSnapshot> of = snapshots.stream().filter(s -> s.postId().equals(java.util.Optional.of(post.id()))
                    && s.account().platform().equals(post.platform())).toList();
            long before = of.stream().filter(s -> s.takenAt().isBefore(march)).reduce((x, y) -> y).map(MonthlyClientReportTest::engagements).orElse(0L);
            long end = of.stream().filter(s -> s.takenAt().isBefore(april)).reduce((x, y) -> y).map(MonthlyClientReportTest::engagements).orElse(0L);
            byPost += end - before;
        }
        assertThat(engagements).isPositive().isEqualTo(perDay).isEqualTo(byPost);
        double followers = report.kpis().stream().filter(t -> t.metric().equals(Metric.FOLLOWERS)).findFirst()
                .orElseThrow().value().orElseThrow();
        long lastFollowers = accounts.stream().mapToLong(a -> snapshots.stream()
                .filter(s -> s.postId().isEmpty() && s.account().equals(a)
                        && s.takenAt().isBefore(LocalDate.of(2026, 4, 1).atStartOfDay(zone).toInstant()))
                .reduce((x, y) -> y).orElseThrow().value(Metric.FOLLOWERS).orElseThrow()).sum();
        assertThat(followers).isEqualTo(lastFollowers);
    }

    static long engagements(MetricSnapshot s) {
        return java.util.stream.Stream.of(Metric.LIKES, Metric.SHARES, Metric.COMMENTS, Metric.QUOTES, Metric.SAVES)
                .mapToLong(m -> s.value(m).orElse(0L)).sum();
    }

    @Test
    @DisplayName("a bad line of the snapshots file is reported with its file, line and field")
    void badFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.csv");
        Files.writeString(file, SnapshotFile.HEADER + "\n2026-03-01T00:00:00Z,mastodon,a@b.c,,followers,many\n");
        assertThatThrownBy(() -> SnapshotFile.read(file)).hasMessage("s.csv:2: value must be a whole number, found 'many'");
        Files.writeString(file, SnapshotFile.HEADER + "\nyesterday,mastodon,a@b.c,,followers,3\n");
        assertThatThrownBy(() -> SnapshotFile.read(file)).hasMessageStartingWith("s.csv:2: taken_at must be an ISO instant");
    }
}
