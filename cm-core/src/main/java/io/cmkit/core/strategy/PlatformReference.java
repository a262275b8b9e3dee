package io.cmkit.core.strategy;

import io.cmkit.core.model.AgeRange;
import io.cmkit.core.model.Platform;
import io.cmkit.core.strategy.internal.ReferenceParser;
import io.cmkit.core.strategy.internal.ReferenceTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The figures {@link PlatformFit} compares audiences with: for each platform, the share of its
 * users in each age band, its reach in each country, and its affinity with interest and
 * behaviour tags. Immutable and safe to share.
 *
 * <p>{@link #defaults()} is the table shipped in cm-core
 * ({@code io/cmkit/core/strategy/platform-reference.csv}): rounded, approximate public figures
 * (DataReportal, Pew Research Center, UN World Population Prospects, 2024-2025) and editorial
 * affinity estimates, each block with its source and date in the file. They are orders of
 * magnitude to start with, meant to be replaced by the host's own data with {@link #load(Path)}.
 * The format is described in {@code docs/platform-fit.md}.
 */
public final class PlatformReference {

    /** The name the shipped table reports itself under, in messages and explanations. */
    public static final String DEFAULTS_SOURCE = "cmkit platform-reference.csv";

    private static final String DEFAULTS_RESOURCE = "platform-reference.csv";

    private final ReferenceTable table;

    private PlatformReference(ReferenceTable table) {
        this.table = table;
    }

    /** The table shipped with cm-core, read once. */
    public static PlatformReference defaults() {
        return Defaults.INSTANCE;
    }

    private static final class Defaults {
        static final PlatformReference INSTANCE = readDefaults();

        private static PlatformReference readDefaults() {
            try (InputStream in = PlatformReference.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("cm-core resource " + DEFAULTS_RESOURCE + " is missing");
                }
                return load(in, DEFAULTS_SOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read cm-core resource " + DEFAULTS_RESOURCE, e);
            }
        }
    }

    /**
     * Reads a table from a UTF-8 file; its path is the source name in messages.
     *
     * @throws IOException when the file cannot be read
     * @throws PlatformReferenceException when the table is malformed, naming file, line and column
     */
    public static PlatformReference load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        return new PlatformReference(ReferenceParser.parse(Files.readString(file, StandardCharsets.UTF_8),
                file.toString()));
    }

    /**
     * Reads a table from a UTF-8 stream, which is read to its end but not closed.
     *
     * @param sourceName what to call the table in messages, e.g. its file or URL
     * @throws IOException when the stream cannot be read
     * @throws PlatformReferenceException when the table is malformed, naming source, line and column
     */
    public static PlatformReference load(InputStream in, String sourceName) throws IOException {
        Objects.requireNonNull(in, "in");
        if (sourceName == null || sourceName.isBlank()) {
            throw new IllegalArgumentException("sourceName must not be blank");
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new PlatformReference(ReferenceParser.parse(text, sourceName.strip()));
    }

    /** What the table is called in messages: its file, or {@link #DEFAULTS_SOURCE}. */
    public String sourceName() {
        return table.source();
    }

    /** The platforms the table has figures for, by id. */
    public List<Platform> platforms() {
        return List.copyOf(table.platforms());
    }

    /** Whether the table has any figure for this platform. */
    public boolean covers(Platform platform) {
        return table.platforms().contains(platform);
    }

    /** The age bands of the table, in its order. */
    public List<AgeRange> ageBands() {
        return table.ageBands();
    }

    /** The countries the table lists, as upper-case ISO codes, sorted; others use its default row if any. */
    public List<String> countries() {
        return List.copyOf(table.countries());
    }

    /** The interest tags the table knows, sorted: the vocabulary to describe audiences with. */
    public List<String> interests() {
        return List.copyOf(table.interests());
    }

    /** The behaviour tags the table knows, sorted. */
    public List<String> behaviours() {
        return List.copyOf(table.behaviours());
    }

    ReferenceTable table() {
        return table;
    }

    @Override
    public String toString() {
        return "PlatformReference[" + table.source() + ", " + table.platforms() + "]";
    }
}
