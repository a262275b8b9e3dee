package io.cmkit.listening.tools;

import io.cmkit.listening.alert.Spike;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectSpikesTest {

    @Test
    @DisplayName("a generated series written as CSV gives back its planted spikes, with start and size against the baseline")
    void generatedSeries(@TempDir Path dir) throws IOException {
        SyntheticSeries.Series series = SyntheticSeries.generate(SyntheticSeries.Spec.defaults(7));
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        series.points().forEach(p -> csv.append(p.at()).append(',').append(p.value()).append('\n'));
        Path file = Files.writeString(dir.resolve("series.csv"), csv);
        List<Spike> spikes = DetectSpikes.run(new String[] {"--file", file.toString()});
        assertThat(spikes).extracting(Spike::bucketStart)
                .containsExactlyElementsOf(series.spikes().stream().map(SyntheticSeries.PlantedSpike::start).toList());
        assertThat(spikes).allSatisfy(s -> assertThat(s.ratio()).isGreaterThan(3));
        assertThat(DetectSpikes.line(spikes.get(0))).startsWith(series.spikes().get(0).start() + ",").endsWith(",seasonal");
    }

    @Test
    @DisplayName("timestamps may be instants, offset or local date-times in --zone, or epoch seconds")
    void timestampFormats(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("# a comment\n");
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        for (int h = 0; h < 4 * 24; h++) {
            Instant at = start.plusSeconds(3600L * h);
            String stamp = switch (h % 3) {
                case 0 -> at.toString();
                case 1 -> String.valueOf(at.getEpochSecond());
                default -> at.atOffset(java.time.ZoneOffset.ofHours(1)).toLocalDateTime().toString().replace('T', ' ');
            };
            csv.append(stamp).append(',').append(h == 3 * 24 + 14 ? 200 : 20).append('\n');
        }
        Path file = Files.writeString(dir.resolve("s.csv"), csv);
        List<Spike> spikes = DetectSpikes.run(new String[] {"--file", file.toString(), "--zone", "+01:00"});
        assertThat(spikes).extracting(Spike::bucketStart).containsExactly(start.plusSeconds(3600L * (3 * 24 + 14)));
    }

    @Test
    @DisplayName("a bad cell is reported with file, line, column and field; bad options with the option")
    void errors(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "timestamp,value\n2026-01-05T00:00:00Z,3\n2026-01-05T01:00:00Z,-2\n");
        assertThatThrownBy(() -> DetectSpikes.run(new String[] {"--file", file.toString()}))
                .hasMessage(file + " line 3 column 22 (value): '-2' is not a whole number of at least 0");
        Files.writeString(file, "yesterday,3\n");
        assertThatThrownBy(() -> DetectSpikes.run(new String[] {"--file", file.toString()}))
                .hasMessage(file + " line 1 column 1 (timestamp): 'yesterday' is not an ISO-8601 date-time nor epoch seconds");
        Files.writeString(file, "2026-01-05T00:00:00Z,3,4\n");
        assertThatThrownBy(() -> DetectSpikes.run(new String[] {"--file", file.toString()}))
                .hasMessageContaining("line 1: expected two fields");
        assertThatThrownBy(() -> DetectSpikes.run(new String[] {"--file", file.toString(), "--bucket", "1h"}))
                .hasMessageContaining("--bucket must be an ISO-8601 duration").hasMessageContaining("'1h'");
        assertThatThrownBy(() -> DetectSpikes.run(new String[] {"--file", file.toString(), "--bucket", "PT7M"}))
                .hasMessageContaining("SpikeConfig.bucket");
        assertThatThrownBy(() -> DetectSpikes.run(new String[] {"--file", file.toString(), "--threshold", "high"}))
                .hasMessage("DetectSpikes: option --threshold must be a number, got 'high'");
    }
}
