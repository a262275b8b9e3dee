package io.cmkit.core.strategy;

import io.cmkit.core.model.Strategy;
import io.cmkit.core.strategy.internal.BrandKitReader;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads a brand kit: a YAML file holding a brand's whole strategy (brand and accounts,
 * objectives and KPI targets, audiences and personas, editorial line and cadence). The format
 * is documented in {@code docs/brand-kit.md}; JSON, being YAML, is read as well.
 *
 * <p>Loading either returns a valid {@link Strategy} or throws one {@link BrandKitException}
 * listing every problem of the document with its path, line and column: unknown keys (with the
 * closest known key suggested), missing keys, wrong types, invalid values, duplicate keys, YAML
 * syntax errors and every rule of the domain model.
 *
 * <p>Kits are untrusted input: a document may be at most {@value #MAX_BYTES} bytes (1 MiB) and
 * nest at most {@value #MAX_DEPTH} levels; YAML tags, anchors and aliases are refused, and
 * nothing but the model's records is ever constructed. The methods are thread-safe.
 */
public final class BrandKitLoader {

    /** The largest brand kit accepted, in bytes of UTF-8: 1 MiB. */
    public static final int MAX_BYTES = BrandKitReader.MAX_BYTES;

    /** The deepest nesting of mappings and lists accepted. */
    public static final int MAX_DEPTH = BrandKitReader.MAX_DEPTH;

    private BrandKitLoader() {
    }

    /**
     * Loads a brand kit file, read as UTF-8. The file's path, as given, names it in problems.
     *
     * @throws BrandKitException with every problem of the kit; also when the file is missing or
     *                           unreadable (one problem, without a position)
     */
    public static Strategy load(Path file) throws BrandKitException {
        Objects.requireNonNull(file, "file");
        return BrandKitReader.load(file);
    }

    /**
     * Parses a brand kit held in memory.
     *
     * @param yaml the document
     * @param sourceName how problems name the document, e.g. a file name or {@code "upload #42"}
     * @throws BrandKitException with every problem of the kit
     */
    public static Strategy parse(String yaml, String sourceName) throws BrandKitException {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(sourceName, "sourceName");
        return BrandKitReader.parse(yaml, sourceName);
    }

    /**
     * Loads a brand kit from a stream of UTF-8 text, reading at most {@link #MAX_BYTES} bytes
     * plus one. The stream is left open: it belongs to the caller.
     *
     * @param sourceName how problems name the document
     * @throws BrandKitException with every problem of the kit; also when the stream fails
     */
    public static Strategy load(InputStream in, String sourceName) throws BrandKitException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        return BrandKitReader.load(in, sourceName);
    }
}
