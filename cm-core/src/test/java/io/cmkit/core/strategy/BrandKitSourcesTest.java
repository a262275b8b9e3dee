package io.cmkit.core.strategy;

import io.cmkit.core.model.Strategy;
import io.cmkit.core.strategy.BrandKitException.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@DisplayName("Brand kits are loaded")
class BrandKitSourcesTest {

    private static final String KIT = KitFragments.BRAND + """
              accounts:
                - platform: instagram
                  handle: cafe.lumiere.lyon
            """ + KitFragments.ONE_PILLAR;

    @TempDir
    Path dir;

    @Test
    @DisplayName("from a file, whose path names it in every problem")
    void fromFile() throws Exception {
        Path file = Files.writeString(dir.resolve("cafe.yaml"), KIT.replace("share: 100", "share: 90"));

        assertThat(BrandKitLoader.load(Files.writeString(dir.resolve("ok.yaml"), KIT)).brand().id())
                .isEqualTo("cafe-lumiere");
        assertThatThrownBy(() -> BrandKitLoader.load(file))
                .isInstanceOfSatisfying(BrandKitException.class, e -> assertThat(e.problems())
                        .extracting(Problem::source, Problem::path, Problem::line, Problem::column)
                        .containsExactly(tuple(file.toString(), "editorial_line.pillars", 13, 3)))
                .hasMessage(file + ":13:3: editorial_line.pillars: pillar shares must add up to 100% (got 90 = 90%)");
    }

    @Test
    @DisplayName("from a missing file: one problem, without a position")
    void missingFile() {
        Path missing = dir.resolve("nowhere.yaml");

        assertThatThrownBy(() -> BrandKitLoader.load(missing))
                .isInstanceOfSatisfying(BrandKitException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem(missing.toString(), "", 0, 0, "file not found")))
                .hasMessage(missing + ": file not found");
    }

    @Test
    @DisplayName("not from a directory")
    void directory() {
        assertThatThrownBy(() -> BrandKitLoader.load(dir))
                .isInstanceOf(BrandKitException.class)
                .hasMessage(dir + ": is a directory, not a brand kit file");
    }

    @Test
    @DisplayName("from a stream, which is left open for its owner")
    void fromStream() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream(KIT.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() throws IOException {
                closed.set(true);
                super.close();
            }
        };

        Strategy strategy = BrandKitLoader.load(in, "upload #42");

        assertThat(strategy.brand().name()).isEqualTo("Café Lumière");
        assertThat(closed).isFalse();
    }

    @Test
    @DisplayName("from a stream that fails: one problem naming the failure")
    void failingStream() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> BrandKitLoader.load(broken, "upload #43"))
                .isInstanceOf(BrandKitException.class)
                .hasMessage("upload #43: cannot be read: connection reset");
    }

    @Test
    @DisplayName("only up to 1 MiB, from a string or a stream, before any parsing")
    void sizeLimit() {
        String huge = KIT + "# " + "x".repeat(BrandKitLoader.MAX_BYTES) + "\n";

        assertThatThrownBy(() -> BrandKitLoader.parse(huge, "huge.yaml"))
                .isInstanceOfSatisfying(BrandKitException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).startsWith(
                                "is larger than the 1048576 bytes (1 MiB) a brand kit may hold")));
        assertThatThrownBy(() -> BrandKitLoader.load(
                new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)), "huge.yaml"))
                .isInstanceOf(BrandKitException.class)
                .hasMessage("huge.yaml: is larger than the 1048576 bytes (1 MiB) a brand kit may hold");
    }

    @Test
    @DisplayName("as UTF-8 only: another encoding is reported at its first foreign byte")
    void notUtf8() {
        byte[] latin1 = KIT.getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> BrandKitLoader.load(new ByteArrayInputStream(latin1), "latin1.yaml"))
                .isInstanceOfSatisfying(BrandKitException.class, e -> assertThat(e.problems())
                        .extracting(Problem::line, Problem::column, Problem::message)
                        .containsExactly(tuple(4, 12,
                                "is not UTF-8 text (byte 0xE9 at offset 46); save the file as UTF-8")));
    }

    @Test
    @DisplayName("with or without a byte order mark")
    void byteOrderMark() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write(KIT.getBytes(StandardCharsets.UTF_8));

        assertThat(BrandKitLoader.load(new ByteArrayInputStream(bytes.toByteArray()), "bom.yaml").brand().id())
                .isEqualTo("cafe-lumiere");
    }

    @Test
    @DisplayName("in JSON too, since JSON is YAML, with the same positions")
    void json() throws Exception {
        String json = """
                {
                  "cmkit": 1,
                  "brand": {"id": "cafe-lumiere", "name": "Café Lumière", "time_zone": "Europe/Paris",
                            "default_language": "fr"},
                  "editorial_line": {"tone": "chaleureux", "languages": ["fr"],
                                     "pillars": [{"name": "Recettes", "share": 100}]}
                }
                """;

        assertThat(BrandKitLoader.parse(json, "kit.json").editorialLine().pillars()).hasSize(1);
        assertThatThrownBy(() -> BrandKitLoader.parse(json.replace("\"share\": 100", "\"share\": -5"), "kit.json"))
                .isInstanceOf(BrandKitException.class)
                .hasMessage("kit.json:6:64: editorial_line.pillars[0].share: "
                        + "must be a percentage above 0 and at most 100 (got -5.0)");
    }

    @Test
    @DisplayName("with YAML 1.1 surprises avoided: NO stays Norway and 8:30 stays a time of day")
    void yaml11Surprises() throws Exception {
        Strategy strategy = BrandKitLoader.parse(KIT + """
                  cadences:
                    instagram: {posts_per_week: 1, days: [mon], times: [8:30]}
                audiences:
                  - name: Nordics
                    countries: [NO, SE, DK]
                """, "kit.yaml");

        assertThat(strategy.audiences().get(0).countries()).containsExactlyInAnyOrder("NO", "SE", "DK");
        assertThat(strategy.editorialLine().cadences().get(0).times()).containsExactly(LocalTime.of(8, 30));
    }
}
